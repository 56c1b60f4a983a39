// The schema validator must fail on a typo'd or wrongly typed field in the custom resources
// (and in core kinds), and pass the valid objects. One tsc run checks all cases at once.
import assert from "node:assert/strict";
import { before, test } from "node:test";
import { check } from "../typecheck.mjs";

const cluster = (name, spec = {}) => ({
  apiVersion: "postgresql.cnpg.io/v1",
  kind: "Cluster",
  metadata: { name },
  spec: {
    instances: 3,
    imageName: "ghcr.io/cloudnative-pg/postgresql:17.5",
    bootstrap: { initdb: { database: "registry", owner: "registry" } },
    storage: { size: "5Gi" },
    plugins: [
      { name: "barman-cloud.cloudnative-pg.io", isWALArchiver: true, parameters: { barmanObjectName: "store" } },
    ],
    ...spec,
  },
});

const scheduledBackup = (name, spec = {}) => ({
  apiVersion: "postgresql.cnpg.io/v1",
  kind: "ScheduledBackup",
  metadata: { name },
  spec: {
    schedule: "0 0 2 * * *",
    cluster: { name: "registry-db" },
    method: "plugin",
    pluginConfiguration: { name: "barman-cloud.cloudnative-pg.io" },
    ...spec,
  },
});

const objectStore = (name, configuration = {}) => ({
  apiVersion: "barmancloud.cnpg.io/v1",
  kind: "ObjectStore",
  metadata: { name },
  spec: {
    retentionPolicy: "30d",
    configuration: {
      destinationPath: "s3://bucket/",
      s3Credentials: {
        accessKeyId: { name: "backup-object-store", key: "ACCESS_KEY_ID" },
        secretAccessKey: { name: "backup-object-store", key: "ACCESS_SECRET_KEY" },
      },
      ...configuration,
    },
  },
});

const deployment = (name, container = {}) => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name },
  spec: {
    selector: { matchLabels: { app: name } },
    template: {
      metadata: { labels: { app: name } },
      spec: { containers: [{ name, image: "registry.example/app:1.0.0", ...container }] },
    },
  },
});

const serviceMonitor = (name, endpoint = {}) => ({
  apiVersion: "monitoring.coreos.com/v1",
  kind: "ServiceMonitor",
  metadata: { name },
  spec: { selector: { matchLabels: { app: "x" } }, endpoints: [{ port: "http", path: "/q/metrics", ...endpoint }] },
});

const gateway = (name, listener = {}) => ({
  apiVersion: "gateway.networking.k8s.io/v1",
  kind: "Gateway",
  metadata: { name },
  spec: { gatewayClassName: "eg", listeners: [{ name: "https", protocol: "HTTPS", port: 443, ...listener }] },
});

const httpRoute = (name, rule = {}) => ({
  apiVersion: "gateway.networking.k8s.io/v1",
  kind: "HTTPRoute",
  metadata: { name },
  spec: { parentRefs: [{ name: "edge" }], rules: [{ backendRefs: [{ name: "gateway", port: 8080 }], ...rule }] },
});

const certificate = (name, spec = {}) => ({
  apiVersion: "cert-manager.io/v1",
  kind: "Certificate",
  metadata: { name },
  spec: { secretName: "tls", dnsNames: ["api.example"], issuerRef: { kind: "ClusterIssuer", name: "ca" }, ...spec },
});

const withoutInstances = cluster("cluster-typo");
withoutInstances.spec.instancess = withoutInstances.spec.instances;
delete withoutInstances.spec.instances;

const cases = [
  cluster("cluster-valid"),
  scheduledBackup("backup-valid"),
  objectStore("store-valid"),
  deployment("deployment-valid"),
  serviceMonitor("monitor-valid"),
  gateway("gateway-valid"),
  httpRoute("route-valid"),
  certificate("certificate-valid"),
  gateway("gateway-wrong-type", { port: "443" }),
  httpRoute("route-typo", { timeout: { request: "10s" } }),
  certificate("certificate-typo", { dnsName: ["api.example"] }),
  withoutInstances,
  cluster("cluster-nested-typo", { storage: { size: "5Gi", storageClas: "fast" } }),
  cluster("cluster-wrong-type", { instances: "3" }),
  cluster("cluster-bad-enum", { primaryUpdateStrategy: "whenever" }),
  scheduledBackup("backup-typo", { backupOwnerRef: "self" }),
  objectStore("store-typo", { destinationPat: "s3://bucket/" }),
  deployment("deployment-typo", { resourcez: {} }),
  serviceMonitor("monitor-wrong-type", { interval: 30 }),
  { apiVersion: "example.com/v1", kind: "Widget", metadata: { name: "unknown-kind" } },
];

let findings;
before(async () => {
  ({ findings } = await check([{ source: "cases", objects: cases }], { name: "test_cases" }));
});

const about = (name) => findings.filter((f) => f.includes(`/${name}:`));

test("valid objects of every checked kind pass", () => {
  for (const name of [
    "cluster-valid",
    "backup-valid",
    "store-valid",
    "deployment-valid",
    "monitor-valid",
    "gateway-valid",
    "route-valid",
    "certificate-valid",
  ]) {
    assert.deepEqual(about(name), [], name);
  }
});

test("a typo'd field in a CNPG Cluster is caught", () => {
  const found = about("cluster-typo").join("\n");
  assert.match(found, /'"instancess"' does not exist in type 'IClusterSpec'/);
});

test("a typo'd field deep in a CNPG Cluster is caught", () => {
  assert.match(about("cluster-nested-typo").join("\n"), /"storageClas"/);
});

test("a wrong type in a CNPG Cluster is caught", () => {
  assert.match(about("cluster-wrong-type").join("\n"), /Type 'string' is not assignable to type 'number'/);
});

test("a value outside a CNPG enum is caught", () => {
  assert.match(about("cluster-bad-enum").join("\n"), /primaryUpdateStrategy/);
});

test("a typo'd field in a ScheduledBackup is caught", () => {
  assert.match(about("backup-typo").join("\n"), /"backupOwnerRef"/);
});

test("a typo'd field in the Barman Cloud ObjectStore is caught", () => {
  assert.match(about("store-typo").join("\n"), /"destinationPat"/);
});

test("a typo'd field in a Deployment is caught here too", () => {
  assert.match(about("deployment-typo").join("\n"), /"resourcez"/);
});

test("a wrong type in a ServiceMonitor is caught", () => {
  assert.match(about("monitor-wrong-type").join("\n"), /not assignable/);
});

test("Gateway API and cert-manager objects are schema-checked too", () => {
  assert.match(about("gateway-wrong-type").join("\n"), /not assignable/);
  assert.match(about("route-typo").join("\n"), /"timeout"/);
  assert.match(about("certificate-typo").join("\n"), /"dnsName"/);
});

test("a kind without a schema is rejected", () => {
  assert.match(about("unknown-kind").join("\n"), /no schema for example.com\/v1\/Widget/);
});
