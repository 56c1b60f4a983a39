package cn.jinan.edu.deploy.validation;

import static cn.jinan.edu.deploy.validation.Selectors.namespace;

import cn.jinan.edu.deploy.validation.Manifest.Resource;
import cn.jinan.edu.deploy.validation.Selectors.Pod;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How the objects of one overlay fit together, which neither the API server nor a schema checks:
 * every namespaced object is in the overlay's namespace, selectors select something, references
 * name objects of the same namespace, and the public edge reaches only the http ports.
 */
public final class Topology {
  /** Kinds without a namespace; every other kind, custom ones included, must have one. */
  static final Set<String> CLUSTER_SCOPED =
      Set.of(
          "Namespace",
          "ClusterRole",
          "ClusterRoleBinding",
          "CustomResourceDefinition",
          "PersistentVolume",
          "StorageClass",
          "PriorityClass",
          "RuntimeClass",
          "IngressClass",
          "GatewayClass",
          "ClusterIssuer",
          "ClusterImageCatalog",
          "APIService",
          "ValidatingWebhookConfiguration",
          "MutatingWebhookConfiguration");

  /** The port name and number of Quarkus' management interface (health, metrics, OpenAPI). */
  static final String MANAGEMENT_PORT_NAME = "management";

  static final int MANAGEMENT_PORT = 9000;

  public List<String> check(Manifest manifest) {
    List<String> findings = new ArrayList<>();
    List<Resource> namespaces = manifest.ofKind("Namespace");
    if (namespaces.size() != 1) {
      findings.add(
          manifest.name()
              + ": an overlay declares exactly one Namespace (found "
              + namespaces.size()
              + "), the namespace of all its objects");
      return findings;
    }
    String expected = namespaces.get(0).name();
    for (Resource r : manifest.resources()) {
      String ns = namespace(r);
      if (CLUSTER_SCOPED.contains(r.kind())) {
        if (!ns.isEmpty()) {
          findings.add(r.label() + ": a cluster-scoped " + r.kind() + " has no namespace");
        }
      } else if (ns.isEmpty()) {
        findings.add(
            r.label() + ": no metadata.namespace (would land in the applier's default namespace)");
      } else if (!ns.equals(expected)) {
        findings.add(r.label() + ": namespace " + ns + ", not the overlay's " + expected);
      }
    }
    List<Pod> pods = Selectors.pods(manifest);
    for (Resource r : manifest.resources()) {
      switch (r.kind()) {
        case "Service" -> checkService(r, pods, findings);
        case "NetworkPolicy" -> checkNetworkPolicy(r, pods, findings);
        case "PodMonitor" -> checkPodMonitor(r, pods, findings);
        case "ServiceMonitor" -> checkServiceMonitor(manifest, r, findings);
        case "Cluster" -> checkClusterStores(manifest, r, findings);
        case "ScheduledBackup", "Backup" -> requireCluster(manifest, r, findings);
        case "ObjectStore" -> checkObjectStoreUsed(manifest, r, findings);
        case "HTTPRoute" -> checkRoute(manifest, r, findings);
        case "Ingress" -> checkIngress(manifest, r, findings);
        case "Gateway" -> checkGatewayTls(manifest, r, findings);
        default -> {}
      }
    }
    return findings;
  }

  private static void checkService(Resource r, List<Pod> pods, List<String> findings) {
    JsonNode selector = r.tree().at("/spec/selector");
    if (selector.isMissingNode() || selector.isEmpty()) {
      return; // endpoints managed by hand or by a controller
    }
    List<Pod> matched =
        pods.stream()
            .filter(p -> p.namespace().equals(namespace(r)))
            .filter(p -> Selectors.mapMatches(selector, p.labels()))
            .toList();
    if (matched.isEmpty()) {
      findings.add(r.label() + ": selector " + selector + " matches no pod template");
      return;
    }
    for (JsonNode port : r.tree().at("/spec/ports")) {
      JsonNode target = port.path("targetPort");
      boolean found =
          target.isTextual()
              ? matched.stream().allMatch(p -> p.portNames().contains(target.asText()))
              : matched.stream()
                  .allMatch(p -> p.ports().contains(target.asInt(port.path("port").asInt())));
      if (!found) {
        findings.add(
            r.label() + ": targetPort " + target.asText() + " is not a port of every selected pod");
      }
    }
  }

  private static void checkNetworkPolicy(Resource r, List<Pod> pods, List<String> findings) {
    JsonNode selector = r.tree().at("/spec/podSelector");
    if (selector.isEmpty()) {
      return; // {} selects every pod of the namespace
    }
    if (Selectors.selected(pods, namespace(r), selector).isEmpty()) {
      findings.add(r.label() + ": podSelector " + selector + " selects no pod");
    }
  }

  private static void checkPodMonitor(Resource r, List<Pod> pods, List<String> findings) {
    List<Pod> selected = Selectors.selected(pods, namespace(r), r.tree().at("/spec/selector"));
    if (selected.isEmpty()) {
      findings.add(r.label() + ": selector selects no pod");
    }
    for (JsonNode endpoint : r.tree().at("/spec/podMetricsEndpoints")) {
      String port = endpoint.path("port").asText();
      if (!selected.stream().allMatch(p -> p.portNames().contains(port))) {
        findings.add(r.label() + ": port " + port + " is not a port of every selected pod");
      }
    }
  }

  private static void checkServiceMonitor(Manifest manifest, Resource r, List<String> findings) {
    List<Resource> services =
        manifest.ofKind("Service").stream()
            .filter(s -> namespace(s).equals(namespace(r)))
            .filter(
                s ->
                    Selectors.labelSelectorMatches(
                        r.tree().at("/spec/selector"), s.tree().at("/metadata/labels")))
            .toList();
    if (services.isEmpty()) {
      findings.add(r.label() + ": selector selects no Service");
    }
    for (JsonNode endpoint : r.tree().at("/spec/endpoints")) {
      String port = endpoint.path("port").asText();
      for (Resource s : services) {
        if (servicePort(s, port).isEmpty()) {
          findings.add(r.label() + ": " + s.label() + " has no port named " + port);
        }
      }
    }
  }

  private static Optional<JsonNode> servicePort(Resource service, String name) {
    for (JsonNode p : service.tree().at("/spec/ports")) {
      if (p.path("name").asText().equals(name)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  private static Optional<Resource> inNamespace(
      Manifest manifest, String kind, String name, String namespace) {
    return manifest.ofKind(kind).stream()
        .filter(o -> o.name().equals(name) && namespace(o).equals(namespace))
        .findFirst();
  }

  /** The Barman Cloud ObjectStores a Cluster archives to or recovers from: same namespace. */
  private static void checkClusterStores(Manifest manifest, Resource r, List<String> findings) {
    List<JsonNode> plugins = new ArrayList<>();
    r.tree().at("/spec/plugins").forEach(plugins::add);
    r.tree().at("/spec/externalClusters").forEach(e -> plugins.add(e.path("plugin")));
    for (JsonNode plugin : plugins) {
      String store = plugin.at("/parameters/barmanObjectName").asText("");
      if (!store.isEmpty() && inNamespace(manifest, "ObjectStore", store, namespace(r)).isEmpty()) {
        findings.add(
            r.label() + ": ObjectStore " + store + " is not in its namespace " + namespace(r));
      }
    }
  }

  private static void requireCluster(Manifest manifest, Resource r, List<String> findings) {
    String cluster = r.tree().at("/spec/cluster/name").asText("");
    if (inNamespace(manifest, "Cluster", cluster, namespace(r)).isEmpty()) {
      findings.add(r.label() + ": Cluster " + cluster + " is not in its namespace " + namespace(r));
    }
  }

  private static void checkObjectStoreUsed(Manifest manifest, Resource r, List<String> findings) {
    boolean used =
        manifest.ofKind("Cluster").stream()
            .filter(c -> namespace(c).equals(namespace(r)))
            .anyMatch(
                c -> c.tree().toString().contains("\"barmanObjectName\":\"" + r.name() + "\""));
    if (!used) {
      findings.add(r.label() + ": no Cluster of namespace " + namespace(r) + " uses it");
    }
  }

  /** Routes name a Gateway of their namespace and reach Services, never a management port. */
  private static void checkRoute(Manifest manifest, Resource r, List<String> findings) {
    for (JsonNode parent : r.tree().at("/spec/parentRefs")) {
      String ns = parent.path("namespace").asText(namespace(r));
      if (inNamespace(manifest, "Gateway", parent.path("name").asText(), ns).isEmpty()) {
        findings.add(r.label() + ": parent Gateway " + parent.path("name").asText() + " not found");
      }
    }
    for (JsonNode rule : r.tree().at("/spec/rules")) {
      for (JsonNode ref : rule.path("backendRefs")) {
        if (!ref.path("kind").asText("Service").equals("Service")) {
          continue;
        }
        checkBackend(manifest, r, ref.path("name").asText(), ref.path("port"), findings);
      }
    }
  }

  private static void checkIngress(Manifest manifest, Resource r, List<String> findings) {
    for (JsonNode rule : r.tree().at("/spec/rules")) {
      for (JsonNode path : rule.at("/http/paths")) {
        JsonNode service = path.at("/backend/service");
        JsonNode port = service.at("/port/name");
        checkBackend(
            manifest,
            r,
            service.path("name").asText(),
            port.isMissingNode() ? service.at("/port/number") : port,
            findings);
      }
    }
    for (JsonNode tls : r.tree().at("/spec/tls")) {
      requireIssuedSecret(manifest, r, tls.path("secretName").asText(), findings);
    }
  }

  /** port: a number (Gateway API, Ingress number) or a port name (Ingress). */
  private static void checkBackend(
      Manifest manifest, Resource r, String service, JsonNode port, List<String> findings) {
    Optional<Resource> target = inNamespace(manifest, "Service", service, namespace(r));
    if (target.isEmpty()) {
      findings.add(r.label() + ": backend Service " + service + " not found in its namespace");
      return;
    }
    JsonNode servicePort = null;
    for (JsonNode p : target.get().tree().at("/spec/ports")) {
      if (port.isTextual()
          ? p.path("name").asText().equals(port.asText())
          : p.path("port").asInt() == port.asInt()) {
        servicePort = p;
      }
    }
    if (servicePort == null) {
      findings.add(r.label() + ": Service " + service + " has no port " + port.asText());
    } else if (servicePort.path("name").asText().equals(MANAGEMENT_PORT_NAME)
        || servicePort.path("port").asInt() == MANAGEMENT_PORT
        || servicePort.path("targetPort").asText().equals(MANAGEMENT_PORT_NAME)) {
      findings.add(
          r.label()
              + ": routes the public edge to the management port of "
              + service
              + " (health, metrics); route the http port only");
    }
  }

  private static void checkGatewayTls(Manifest manifest, Resource r, List<String> findings) {
    boolean https = false;
    for (JsonNode listener : r.tree().at("/spec/listeners")) {
      if (!listener.path("protocol").asText().equals("HTTPS")) {
        continue;
      }
      https = true;
      JsonNode refs = listener.at("/tls/certificateRefs");
      if (refs.isEmpty()) {
        findings.add(
            r.label()
                + ": HTTPS listener "
                + listener.path("name").asText()
                + " has no certificate");
      }
      refs.forEach(ref -> requireIssuedSecret(manifest, r, ref.path("name").asText(), findings));
    }
    if (!https) {
      findings.add(r.label() + ": the public edge needs an HTTPS listener");
    }
  }

  /** A TLS secret of the edge is written by a cert-manager Certificate of the same namespace. */
  private static void requireIssuedSecret(
      Manifest manifest, Resource r, String secret, List<String> findings) {
    boolean issued =
        manifest.ofKind("Certificate").stream()
            .filter(c -> namespace(c).equals(namespace(r)))
            .anyMatch(c -> c.tree().at("/spec/secretName").asText().equals(secret));
    if (!issued) {
      findings.add(r.label() + ": TLS secret " + secret + " is issued by no Certificate");
    }
  }
}
