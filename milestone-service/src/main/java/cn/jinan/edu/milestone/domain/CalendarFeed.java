package cn.jinan.edu.milestone.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes deadlines as an iCalendar object (RFC 5545): CRLF line ends, lines folded at 75 octets
 * without splitting a UTF-8 character, TEXT values escaped. Each deadline is an all-day event on
 * its last day, so calendar apps show it on the right day whatever their time zone.
 */
public final class CalendarFeed {
  private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private CalendarFeed() {}

  /** One deadline. {@code uid} must stay the same for the same task, so that updates replace it. */
  public record Entry(
      String uid, LocalDate lastDay, String summary, String description, String url) {}

  public static String write(String name, Instant stamp, List<Entry> entries) {
    StringBuilder out = new StringBuilder();
    line(out, "BEGIN:VCALENDAR");
    line(out, "VERSION:2.0");
    line(out, "PRODID:-//Jinan Education Bureau//milestone-service//ZH");
    line(out, "CALSCALE:GREGORIAN");
    // No METHOD: that would make it an iTIP (RFC 5546) message, which requires an ORGANIZER.
    line(out, "X-WR-CALNAME:" + text(name));
    line(out, "X-WR-TIMEZONE:Asia/Shanghai");
    // RFC 5545 requires at least one component, so a unit without tasks still gets a valid feed;
    // the zone also tells apps which day the deadlines belong to.
    line(out, "BEGIN:VTIMEZONE");
    line(out, "TZID:Asia/Shanghai");
    line(out, "BEGIN:STANDARD");
    line(out, "DTSTART:19700101T000000");
    line(out, "TZOFFSETFROM:+0800");
    line(out, "TZOFFSETTO:+0800");
    line(out, "TZNAME:CST");
    line(out, "END:STANDARD");
    line(out, "END:VTIMEZONE");
    for (Entry e : entries) {
      line(out, "BEGIN:VEVENT");
      line(out, "UID:" + text(e.uid()));
      line(out, "DTSTAMP:" + UTC.format(stamp));
      line(out, "DTSTART;VALUE=DATE:" + DATE.format(e.lastDay()));
      line(out, "DTEND;VALUE=DATE:" + DATE.format(e.lastDay().plusDays(1)));
      line(out, "SUMMARY:" + text(e.summary()));
      if (e.description() != null && !e.description().isEmpty()) {
        line(out, "DESCRIPTION:" + text(e.description()));
      }
      if (e.url() != null) {
        line(out, "URL:" + e.url());
      }
      line(out, "TRANSP:TRANSPARENT");
      line(out, "END:VEVENT");
    }
    line(out, "END:VCALENDAR");
    return out.toString();
  }

  /** RFC 5545 3.3.11: backslash, semicolon, comma and newlines are escaped in TEXT. */
  static String text(String value) {
    return value
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n");
  }

  /** RFC 5545 3.1: at most 75 octets a line; continuation lines start with one space. */
  static void line(StringBuilder out, String content) {
    int octets = 0;
    int limit = 75;
    for (int i = 0; i < content.length(); ) {
      int cp = content.codePointAt(i);
      int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (octets + size > limit) {
        out.append("\r\n ");
        octets = 1;
      }
      out.appendCodePoint(cp);
      octets += size;
      i += Character.charCount(cp);
    }
    out.append("\r\n");
  }
}
