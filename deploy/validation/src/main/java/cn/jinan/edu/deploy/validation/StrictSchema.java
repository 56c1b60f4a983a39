package cn.jinan.edu.deploy.validation;

import cn.jinan.edu.deploy.validation.Manifest.Resource;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads each object into the fabric8 Kubernetes model (the API's own schema, generated from its
 * OpenAPI) and fails on anything the API server would reject for its shape: unknown fields (the
 * models' catch-all any-setter is removed, so a typo is an error instead of an extra property) and
 * wrong types (no coercion of "80" to 80, 1 to "1" or "true" to true).
 *
 * <p>Custom resources (CloudNativePG, the Barman Cloud plugin, Prometheus Operator, Gateway API,
 * cert-manager) have no model here: they are checked by the TypeScript validator (validation/ts),
 * which is listed in {@link #DELEGATED} so that no kind goes unchecked.
 */
public final class StrictSchema {
  static final Map<String, Class<?>> MODELS =
      Map.ofEntries(
          Map.entry("v1/Namespace", Namespace.class),
          Map.entry("v1/ConfigMap", ConfigMap.class),
          Map.entry("v1/Secret", Secret.class),
          Map.entry("v1/Service", Service.class),
          Map.entry("v1/ServiceAccount", ServiceAccount.class),
          Map.entry("v1/PersistentVolumeClaim", PersistentVolumeClaim.class),
          Map.entry("apps/v1/Deployment", Deployment.class),
          Map.entry("apps/v1/StatefulSet", StatefulSet.class),
          Map.entry("batch/v1/Job", Job.class),
          Map.entry("batch/v1/CronJob", CronJob.class),
          Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
          Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
          Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
          Map.entry("networking.k8s.io/v1/Ingress", Ingress.class));

  /** Kinds whose schema lives in the TypeScript validator (CRDs). */
  static final Set<String> DELEGATED =
      Set.of(
          "postgresql.cnpg.io/v1/Cluster",
          "postgresql.cnpg.io/v1/ScheduledBackup",
          "barmancloud.cnpg.io/v1/ObjectStore",
          "monitoring.coreos.com/v1/ServiceMonitor",
          "monitoring.coreos.com/v1/PodMonitor",
          "monitoring.coreos.com/v1/PrometheusRule",
          "gateway.networking.k8s.io/v1/Gateway",
          "gateway.networking.k8s.io/v1/HTTPRoute",
          "cert-manager.io/v1/Certificate");

  private final ObjectMapper mapper = strictMapper();

  static ObjectMapper strictMapper() {
    SimpleModule noAnySetter = new SimpleModule("no-any-setter");
    noAnySetter.setDeserializerModifier(
        new BeanDeserializerModifier() {
          @Override
          public BeanDeserializerBuilder updateBuilder(
              DeserializationConfig config,
              BeanDescription description,
              BeanDeserializerBuilder builder) {
            // Every fabric8 model keeps unknown fields in additionalProperties; without that
            // setter Jackson reports them instead.
            if (description.getBeanClass().getName().startsWith("io.fabric8.")) {
              builder.setAnySetter(null);
            }
            return builder;
          }
        });
    ObjectMapper mapper =
        JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .addModule(noAnySetter)
            .build();
    // The API server is typed: a quoted number is a string, a bare number is not a string.
    for (LogicalType type : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
      mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    }
    for (CoercionInputShape shape :
        List.of(CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean)) {
      mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
    }
    mapper
        .coercionConfigFor(LogicalType.Boolean)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    return mapper;
  }

  /** The problems of one object; empty when the API would accept its shape. */
  public List<String> check(Resource resource) {
    String type = resource.apiVersion() + "/" + resource.kind();
    if (resource.apiVersion().isEmpty() || resource.kind().isEmpty()) {
      return List.of(resource.label() + ": apiVersion and kind are required");
    }
    if (resource.name().isEmpty()) {
      return List.of(resource.label() + ": metadata.name is required");
    }
    Class<?> model = MODELS.get(type);
    if (model == null) {
      return DELEGATED.contains(type)
          ? List.of()
          : List.of(resource.label() + ": no schema for " + type + " (add it to StrictSchema)");
    }
    try {
      mapper.treeToValue(resource.tree(), model);
      return List.of();
    } catch (JsonMappingException e) {
      return List.of(resource.label() + ": " + path(e) + ": " + reason(e));
    } catch (JsonProcessingException e) {
      return List.of(resource.label() + ": " + e.getOriginalMessage());
    }
  }

  /** spec.template.spec.containers[0].resourcez, as kubectl would name it. */
  static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(
            ref ->
                ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining())
        .replaceFirst("^\\.", "");
  }

  private static String reason(JsonMappingException e) {
    String message = e.getOriginalMessage();
    if (message.startsWith("Unrecognized field")) {
      return "unknown field";
    }
    int cut = message.indexOf(" at [");
    return cut > 0 ? message.substring(0, cut) : message;
  }
}
