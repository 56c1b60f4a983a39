package cn.jinan.edu.milestone.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Objects;

/**
 * How a task's state at a moment follows from its deadline and its latest progress. Plain Java, so
 * that the rules are tested without a server.
 *
 * <p>Precedence, first match wins: COMPLETED (reported done), OVERDUE (deadline passed), DUE_SOON
 * (within the window before the deadline), AT_RISK (blocked, or behind the straight line from the
 * plan's issue date to the deadline by more than the margin), ON_TRACK.
 */
public final class ProgressRules {

  /** Reported or derived progress of one unit. */
  public record Progress(ReportStatus status, int percent) {
    public Progress {
      Objects.requireNonNull(status, "status");
      if (percent < 0 || percent > 100) {
        throw new IllegalArgumentException("percent must be 0–100");
      }
    }

    public static final Progress NONE = new Progress(ReportStatus.NOT_STARTED, 0);
  }

  private final LocalDate issueDate;
  private final int dueSoonDays;
  private final int marginPoints;

  /**
   * @param issueDate the plan's issue date: the straight line starts at its first instant
   * @param dueSoonDays the DUE_SOON window before the deadline, in days
   * @param marginPoints how many percentage points behind the line count as AT_RISK
   */
  public ProgressRules(LocalDate issueDate, int dueSoonDays, int marginPoints) {
    this.issueDate = Objects.requireNonNull(issueDate, "issueDate");
    if (dueSoonDays < 0 || marginPoints < 0 || marginPoints > 100) {
      throw new IllegalArgumentException("dueSoonDays ≥ 0 and 0 ≤ marginPoints ≤ 100");
    }
    this.dueSoonDays = dueSoonDays;
    this.marginPoints = marginPoints;
  }

  public DerivedState derive(Progress progress, Deadline deadline, Instant at) {
    if (progress.status() == ReportStatus.COMPLETED) {
      return DerivedState.COMPLETED;
    }
    if (deadline.isOverdueAt(at)) {
      return DerivedState.OVERDUE;
    }
    if (!at.isBefore(deadline.lateFrom().minus(Duration.ofDays(dueSoonDays)))) {
      return DerivedState.DUE_SOON;
    }
    if (progress.status() == ReportStatus.BLOCKED
        || expectedPercent(deadline, at) - progress.percent() > marginPoints) {
      return DerivedState.AT_RISK;
    }
    return DerivedState.ON_TRACK;
  }

  /**
   * Where the straight line from the plan's issue date (00:00 Asia/Shanghai) to the deadline stands
   * at {@code at}: 0 before the issue date, 100 from the deadline on.
   */
  public double expectedPercent(Deadline deadline, Instant at) {
    Instant start = issueDate.atStartOfDay(Deadline.ZONE).toInstant();
    Instant end = deadline.lateFrom();
    if (!at.isAfter(start)) {
      return 0;
    }
    if (!at.isBefore(end) || !end.isAfter(start)) {
      return 100;
    }
    double elapsed = Duration.between(start, at).toSeconds();
    double total = Duration.between(start, end).toSeconds();
    return 100.0 * elapsed / total;
  }

  /**
   * A task's overall state from its units' states: COMPLETED when every unit has completed (or
   * there is no unit), otherwise the most urgent state of the units that have not.
   */
  public static DerivedState overall(Collection<DerivedState> unitStates) {
    DerivedState worst = DerivedState.COMPLETED;
    for (DerivedState s : unitStates) {
      if (s.ordinal() < worst.ordinal()) {
        worst = s;
      }
    }
    return worst;
  }
}
