package cn.jinan.edu.deploy.validation;

import cn.jinan.edu.deploy.validation.Manifest.Resource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The pods a rendered overlay will run, and Kubernetes label selectors evaluated against them. */
final class Selectors {
  /** One pod template: where it comes from, its namespace, labels and container ports. */
  record Pod(
      String owner, String namespace, JsonNode labels, Set<String> portNames, Set<Integer> ports) {}

  private static final Map<String, String> TEMPLATE_PATHS =
      Map.of(
          "Deployment", "/spec/template",
          "StatefulSet", "/spec/template",
          "DaemonSet", "/spec/template",
          "Job", "/spec/template",
          "CronJob", "/spec/jobTemplate/spec/template");

  private Selectors() {}

  static String namespace(Resource r) {
    return r.tree().at("/metadata/namespace").asText("");
  }

  /**
   * Every pod template, plus the instance pods CloudNativePG creates for each Cluster (labels
   * cnpg.io/cluster, cnpg.io/podRole and the Cluster's inheritedMetadata; ports postgresql, status,
   * metrics as the operator names them).
   */
  static List<Pod> pods(Manifest manifest) {
    List<Pod> pods = new ArrayList<>();
    for (Resource r : manifest.resources()) {
      String path = TEMPLATE_PATHS.get(r.kind());
      if (path != null) {
        JsonNode template = r.tree().at(path);
        Set<String> names = new HashSet<>();
        Set<Integer> numbers = new HashSet<>();
        for (JsonNode c : template.at("/spec/containers")) {
          for (JsonNode p : c.path("ports")) {
            names.add(p.path("name").asText(""));
            numbers.add(p.path("containerPort").asInt());
          }
        }
        pods.add(new Pod(r.label(), namespace(r), template.at("/metadata/labels"), names, numbers));
      } else if (r.kind().equals("Cluster") && r.apiVersion().startsWith("postgresql.cnpg.io/")) {
        ObjectNode labels = JsonNodeFactory.instance.objectNode();
        r.tree()
            .at("/spec/inheritedMetadata/labels")
            .fields()
            .forEachRemaining(e -> labels.set(e.getKey(), e.getValue()));
        labels.put("cnpg.io/cluster", r.name());
        labels.put("cnpg.io/podRole", "instance");
        pods.add(
            new Pod(
                r.label(),
                namespace(r),
                labels,
                Set.of("postgresql", "status", "metrics"),
                Set.of(5432, 8000, 9187)));
      }
    }
    return pods;
  }

  /** A Service's selector: a plain map, every pair must match; empty selects nothing here. */
  static boolean mapMatches(JsonNode selector, JsonNode labels) {
    if (selector.isMissingNode() || selector.isEmpty()) {
      return false;
    }
    Iterator<Map.Entry<String, JsonNode>> it = selector.fields();
    while (it.hasNext()) {
      var e = it.next();
      if (!labels.path(e.getKey()).isTextual()
          || !labels.path(e.getKey()).asText().equals(e.getValue().asText())) {
        return false;
      }
    }
    return true;
  }

  /** A LabelSelector (matchLabels and matchExpressions); an empty one selects everything. */
  static boolean labelSelectorMatches(JsonNode selector, JsonNode labels) {
    JsonNode matchLabels = selector.path("matchLabels");
    if (!matchLabels.isEmpty() && !mapMatches(matchLabels, labels)) {
      return false;
    }
    for (JsonNode e : selector.path("matchExpressions")) {
      String key = e.path("key").asText();
      boolean present = labels.path(key).isTextual();
      String value = labels.path(key).asText("");
      Set<String> values = new HashSet<>();
      e.path("values").forEach(v -> values.add(v.asText()));
      boolean ok =
          switch (e.path("operator").asText()) {
            case "In" -> present && values.contains(value);
            case "NotIn" -> !present || !values.contains(value);
            case "Exists" -> present;
            case "DoesNotExist" -> !present;
            default -> false;
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** The pods of one namespace a LabelSelector picks. */
  static List<Pod> selected(List<Pod> pods, String namespace, JsonNode selector) {
    return pods.stream()
        .filter(p -> p.namespace().equals(namespace))
        .filter(p -> labelSelectorMatches(selector, p.labels()))
        .toList();
  }
}
