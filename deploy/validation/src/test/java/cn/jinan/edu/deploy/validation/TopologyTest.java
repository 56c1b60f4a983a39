package cn.jinan.edu.deploy.validation;

import static cn.jinan.edu.deploy.validation.Fixture.findings;
import static cn.jinan.edu.deploy.validation.Fixture.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TopologyTest {
  /** The valid fixture with more objects appended. */
  private static Manifest plus(String yaml) {
    return Fixture.edited(text -> text + "---\n" + yaml);
  }

  private static final String SCHEDULED_BACKUP =
      """
      apiVersion: postgresql.cnpg.io/v1
      kind: ScheduledBackup
      metadata:
        name: registry-db-daily
        namespace: %s
      spec:
        schedule: "0 0 2 * * *"
        cluster:
          name: registry-db
        method: plugin
        pluginConfiguration:
          name: barman-cloud.cloudnative-pg.io
      """;

  private static final String EDGE =
      """
      apiVersion: gateway.networking.k8s.io/v1
      kind: Gateway
      metadata:
        name: edge
        namespace: jinan-edu
      spec:
        gatewayClassName: eg
        listeners:
          - name: https
            protocol: HTTPS
            port: 443
            tls:
              certificateRefs:
                - name: api-tls
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata:
        name: api
        namespace: jinan-edu
      spec:
        parentRefs:
          - name: edge
        rules:
          - backendRefs:
              - name: registry-service
                port: %d
      ---
      apiVersion: cert-manager.io/v1
      kind: Certificate
      metadata:
        name: api-tls
        namespace: jinan-edu
      spec:
        secretName: %s
        dnsNames: [api.example]
        issuerRef:
          kind: ClusterIssuer
          name: ca
      """;

  /** Where the fixture's Service ends its ports. */
  private static final String SERVICE_PORTS_END = "    targetPort: http\n  selector:\n";

  private static final String MANAGEMENT_PORT =
      """
          targetPort: http
        - name: management
          port: 9000
          protocol: TCP
          targetPort: http
        selector:
      """;

  @Test
  void anObjectWithoutNamespaceIsCaught() {
    // What the prod overlay rendered before it set `namespace:`: the components' objects had none.
    List<String> found =
        findings(plus(SCHEDULED_BACKUP.formatted("x").replace("  namespace: x\n", "")));
    assertEquals(
        List.of(
            "fixture.yaml ScheduledBackup/registry-db-daily: no metadata.namespace (would land in"
                + " the applier's default namespace)",
            "fixture.yaml ScheduledBackup/registry-db-daily: Cluster registry-db is not in its"
                + " namespace "),
        found);
  }

  @Test
  void anObjectInAnotherNamespaceIsCaught() {
    List<String> found = findings(plus(SCHEDULED_BACKUP.formatted("default")));
    assertTrue(
        found.contains(
            "fixture.yaml ScheduledBackup/registry-db-daily: namespace default, not the overlay's"
                + " jinan-edu"),
        found.toString());
    // ... and its cluster is not in that namespace.
    assertTrue(
        found.toString().contains("Cluster registry-db is not in its namespace default"),
        found.toString());
    assertEquals(List.of(), findings(plus(SCHEDULED_BACKUP.formatted("jinan-edu"))));
  }

  @Test
  void anOverlayWithoutItsNamespaceObjectIsCaught() {
    List<String> found =
        findings(
            with(
                "kind: Namespace\nmetadata:\n  labels:\n    app.kubernetes.io/part-of: jinan-edu\n"
                    + "  name: jinan-edu\n",
                "kind: ConfigMap\nmetadata:\n  name: spare\n  namespace: jinan-edu\n"));
    assertTrue(found.toString().contains("exactly one Namespace (found 0)"), found.toString());
  }

  @Test
  void aServiceSelectorThatMatchesNoPodIsCaught() {
    List<String> found =
        findings(
            with(
                "  selector:\n    app.kubernetes.io/name: registry-service\n---",
                "  selector:\n    app.kubernetes.io/name: registry\n---"));
    assertTrue(
        found.toString().contains("Service/registry-service: selector")
            && found.toString().contains("matches no pod template"),
        found.toString());
  }

  @Test
  void aServicePortNoPodHasIsCaught() {
    List<String> found =
        findings(
            with(
                SERVICE_PORTS_END,
                MANAGEMENT_PORT.replace(
                    "TCP\n    targetPort: http", "TCP\n    targetPort: management")));
    assertTrue(
        found.toString().contains("targetPort management is not a port of every selected pod"),
        found.toString());
  }

  @Test
  void aNetworkPolicyThatSelectsNoPodIsCaught() {
    String policy =
        """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: valkey
          namespace: jinan-edu
        spec:
          podSelector:
            matchLabels:
              app.kubernetes.io/name: valkey
          policyTypes: [Ingress]
        """;
    assertTrue(
        findings(plus(policy)).toString().contains("NetworkPolicy/valkey: podSelector"),
        findings(plus(policy)).toString());
    // A selector that matches the Deployment's pods, or the CloudNativePG instances, is fine.
    assertEquals(
        List.of(),
        findings(
            plus(
                policy.replace("app.kubernetes.io/name: valkey", "cnpg.io/cluster: registry-db"))));
    String expressions =
        policy.replace(
            "matchLabels:\n      app.kubernetes.io/name: valkey",
            "matchExpressions:\n      - {key: app.kubernetes.io/name, operator: In, values: [gateway, registry-service]}");
    assertEquals(List.of(), findings(plus(expressions)));
  }

  @Test
  void aClusterArchivingToAnObjectStoreOfAnotherNamespaceIsCaught() {
    String store =
        """
        apiVersion: barmancloud.cnpg.io/v1
        kind: ObjectStore
        metadata:
          name: registry-db-backup
          namespace: %s
        spec:
          configuration:
            destinationPath: s3://bucket/
          instanceSidecarConfiguration:
            resources:
              requests: {cpu: 50m, memory: 128Mi}
              limits: {cpu: 500m, memory: 256Mi}
        """;
    Manifest archiving =
        Fixture.edited(
            text ->
                Fixture.replaceOnce(
                        text,
                        "  primaryUpdateStrategy: unsupervised\n",
                        "  plugins:\n  - name: barman-cloud.cloudnative-pg.io\n    isWALArchiver: true\n"
                            + "    parameters:\n      barmanObjectName: registry-db-backup\n"
                            + "  primaryUpdateStrategy: unsupervised\n")
                    + "---\n"
                    + store.formatted("default"));
    String found = findings(archiving).toString();
    assertTrue(
        found.contains(
            "Cluster/registry-db: ObjectStore registry-db-backup is not in its namespace jinan-edu"),
        found);
    assertTrue(
        found.contains("ObjectStore/registry-db-backup: no Cluster of namespace default uses it"),
        found);
  }

  @Test
  void anEdgeRouteToTheManagementPortIsCaught() {
    Manifest ok =
        Manifest.parse("fixture.yaml", Fixture.valid() + "---\n" + EDGE.formatted(8081, "api-tls"));
    assertEquals(List.of(), findings(ok));
    String toManagement =
        Fixture.replaceOnce(Fixture.valid(), SERVICE_PORTS_END, MANAGEMENT_PORT)
            + "---\n"
            + EDGE.formatted(9000, "api-tls");
    List<String> found = findings(Manifest.parse("fixture.yaml", toManagement));
    assertTrue(
        found.toString().contains("HTTPRoute/api: routes the public edge to the management port"),
        found.toString());
  }

  @Test
  void anEdgeCertificateNoCertificateIssuesIsCaught() {
    Manifest noCertificate =
        Manifest.parse(
            "fixture.yaml", Fixture.valid() + "---\n" + EDGE.formatted(8081, "other-tls"));
    String found = findings(noCertificate).toString();
    assertTrue(
        found.contains("Gateway/edge: TLS secret api-tls is issued by no Certificate"), found);
  }
}
