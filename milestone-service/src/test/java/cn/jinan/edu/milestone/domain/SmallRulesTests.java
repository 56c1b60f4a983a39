package cn.jinan.edu.milestone.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinan.edu.platform.lifecycle.Transition;
import cn.jinan.edu.platform.problem.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SmallRulesTests {

  @Test
  void asOfForms() {
    Clock clock = Clock.fixed(Instant.parse("2025-10-01T02:00:00Z"), ZoneOffset.UTC);
    assertEquals(Instant.parse("2025-10-01T02:00:00Z"), AsOf.parse(null, clock).instant());
    AsOf day = AsOf.parse("2025-12-31", clock);
    assertEquals(LocalDate.of(2025, 12, 31), day.date());
    assertFalse(Deadline.endOfYear(2025).isOverdueAt(day.instant()));
    assertTrue(Deadline.endOfYear(2025).isOverdueAt(AsOf.parse("2026-01-01", clock).instant()));
    assertEquals(
        Instant.parse("2025-12-31T15:59:59Z"),
        AsOf.parse("2025-12-31T23:59:59+08:00", clock).instant());
    // An unencoded '+' arrives as a space.
    assertEquals(
        Instant.parse("2025-12-31T16:00:00Z"),
        AsOf.parse("2026-01-01T00:00:00 08:00", clock).instant());
    assertEquals(
        Instant.parse("2025-12-31T16:00:00Z"), AsOf.parse("2026-01-01T00:00:00", clock).instant());
    assertEquals(LocalDate.of(2026, 1, 1), AsOf.parse("2025-12-31T16:00:00Z", clock).date());
    assertThrows(IllegalArgumentException.class, () -> AsOf.parse("31.12.2025", clock));
  }

  @Test
  void numerals() {
    assertEquals("一", ChineseNumeral.of(1));
    assertEquals("十", ChineseNumeral.of(10));
    assertEquals("十六", ChineseNumeral.of(16));
    assertEquals("二十", ChineseNumeral.of(20));
    assertEquals("九十九", ChineseNumeral.of(99));
  }

  @Test
  void defaultResponsibility() {
    assertEquals(
        new DefaultResponsibility.Units(true, false),
        DefaultResponsibility.forTask("印发《济南市建设国家级特殊教育改革实验区实施方案》"));
    assertEquals(
        new DefaultResponsibility.Units(true, true),
        DefaultResponsibility.forTask("印发实施《济南市家校社协同育人“教联体”工作方案》，实现区县家校社“教联体”全覆盖"));
    assertEquals(
        new DefaultResponsibility.Units(false, true),
        DefaultResponsibility.forTask("支持市区优质初中对口帮助乡镇初中提升管理水平和办学质量"));
  }

  @Test
  void figures() {
    assertEquals(
        new ProgressRules.Progress(ReportStatus.IN_PROGRESS, 70), Figures.progress(false, 0.7));
    assertEquals(
        new ProgressRules.Progress(ReportStatus.IN_PROGRESS, 29), Figures.progress(false, 0.29));
    assertEquals(
        new ProgressRules.Progress(ReportStatus.IN_PROGRESS, 99), Figures.progress(false, 1.0));
    assertEquals(
        new ProgressRules.Progress(ReportStatus.COMPLETED, 100), Figures.progress(true, 0.9));
    assertEquals(ProgressRules.Progress.NONE, Figures.progress(false, 0));
    assertEquals(ProgressRules.Progress.NONE, Figures.filing(0, 0));
    assertEquals(new ProgressRules.Progress(ReportStatus.COMPLETED, 100), Figures.filing(3, 3));
  }

  @Test
  void reportLifecycle() {
    assertEquals(ReportState.ACCEPTED, to(ReportState.SUBMITTED, ReportAction.ACCEPT));
    assertEquals(ReportState.RETURNED, to(ReportState.SUBMITTED, ReportAction.RETURN));
    assertEquals(ReportState.RETURNED, to(ReportState.ACCEPTED, ReportAction.REOPEN));
    assertFalse(ReportLifecycle.REVIEW.attempt(ReportState.ACCEPTED, ReportAction.RETURN).moved());
    assertFalse(ReportLifecycle.REVIEW.attempt(ReportState.RETURNED, ReportAction.ACCEPT).moved());
    assertFalse(ReportLifecycle.editable(ReportState.ACCEPTED));
    assertTrue(ReportLifecycle.editable(ReportState.RETURNED));
  }

  @Test
  void reportActionsOfACaller() {
    // The unit edits (resubmits) what is not accepted; only the city reviews.
    assertEquals(ReportState.SUBMITTED, to(ReportState.RETURNED, ReportAction.EDIT));
    assertEquals(ReportState.SUBMITTED, to(ReportState.SUBMITTED, ReportAction.EDIT));
    assertEquals(
        List.of(ReportAction.ACCEPT, ReportAction.RETURN, ReportAction.EDIT),
        ReportLifecycle.REVIEW.allowedFor(ReportState.SUBMITTED, a -> true));
    assertEquals(
        List.of(ReportAction.EDIT),
        ReportLifecycle.REVIEW.allowedFor(ReportState.SUBMITTED, a -> !a.review));
    ProblemException refused =
        assertThrows(
            ProblemException.class,
            () ->
                ReportLifecycle.REVIEW.next(
                    ReportState.ACCEPTED,
                    ReportAction.EDIT,
                    a -> !a.review,
                    ReportLifecycle::name));
    assertEquals(409, refused.status());
    assertEquals(List.of(), refused.extensions().get("allowedTransitions"));
    assertEquals("ACCEPTED", refused.extensions().get("currentState"));
    assertEquals(Optional.empty(), ReportAction.fromPath("edit"));
    assertEquals(Optional.of(ReportAction.REOPEN), ReportAction.fromPath("reopen"));
  }

  private static ReportState to(ReportState from, ReportAction action) {
    Transition<ReportState, ReportAction> t = ReportLifecycle.REVIEW.attempt(from, action);
    return ((Transition.Moved<ReportState, ReportAction>) t).to();
  }
}
