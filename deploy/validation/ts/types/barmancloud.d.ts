// The Barman Cloud plugin's ObjectStore (barmancloud.cnpg.io/v1). No npm models package carries
// this CRD, so the wrapper is written here from the plugin's API reference; its `configuration`
// is the very type CloudNativePG's in-tree backup used, taken from @kubernetes-models/cloudnative-pg.
import type { IObjectMeta } from "@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta";
import type { IBarmanObjectStoreConfiguration } from "@kubernetes-models/cloudnative-pg/github.com/cloudnative-pg/barman-cloud/pkg/api/BarmanObjectStoreConfiguration";
import type { IEnvVar } from "kubernetes-models/v1/EnvVar";
import type { IResourceRequirements } from "kubernetes-models/v1/ResourceRequirements";

export interface IInstanceSidecarConfiguration {
  env?: Array<IEnvVar>;
  retentionPolicyIntervalSeconds?: number;
  resources?: IResourceRequirements;
  additionalContainerArgs?: Array<string>;
  logLevel?: "error" | "warning" | "info" | "debug" | "trace";
}

export interface IObjectStoreSpec {
  configuration: IBarmanObjectStoreConfiguration;
  /** e.g. 30d; pattern ^[1-9][0-9]*[dwm]$ */
  retentionPolicy?: `${number}${"d" | "w" | "m"}`;
  instanceSidecarConfiguration?: IInstanceSidecarConfiguration;
}

export interface IObjectStore {
  apiVersion: "barmancloud.cnpg.io/v1";
  kind: "ObjectStore";
  metadata: IObjectMeta;
  spec: IObjectStoreSpec;
}
