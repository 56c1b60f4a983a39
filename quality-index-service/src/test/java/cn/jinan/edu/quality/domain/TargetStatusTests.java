package cn.jinan.edu.quality.domain;

import static cn.jinan.edu.quality.domain.TargetStatus.AT_RISK;
import static cn.jinan.edu.quality.domain.TargetStatus.MET;
import static cn.jinan.edu.quality.domain.TargetStatus.MISSED;
import static cn.jinan.edu.quality.domain.TargetStatus.ON_TRACK;
import static cn.jinan.edu.quality.domain.TargetStatus.evaluate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TargetStatusTests {

  static final LocalDate DEADLINE = LocalDate.of(2027, 12, 31);
  static final int WINDOW = 180;

  @Test
  void metIsMetBeforeAndAfterTheDeadline() {
    assertEquals(MET, evaluate(DEADLINE, LocalDate.of(2025, 6, 13), true, WINDOW));
    assertEquals(MET, evaluate(DEADLINE, LocalDate.of(2028, 3, 1), true, WINDOW));
  }

  @Test
  void unmetFarFromTheDeadlineIsOnTrack() {
    assertEquals(ON_TRACK, evaluate(DEADLINE, LocalDate.of(2025, 6, 13), false, WINDOW));
  }

  @Test
  void windowBoundaryIsInclusive() {
    // 2027-07-04 is exactly 180 days before 2027-12-31.
    assertEquals(LocalDate.of(2027, 7, 4), DEADLINE.minusDays(WINDOW));
    assertEquals(AT_RISK, evaluate(DEADLINE, LocalDate.of(2027, 7, 4), false, WINDOW));
    assertEquals(ON_TRACK, evaluate(DEADLINE, LocalDate.of(2027, 7, 3), false, WINDOW));
  }

  @Test
  void deadlineDayItselfIsNotPast() {
    assertEquals(AT_RISK, evaluate(DEADLINE, DEADLINE, false, WINDOW));
    assertEquals(MISSED, evaluate(DEADLINE, DEADLINE.plusDays(1), false, WINDOW));
    assertEquals(MISSED, evaluate(DEADLINE, LocalDate.of(2030, 1, 1), false, WINDOW));
  }

  @Test
  void windowIsConfigurable() {
    LocalDate asOf = LocalDate.of(2027, 10, 1); // 91 days left
    assertEquals(ON_TRACK, evaluate(DEADLINE, asOf, false, 90));
    assertEquals(AT_RISK, evaluate(DEADLINE, asOf, false, 91));
    assertEquals(ON_TRACK, evaluate(DEADLINE, DEADLINE.minusDays(1), false, 0));
    assertEquals(AT_RISK, evaluate(DEADLINE, DEADLINE, false, 0));
  }

  @Test
  void instantsAreReadInShanghaiTime() {
    // 16:00 UTC on 31 Dec is midnight in Shanghai (UTC+8): the deadline's end.
    assertEquals(Instant.parse("2027-12-31T16:00:00Z"), TargetStatus.deadlineEnd(DEADLINE));
    assertEquals(AT_RISK, evaluate(DEADLINE, Instant.parse("2027-12-31T15:59:59Z"), false, WINDOW));
    assertEquals(MISSED, evaluate(DEADLINE, Instant.parse("2027-12-31T16:00:00Z"), false, WINDOW));
    assertEquals(MET, evaluate(DEADLINE, Instant.parse("2028-01-05T00:00:00Z"), true, WINDOW));
  }

  @Test
  void negativeWindowIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> evaluate(DEADLINE, DEADLINE, false, -1));
  }
}
