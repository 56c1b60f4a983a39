package cn.jinan.edu.quality.domain;

/** How a target's current value is computed from approved data. */
public enum TargetKind {
  /** Share of units in scope whose value reaches the qualifying value; threshold in percent. */
  UNIT_SHARE,
  /** Share of reported schools whose value reaches the qualifying value; threshold in percent. */
  SCHOOL_SHARE,
  /** Σ indicator ÷ Σ denominator over the units in scope, in percent. */
  RATIO_OF_SUMS,
  /** Σ indicator over the units in scope reaches the threshold. */
  SUM_AT_LEAST,
  /** Filed ÷ expected registrations from registry-service (reported data as fallback). */
  REGISTRY_FILED
}
