package cn.jinan.edu.milestone.domain;

/** Where a progress report stands in the city's review (审核状态). */
public enum ReportState {
  SUBMITTED("已报送"),
  RETURNED("已退回"),
  ACCEPTED("已采纳");

  public final String labelZh;

  ReportState(String labelZh) {
    this.labelZh = labelZh;
  }
}
