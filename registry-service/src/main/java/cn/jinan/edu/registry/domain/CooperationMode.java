package cn.jinan.edu.registry.domain;

/** 合作模式 the mode of a cooperation. */
public enum CooperationMode {
  GROUP("集团化办学"),
  COOPERATION("合作办学"),
  PAIRED_SUPPORT("对口帮扶"),
  ENTRUSTED_MANAGEMENT("委托管理");

  public final String labelZh;

  CooperationMode(String labelZh) {
    this.labelZh = labelZh;
  }
}
