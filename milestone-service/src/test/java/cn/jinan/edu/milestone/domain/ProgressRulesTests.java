package cn.jinan.edu.milestone.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jinan.edu.milestone.domain.ProgressRules.Progress;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressRulesTests {
  private static final ProgressRules RULES = new ProgressRules(LocalDate.of(2025, 6, 13), 30, 20);
  private static final Deadline END_2025 = Deadline.endOfYear(2025);

  private static Instant at(String offsetDateTime) {
    return OffsetDateTime.parse(offsetDateTime).toInstant();
  }

  @Test
  void a2025TaskNotCompletedBecomesOverdueAtShanghaiMidnight() {
    Progress halfway = new Progress(ReportStatus.IN_PROGRESS, 90);
    assertEquals(
        DerivedState.DUE_SOON, RULES.derive(halfway, END_2025, at("2025-12-31T23:59:59+08:00")));
    assertEquals(
        DerivedState.OVERDUE, RULES.derive(halfway, END_2025, at("2026-01-01T00:00:00+08:00")));
    // The same instants written in UTC.
    assertEquals(
        DerivedState.DUE_SOON, RULES.derive(halfway, END_2025, at("2025-12-31T15:59:59Z")));
    assertEquals(DerivedState.OVERDUE, RULES.derive(halfway, END_2025, at("2025-12-31T16:00:00Z")));
  }

  @Test
  void completedWinsOverEverything() {
    Progress done = new Progress(ReportStatus.COMPLETED, 100);
    assertEquals(DerivedState.COMPLETED, RULES.derive(done, END_2025, at("2027-01-01T00:00:00Z")));
  }

  @Test
  void dueSoonWindowStartsThirtyDaysBeforeTheLateInstant() {
    Progress p = new Progress(ReportStatus.IN_PROGRESS, 95);
    // late from 2026-01-01T00:00+08:00; 30 days before: 2025-12-02T00:00+08:00
    assertEquals(DerivedState.ON_TRACK, RULES.derive(p, END_2025, at("2025-12-01T23:59:59+08:00")));
    assertEquals(DerivedState.DUE_SOON, RULES.derive(p, END_2025, at("2025-12-02T00:00:00+08:00")));
  }

  @Test
  void atRiskWhenBehindTheStraightLineByMoreThanTheMargin() {
    // 2025-06-13 → 2026-01-01 is 202 days; on 2025-09-22 (101 days) the line is at 50%.
    Instant halfway = at("2025-09-22T00:00:00+08:00");
    assertEquals(50.0, RULES.expectedPercent(END_2025, halfway), 1e-9);
    assertEquals(
        DerivedState.ON_TRACK,
        RULES.derive(new Progress(ReportStatus.IN_PROGRESS, 30), END_2025, halfway));
    assertEquals(
        DerivedState.AT_RISK,
        RULES.derive(new Progress(ReportStatus.IN_PROGRESS, 29), END_2025, halfway));
    assertEquals(DerivedState.AT_RISK, RULES.derive(Progress.NONE, END_2025, halfway));
  }

  @Test
  void blockedIsAtRiskEvenWhenAhead() {
    assertEquals(
        DerivedState.AT_RISK,
        RULES.derive(
            new Progress(ReportStatus.BLOCKED, 80), END_2025, at("2025-07-01T00:00:00+08:00")));
  }

  @Test
  void theLineIsFlatBeforeTheIssueDateAndFullAtTheDeadline() {
    assertEquals(0.0, RULES.expectedPercent(END_2025, at("2025-06-01T00:00:00+08:00")));
    assertEquals(100.0, RULES.expectedPercent(END_2025, at("2026-01-01T00:00:00+08:00")));
    assertEquals(
        DerivedState.ON_TRACK,
        RULES.derive(Progress.NONE, END_2025, at("2025-06-13T00:00:00+08:00")));
  }

  @Test
  void overallIsTheMostUrgentUnfinishedState() {
    assertEquals(
        DerivedState.COMPLETED,
        ProgressRules.overall(List.of(DerivedState.COMPLETED, DerivedState.COMPLETED)));
    assertEquals(
        DerivedState.ON_TRACK,
        ProgressRules.overall(List.of(DerivedState.COMPLETED, DerivedState.ON_TRACK)));
    assertEquals(
        DerivedState.OVERDUE,
        ProgressRules.overall(
            List.of(DerivedState.AT_RISK, DerivedState.OVERDUE, DerivedState.DUE_SOON)));
  }
}
