package cn.jinan.edu.registry.domain;

/** The lifecycle of a cooperation registration (DOMAIN.md section 3). */
public enum RegistrationState {
  DRAFT("草稿"),
  SUBMITTED("已提交"),
  RETURNED("已退回"),
  REJECTED("未通过"),
  DISTRICT_APPROVED("区县已批准"),
  FILED("已备案"),
  ACTIVE("合作中"),
  EXPIRED("已到期"),
  TERMINATED("已终止"),
  REVOKED("已撤销");

  public final String labelZh;

  RegistrationState(String labelZh) {
    this.labelZh = labelZh;
  }
}
