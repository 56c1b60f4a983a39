package cn.jinan.edu.registry.domain;

/** 合作具体内容 the areas a cooperation covers. */
public enum ContentArea {
  MANAGEMENT("管理"),
  TEACHERS("师资"),
  STUDENTS("学生"),
  CURRICULUM("课程"),
  TEACHING_RESEARCH("教研"),
  FACILITIES("设施设备");

  public final String labelZh;

  ContentArea(String labelZh) {
    this.labelZh = labelZh;
  }
}
