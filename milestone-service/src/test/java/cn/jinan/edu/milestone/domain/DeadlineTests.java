package cn.jinan.edu.milestone.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class DeadlineTests {

  @Test
  void a2025TaskIsDueUntilTheEndOf2025InShanghai() {
    OffsetDateTime lastSecond = OffsetDateTime.parse("2025-12-31T23:59:59+08:00");
    OffsetDateTime lastNano = OffsetDateTime.parse("2025-12-31T23:59:59.999999999+08:00");
    OffsetDateTime midnight = OffsetDateTime.parse("2026-01-01T00:00:00+08:00");

    assertFalse(Deadline.endOfYear(2025).isOverdueAt(lastSecond));
    assertFalse(Deadline.endOfYear(2025).isOverdueAt(lastNano));
    assertTrue(Deadline.endOfYear(2025).isOverdueAt(midnight));

    assertFalse(Deadline.isOverdue(2025, lastSecond.toInstant()));
    assertTrue(Deadline.isOverdue(2025, midnight.toInstant()));
  }

  @Test
  void theBoundaryIsShanghaiMidnightNotUtcMidnight() {
    // 2026-01-01 00:00 in Shanghai is 2025-12-31 16:00 UTC: already late, though UTC is still 2025.
    assertEquals(Instant.parse("2025-12-31T16:00:00Z"), Deadline.endOfYear(2025).lateFrom());
    assertFalse(Deadline.isOverdue(2025, Instant.parse("2025-12-31T15:59:59Z")));
    assertTrue(Deadline.isOverdue(2025, Instant.parse("2025-12-31T16:00:00Z")));
  }

  @Test
  void completionAtTheLastSecondMeetsTheDeadline() {
    Deadline deadline = Deadline.endOfYear(2025);
    assertEquals(LocalDate.of(2025, 12, 31), deadline.lastDay());
    assertTrue(deadline.isMetBy(Instant.parse("2025-12-31T15:59:59Z")));
    assertFalse(deadline.isMetBy(Instant.parse("2025-12-31T16:00:00Z")));
  }
}
