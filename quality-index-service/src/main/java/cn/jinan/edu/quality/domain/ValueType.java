package cn.jinan.edu.quality.domain;

import java.math.BigDecimal;
import java.util.Optional;

/** What an indicator's values are; values are stored as numbers (a boolean as 1 or 0). */
public enum ValueType {
  /** 是否: 1 (yes) or 0 (no). */
  BOOLEAN,
  /** 数量: a whole number ≥ 0. */
  COUNT,
  /** 比率: a number ≥ 0, e.g. a percentage or a per-100-students figure. */
  RATIO,
  /** 金额/面积: a number ≥ 0, e.g. yuan or m² per student. */
  AMOUNT;

  /** Why the value does not fit this type, or empty when it does. */
  public Optional<String> problem(BigDecimal value) {
    if (value == null) {
      return Optional.of("数值必填 (value is required)");
    }
    if (value.signum() < 0) {
      return Optional.of("数值不能为负 (must be ≥ 0)");
    }
    if (value.scale() > 6 && value.stripTrailingZeros().scale() > 6) {
      return Optional.of("最多6位小数 (at most 6 decimals)");
    }
    if (value.compareTo(new BigDecimal("1e17")) >= 0) {
      return Optional.of("数值过大 (too large)");
    }
    return switch (this) {
      case BOOLEAN ->
          value.compareTo(BigDecimal.ZERO) == 0 || value.compareTo(BigDecimal.ONE) == 0
              ? Optional.empty()
              : Optional.of("是否类指标取值为1或0 (a yes/no indicator takes 1 or 0)");
      case COUNT ->
          value.stripTrailingZeros().scale() <= 0
              ? Optional.empty()
              : Optional.of("数量须为整数 (a count must be a whole number)");
      case RATIO, AMOUNT -> Optional.empty();
    };
  }

  /** Reads a CSV cell: numbers, and for yes/no also true/false, 是/否. */
  public static Optional<BigDecimal> parse(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String t = text.trim();
    switch (t.toLowerCase(java.util.Locale.ROOT)) {
      case "true", "yes", "是" -> {
        return Optional.of(BigDecimal.ONE);
      }
      case "false", "no", "否" -> {
        return Optional.of(BigDecimal.ZERO);
      }
      default -> {
        try {
          return Optional.of(new BigDecimal(t));
        } catch (NumberFormatException e) {
          return Optional.empty();
        }
      }
    }
  }
}
