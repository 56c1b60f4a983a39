package cn.jinan.edu.milestone.domain;

/** Kinds of responsible unit: the city bureau, its departments (处室) and the districts (区县). */
public enum UnitKind {
  CITY,
  DEPARTMENT,
  DISTRICT
}
