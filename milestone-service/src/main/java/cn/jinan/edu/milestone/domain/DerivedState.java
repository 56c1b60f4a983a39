package cn.jinan.edu.milestone.domain;

/**
 * The state of a task (or of one unit's part of it) at a moment, derived from its deadline and the
 * latest progress. Declared from the most to the least urgent; a task's overall state is the most
 * urgent state of its units that have not completed.
 */
public enum DerivedState {
  OVERDUE("已逾期"),
  DUE_SOON("即将到期"),
  AT_RISK("进度滞后"),
  ON_TRACK("按计划推进"),
  COMPLETED("已完成");

  public final String labelZh;

  DerivedState(String labelZh) {
    this.labelZh = labelZh;
  }
}
