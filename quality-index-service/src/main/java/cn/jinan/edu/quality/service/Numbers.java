package cn.jinan.edu.quality.service;

import java.math.BigDecimal;

/** Numbers as JSON shows them: no trailing zeros and never exponent notation (80, not 8E+1). */
final class Numbers {
  private Numbers() {}

  static BigDecimal plain(BigDecimal v) {
    if (v == null) {
      return null;
    }
    BigDecimal s = v.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }

  static String text(BigDecimal v) {
    return v == null ? "" : plain(v).toPlainString();
  }
}
