package cn.jinan.edu.milestone.domain;

/**
 * Kinds of responsible unit: the city bureau and its departments (处室), which are this service's
 * own, and the 区县-level units as registry-service (their owner) types them: district (区), county
 * (县) and functional zone (功能区).
 */
public enum UnitKind {
  CITY,
  DEPARTMENT,
  DISTRICT,
  COUNTY,
  FUNCTIONAL_ZONE;

  /**
   * A 区县-level unit: mirrored from registry-service, carries a district_code scope, reports as a
   * district and is one of "every district" (各区县).
   */
  public boolean districtLevel() {
    return this == DISTRICT || this == COUNTY || this == FUNCTIONAL_ZONE;
  }
}
