package cn.jinan.edu.milestone.domain;

/** Where a bound task's progress comes from. */
public enum BindingSource {
  /** quality-index-service: GET /api/v1/targets/{code}/evaluation. */
  QUALITY_TARGET,
  /** registry-service: GET /api/v1/public/statistics (share of cooperations filed). */
  REGISTRY_FILING
}
