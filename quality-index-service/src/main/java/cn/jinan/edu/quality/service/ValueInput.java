package cn.jinan.edu.quality.service;

import java.math.BigDecimal;

/** A value as a caller sends it; the subject is derived: the school's USCC, else the district. */
public record ValueInput(
    String indicator,
    String districtCode,
    String schoolUscc,
    Integer period,
    BigDecimal value,
    String source,
    String comment) {

  String subject() {
    return schoolUscc != null && !schoolUscc.isBlank() ? schoolUscc : districtCode;
  }
}
