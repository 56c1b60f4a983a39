package cn.jinan.edu.quality.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Where a dated target stands (目标完成情况). A deadline is a calendar date meaning the end of that day
 * in Asia/Shanghai, as in the plan's 完成时限 "2025年" = by 2025-12-31.
 */
public enum TargetStatus {
  /** Met (已完成), whatever the date. */
  MET,
  /** Not met, deadline more than the at-risk window away. */
  ON_TRACK,
  /** Not met, deadline within the at-risk window (inclusive). */
  AT_RISK,
  /** Not met and the deadline has passed (逾期未完成). */
  MISSED;

  /** The plan's time zone; deadlines and as-of dates are read in it. */
  public static final ZoneId PLAN_ZONE = ZoneId.of("Asia/Shanghai");

  /** A typical at-risk window; callers configure their own. */
  public static final int DEFAULT_AT_RISK_WINDOW_DAYS = 180;

  /**
   * Status as of a calendar date in Asia/Shanghai.
   *
   * <p>The deadline day itself is not past (the deadline is its end), so on it the target has 0
   * days left and is AT_RISK if unmet. It is AT_RISK when days left ≤ {@code atRiskWindowDays}.
   *
   * @param met whether the target is met as of {@code asOf}
   */
  public static TargetStatus evaluate(
      LocalDate deadline, LocalDate asOf, boolean met, int atRiskWindowDays) {
    Objects.requireNonNull(deadline, "deadline");
    Objects.requireNonNull(asOf, "asOf");
    if (atRiskWindowDays < 0) {
      throw new IllegalArgumentException("atRiskWindowDays must be ≥ 0");
    }
    if (met) {
      return MET;
    }
    long daysLeft = ChronoUnit.DAYS.between(asOf, deadline);
    if (daysLeft < 0) {
      return MISSED;
    }
    return daysLeft <= atRiskWindowDays ? AT_RISK : ON_TRACK;
  }

  /** Status at an instant, read as a calendar date in Asia/Shanghai. */
  public static TargetStatus evaluate(
      LocalDate deadline, Instant asOf, boolean met, int atRiskWindowDays) {
    return evaluate(deadline, LocalDate.ofInstant(asOf, PLAN_ZONE), met, atRiskWindowDays);
  }

  /** The first instant after the deadline: start of the next day in Asia/Shanghai. */
  public static Instant deadlineEnd(LocalDate deadline) {
    return deadline.plusDays(1).atStartOfDay(PLAN_ZONE).toInstant();
  }
}
