package cn.jinan.edu.quality.domain;

/** Whether an indicator is reported per district (区县) or per school (学校). */
public enum IndicatorLevel {
  DISTRICT,
  SCHOOL
}
