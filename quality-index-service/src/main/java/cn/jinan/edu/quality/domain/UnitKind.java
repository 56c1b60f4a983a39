package cn.jinan.edu.quality.domain;

/** 区, 县 or 功能区. */
public enum UnitKind {
  DISTRICT,
  COUNTY,
  FUNCTIONAL_ZONE
}
