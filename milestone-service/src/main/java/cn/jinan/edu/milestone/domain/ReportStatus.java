package cn.jinan.edu.milestone.domain;

/** What a responsible unit says about its task (进展状态). */
public enum ReportStatus {
  NOT_STARTED("未启动"),
  IN_PROGRESS("推进中"),
  COMPLETED("已完成"),
  BLOCKED("受阻");

  public final String labelZh;

  ReportStatus(String labelZh) {
    this.labelZh = labelZh;
  }
}
