package cn.jinan.edu.milestone.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The moment a derived state is asked for (?asOf=). A date means the end of that day in
 * Asia/Shanghai (everything reported as of that day counts, and a deadline on that day has not yet
 * passed); a date-time with offset is taken as is; one without offset is Asia/Shanghai time;
 * nothing means now.
 *
 * @param instant the moment
 * @param date the Asia/Shanghai calendar day of the moment (reports as of this day or earlier
 *     count)
 */
public record AsOf(Instant instant, LocalDate date) {

  public static AsOf of(Instant instant) {
    return new AsOf(instant, instant.atZone(Deadline.ZONE).toLocalDate());
  }

  /** The last instant of {@code day} in Asia/Shanghai. */
  public static AsOf endOf(LocalDate day) {
    return new AsOf(day.plusDays(1).atStartOfDay(Deadline.ZONE).toInstant().minusNanos(1), day);
  }

  /**
   * @throws IllegalArgumentException naming the accepted forms
   */
  public static AsOf parse(String text, Clock clock) {
    if (text == null || text.isBlank()) {
      return of(clock.instant());
    }
    // A '+' that was not percent-encoded arrives as a space.
    String t = text.trim().replace(' ', '+');
    try {
      if (t.length() == 10) {
        return endOf(LocalDate.parse(t));
      }
      if (t.endsWith("Z") || t.matches(".*[+-]\\d{2}:?\\d{2}$")) {
        return of(OffsetDateTime.parse(t).toInstant());
      }
      return of(LocalDateTime.parse(t).atZone(Deadline.ZONE).toInstant());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "expected YYYY-MM-DD, YYYY-MM-DDThh:mm:ss (Asia/Shanghai) or YYYY-MM-DDThh:mm:ss+08:00");
    }
  }
}
