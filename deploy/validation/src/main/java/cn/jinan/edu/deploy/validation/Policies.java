package cn.jinan.edu.deploy.validation;

import cn.jinan.edu.deploy.validation.Manifest.Resource;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rules the API server does not enforce but this suite does: probes, requests and limits, non-root
 * and read-only containers, pinned images, JVM sized to the container, no committed secrets,
 * references that resolve, and (for an HA overlay) replicas, spread and backups.
 */
public final class Policies {
  /** Keys of the secret CloudNativePG generates for a cluster's application user. */
  static final Set<String> CNPG_APP_SECRET_KEYS =
      Set.of("host", "port", "dbname", "user", "username", "password", "uri", "jdbc-uri", "pgpass");

  private static final Map<String, String> POD_SPEC_PATHS =
      Map.of(
          "Deployment", "/spec/template/spec",
          "StatefulSet", "/spec/template/spec",
          "DaemonSet", "/spec/template/spec",
          "Job", "/spec/template/spec",
          "CronJob", "/spec/jobTemplate/spec/template/spec");

  private final boolean highAvailability;

  /**
   * @param highAvailability also demand what a production overlay promises: at least 2 replicas,
   *     spread over nodes, 3 database instances, continuous backup
   */
  public Policies(boolean highAvailability) {
    this.highAvailability = highAvailability;
  }

  public List<String> check(Manifest manifest) {
    List<String> findings = new ArrayList<>();
    for (Resource r : manifest.resources()) {
      String podSpecPath = POD_SPEC_PATHS.get(r.kind());
      if (podSpecPath != null) {
        checkPod(manifest, r, r.tree().at(podSpecPath), findings);
      }
      switch (r.kind()) {
        case "Secret" ->
            findings.add(
                r.label()
                    + ": a Secret in the manifests would commit its values; the admin or"
                    + " the operator creates secrets");
        case "Cluster" -> {
          requireResources(r.label() + " spec.resources", r.tree().at("/spec/resources"), findings);
          if (highAvailability && r.tree().at("/spec/instances").asInt(1) < 3) {
            findings.add(r.label() + ": an HA overlay needs spec.instances >= 3");
          }
          if (highAvailability) {
            checkBackup(manifest, r, findings);
          }
        }
        case "ObjectStore" ->
            requireResources(
                r.label() + " spec.instanceSidecarConfiguration.resources",
                r.tree().at("/spec/instanceSidecarConfiguration/resources"),
                findings);
        case "Ingress" -> checkIngress(r, findings);
        case "Deployment" -> checkDeployment(manifest, r, findings);
        default -> {}
      }
    }
    if (manifest.ofKind("NetworkPolicy").stream().noneMatch(Policies::isDefaultDeny)) {
      findings.add(
          manifest.name() + ": no default-deny NetworkPolicy (podSelector {}, Ingress and Egress)");
    }
    return findings;
  }

  private void checkPod(Manifest manifest, Resource r, JsonNode pod, List<String> findings) {
    String label = r.label();
    if (!pod.path("automountServiceAccountToken").isBoolean()
        || pod.path("automountServiceAccountToken").asBoolean()) {
      findings.add(
          label + ": automountServiceAccountToken must be false (no API token unless needed)");
    }
    JsonNode podSecurity = pod.path("securityContext");
    List<JsonNode> all = new ArrayList<>();
    pod.path("initContainers").forEach(all::add);
    pod.path("containers").forEach(all::add);
    if (pod.path("containers").isEmpty()) {
      findings.add(label + ": no containers");
    }
    for (JsonNode c : all) {
      boolean init = contains(pod.path("initContainers"), c);
      String where = label + " container " + c.path("name").asText("?");
      checkImage(where, c.path("image").asText(""), findings);
      requireResources(where, c.path("resources"), findings);
      if (!init) {
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
          if (c.path(probe).isMissingNode() || c.path(probe).isNull()) {
            findings.add(where + ": no " + probe);
          }
        }
      }
      JsonNode sc = c.path("securityContext");
      if (!(sc.path("runAsNonRoot").asBoolean(false)
          || (sc.path("runAsNonRoot").isMissingNode()
              && podSecurity.path("runAsNonRoot").asBoolean(false)))) {
        findings.add(where + ": must run as non-root (runAsNonRoot: true)");
      }
      if (!sc.path("readOnlyRootFilesystem").asBoolean(false)) {
        findings.add(where + ": readOnlyRootFilesystem must be true");
      }
      if (!sc.path("allowPrivilegeEscalation").isBoolean()
          || sc.path("allowPrivilegeEscalation").asBoolean()) {
        findings.add(where + ": allowPrivilegeEscalation must be false");
      }
      if (sc.path("privileged").asBoolean(false)) {
        findings.add(where + ": must not be privileged");
      }
      if (!contains(sc.at("/capabilities/drop"), "ALL")) {
        findings.add(where + ": capabilities.drop must contain ALL");
      }
      String seccomp =
          sc.at("/seccompProfile/type").asText(podSecurity.at("/seccompProfile/type").asText(""));
      if (!seccomp.equals("RuntimeDefault") && !seccomp.equals("Localhost")) {
        findings.add(where + ": seccompProfile must be RuntimeDefault");
      }
      checkReferences(manifest, where, c, findings);
      if (c.path("image").asText("").contains("jinan-edu/") && !jvmSized(manifest, c)) {
        findings.add(
            where
                + ": JVM not sized to the container (JAVA_OPTS_APPEND without -XX:MaxRAMPercentage)");
      }
    }
  }

  static void checkImage(String where, String image, List<String> findings) {
    if (image.isBlank()) {
      findings.add(where + ": no image");
      return;
    }
    if (image.contains("@sha256:")) {
      return;
    }
    int slash = image.lastIndexOf('/');
    int colon = image.lastIndexOf(':');
    if (colon < slash || colon < 0) {
      findings.add(where + ": image " + image + " has no tag (an untagged image is :latest)");
    } else if (image.substring(colon + 1).equals("latest")) {
      findings.add(where + ": image " + image + " uses the tag latest");
    }
  }

  static void requireResources(String where, JsonNode resources, List<String> findings) {
    for (String section : List.of("requests", "limits")) {
      for (String resource : List.of("cpu", "memory")) {
        if (resources.path(section).path(resource).isMissingNode()) {
          findings.add(where + ": no " + section + "." + resource);
        }
      }
    }
  }

  /** ConfigMaps and CloudNativePG secrets that a container reads must exist with that key. */
  private static void checkReferences(
      Manifest manifest, String where, JsonNode container, List<String> findings) {
    for (JsonNode env : container.path("env")) {
      JsonNode cm = env.at("/valueFrom/configMapKeyRef");
      if (!cm.isMissingNode() && !cm.path("optional").asBoolean(false)) {
        var map = manifest.find("ConfigMap", cm.path("name").asText());
        if (map.isEmpty()
            || map.get().tree().at("/data/" + cm.path("key").asText()).isMissingNode()) {
          findings.add(
              where + ": env " + env.path("name").asText() + " reads a missing ConfigMap key");
        }
      }
      JsonNode secret = env.at("/valueFrom/secretKeyRef");
      String secretName = secret.path("name").asText("");
      if (secretName.endsWith("-app")) {
        String cluster = secretName.substring(0, secretName.length() - "-app".length());
        if (manifest.find("Cluster", cluster).isEmpty()) {
          findings.add(
              where + ": secret " + secretName + " has no CloudNativePG Cluster " + cluster);
        } else if (!CNPG_APP_SECRET_KEYS.contains(secret.path("key").asText())) {
          findings.add(
              where + ": secret " + secretName + " has no key " + secret.path("key").asText());
        }
      }
    }
    for (JsonNode from : container.path("envFrom")) {
      JsonNode ref = from.path("configMapRef");
      if (!ref.isMissingNode()
          && !ref.path("optional").asBoolean(false)
          && manifest.find("ConfigMap", ref.path("name").asText()).isEmpty()) {
        findings.add(where + ": envFrom names a missing ConfigMap " + ref.path("name").asText());
      }
    }
  }

  private static boolean jvmSized(Manifest manifest, JsonNode container) {
    String options = Environment.of(manifest, container).getOrDefault("JAVA_OPTS_APPEND", "");
    return options.contains("-XX:MaxRAMPercentage=") || options.contains("-Xmx");
  }

  private static void checkIngress(Resource r, List<String> findings) {
    Set<String> tlsHosts = new HashSet<>();
    r.tree().at("/spec/tls").forEach(t -> t.path("hosts").forEach(h -> tlsHosts.add(h.asText())));
    if (tlsHosts.isEmpty()) {
      findings.add(r.label() + ": an Ingress must terminate TLS (spec.tls)");
    }
    for (JsonNode rule : r.tree().at("/spec/rules")) {
      if (!tlsHosts.contains(rule.path("host").asText())) {
        findings.add(r.label() + ": host " + rule.path("host").asText() + " has no TLS entry");
      }
    }
  }

  private void checkDeployment(Manifest manifest, Resource r, List<String> findings) {
    JsonNode labels = r.tree().at("/spec/template/metadata/labels");
    boolean budget =
        manifest.ofKind("PodDisruptionBudget").stream()
            .anyMatch(p -> matches(p.tree().at("/spec/selector/matchLabels"), labels));
    if (!budget) {
      findings.add(r.label() + ": no PodDisruptionBudget selects its pods");
    }
    if (!highAvailability) {
      return;
    }
    int replicas = r.tree().at("/spec/replicas").asInt(1);
    int minimum =
        manifest.ofKind("HorizontalPodAutoscaler").stream()
            .filter(h -> h.tree().at("/spec/scaleTargetRef/kind").asText().equals("Deployment"))
            .filter(h -> h.tree().at("/spec/scaleTargetRef/name").asText().equals(r.name()))
            .mapToInt(h -> h.tree().at("/spec/minReplicas").asInt(1))
            .max()
            .orElse(0);
    if (Math.max(replicas, minimum) < 2) {
      findings.add(r.label() + ": an HA overlay needs >= 2 replicas (replicas or HPA minReplicas)");
    }
    if (r.tree().at("/spec/template/spec/topologySpreadConstraints").isEmpty()
        && r.tree().at("/spec/template/spec/affinity/podAntiAffinity").isMissingNode()) {
      findings.add(r.label() + ": an HA overlay spreads replicas (topologySpreadConstraints)");
    }
  }

  private static void checkBackup(Manifest manifest, Resource cluster, List<String> findings) {
    boolean archiver = false;
    for (JsonNode plugin : cluster.tree().at("/spec/plugins")) {
      archiver |= plugin.path("isWALArchiver").asBoolean(false);
    }
    if (!archiver && cluster.tree().at("/spec/backup/barmanObjectStore").isMissingNode()) {
      findings.add(cluster.label() + ": an HA overlay archives WAL (a plugin with isWALArchiver)");
    }
    boolean scheduled =
        manifest.ofKind("ScheduledBackup").stream()
            .anyMatch(s -> s.tree().at("/spec/cluster/name").asText().equals(cluster.name()));
    if (!scheduled) {
      findings.add(cluster.label() + ": an HA overlay has a ScheduledBackup for every Cluster");
    }
  }

  private static boolean isDefaultDeny(Resource policy) {
    JsonNode spec = policy.tree().path("spec");
    return spec.path("podSelector").isEmpty()
        && contains(spec.path("policyTypes"), "Ingress")
        && contains(spec.path("policyTypes"), "Egress")
        && spec.path("ingress").isEmpty()
        && spec.path("egress").isEmpty();
  }

  static boolean matches(JsonNode selector, JsonNode labels) {
    if (selector.isMissingNode() || selector.isEmpty()) {
      return false;
    }
    Iterator<Map.Entry<String, JsonNode>> it = selector.fields();
    while (it.hasNext()) {
      var e = it.next();
      if (!labels.path(e.getKey()).asText("\0").equals(e.getValue().asText())) {
        return false;
      }
    }
    return true;
  }

  private static boolean contains(JsonNode array, String text) {
    for (JsonNode n : array) {
      if (n.asText().equals(text)) {
        return true;
      }
    }
    return false;
  }

  private static boolean contains(JsonNode array, JsonNode node) {
    for (JsonNode n : array) {
      if (n == node) {
        return true;
      }
    }
    return false;
  }
}
