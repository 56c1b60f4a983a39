package cn.jinan.edu.milestone.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

class CalendarFeedTests {
  private static final String LONG_TEXT =
      "实行全市中小学校集团化办学（合作办学）登记备案制度，完成全市中小学校集团化办学（合作办学）登记备案; a, b\\c";

  static Calendar parse(String ics) throws Exception {
    // Strict parsing: a folding or escaping mistake fails here.
    return new CalendarBuilder().build(new StringReader(ics));
  }

  /** RFC 5545 validation by ical4j (required properties, value types, cardinalities). */
  static void assertValid(Calendar cal) throws Exception {
    net.fortuna.ical4j.validate.ValidationResult result = cal.validate(true);
    assertTrue(!result.hasErrors(), result.toString());
  }

  @Test
  void validIcalendarWithFoldedUtf8AndEscapedText() throws Exception {
    String ics =
        CalendarFeed.write(
            "测试日历",
            Instant.parse("2025-11-01T00:00:00Z"),
            List.of(
                new CalendarFeed.Entry(
                    "task-6@test", LocalDate.of(2025, 12, 31), LONG_TEXT, "第一行\n第二行", null)));
    for (String line : ics.split("\r\n")) {
      assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, line);
    }
    assertTrue(ics.endsWith("\r\n"));
    assertTrue(!ics.replace("\r\n", "").contains("\n"), "bare LF");

    Calendar cal = parse(ics);
    assertValid(cal);
    List<VEvent> events = cal.getComponents("VEVENT");
    assertEquals(1, events.size());
    VEvent e = events.get(0);
    assertEquals(LONG_TEXT, e.getSummary().get().getValue());
    assertEquals("第一行\n第二行", e.getDescription().get().getValue());
    assertEquals("task-6@test", e.getUid().get().getValue());
    assertEquals("20251231", e.getDateTimeStart().get().getValue());
    assertEquals("20260101", e.getDateTimeEnd().get().getValue());
  }

  @Test
  void emptyCalendarIsValid() throws Exception {
    String ics = CalendarFeed.write("空", Instant.parse("2025-11-01T00:00:00Z"), List.of());
    Calendar cal = parse(ics);
    assertValid(cal);
    assertEquals(0, cal.getComponents("VEVENT").size());
  }
}
