package cn.jinan.edu.registry.domain;

/** The stages the plan promotes typical cases for: 小学, 初中, 高中. */
public enum TypicalCaseStage {
  PRIMARY,
  JUNIOR,
  SENIOR
}
