package cn.jinan.edu.quality.domain;

import java.math.BigDecimal;

/** Numbers as JSON and explanations show them: no trailing zeros, never exponent notation. */
public final class Decimals {
  private Decimals() {}

  /** 80, not 8E+1 or 80.00; null stays null. */
  public static BigDecimal plain(BigDecimal v) {
    if (v == null) {
      return null;
    }
    BigDecimal s = v.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }

  /** The plain number as text; "" for null. */
  public static String text(BigDecimal v) {
    return v == null ? "" : plain(v).toPlainString();
  }
}
