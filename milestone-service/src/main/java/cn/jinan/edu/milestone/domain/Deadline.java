package cn.jinan.edu.milestone.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * When a key task falls due. The plan's 完成时限 names a year ("2025年"); the task is on time if done by
 * the end of 31 December of that year in Jinan's local time (Asia/Shanghai), and overdue from 00:00
 * on 1 January after, wherever the server or the caller is. The catalogue stores the last day as
 * task.deadline_date; this class is the one place that turns it into instants.
 *
 * @param lastDay the last calendar day, in Asia/Shanghai, on which the task is still on time
 */
public record Deadline(LocalDate lastDay) {

  /** The plan's clock: China Standard Time, no daylight saving. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  public Deadline {
    Objects.requireNonNull(lastDay, "lastDay");
  }

  /** The deadline of a task whose 完成时限 is {@code year}年. */
  public static Deadline endOfYear(int year) {
    return new Deadline(LocalDate.of(year, 12, 31));
  }

  /** Whether a task of {@code taskYear} that is still not completed at {@code now} is overdue. */
  public static boolean isOverdue(int taskYear, Instant now) {
    return endOfYear(taskYear).isOverdueAt(now);
  }

  /**
   * The first instant at which the task is late: midnight after the last day in Asia/Shanghai. An
   * exclusive bound avoids picking a "last nanosecond" of the day.
   */
  public Instant lateFrom() {
    return lastDay.plusDays(1).atStartOfDay(ZONE).toInstant();
  }

  /** Whether a task that is still not completed at {@code now} is overdue. */
  public boolean isOverdueAt(Instant now) {
    return !now.isBefore(lateFrom());
  }

  /** As {@link #isOverdueAt(Instant)}; the offset of {@code now} does not matter. */
  public boolean isOverdueAt(OffsetDateTime now) {
    return isOverdueAt(now.toInstant());
  }

  /** Whether a task completed at {@code completedAt} met this deadline. */
  public boolean isMetBy(Instant completedAt) {
    return completedAt.isBefore(lateFrom());
  }
}
