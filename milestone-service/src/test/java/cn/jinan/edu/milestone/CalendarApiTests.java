package cn.jinan.edu.milestone;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.io.StringReader;
import java.util.List;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

/** The deadline feeds, parsed and validated by a real iCalendar parser (ical4j). */
@QuarkusTest
class CalendarApiTests {

  private static Calendar fetch(String url) throws Exception {
    String body =
        given()
            .get(url)
            .then()
            .statusCode(200)
            .contentType(startsWith("text/calendar"))
            .extract()
            .asString();
    assertTrue(body.startsWith("BEGIN:VCALENDAR\r\n"));
    Calendar cal = new CalendarBuilder().build(new StringReader(body));
    assertTrue(!cal.validate(true).hasErrors(), cal.validate(true).toString());
    return cal;
  }

  @Test
  void cityCalendarHasEveryDocumentTask() throws Exception {
    Calendar cal = fetch("/api/v1/calendar.ics?plan=JN-2025-10");
    List<VEvent> events = cal.getComponents("VEVENT");
    assertTrue(events.size() >= 37, "events: " + events.size());
    VEvent task6 =
        events.stream()
            .filter(e -> e.getSummary().get().getValue().startsWith("【完成时限】任务6："))
            .findFirst()
            .orElseThrow();
    assertEquals("20251231", task6.getDateTimeStart().get().getValue());
    assertTrue(task6.getSummary().get().getValue().endsWith("完成全市中小学校集团化办学（合作办学）登记备案"));
    assertEquals(
        events.size(),
        events.stream().map(e -> e.getUid().get().getValue()).collect(Collectors.toSet()).size(),
        "UIDs are unique");
  }

  @Test
  void districtCalendarHasItsTasksOnly() throws Exception {
    String plan = Fixtures.plan("2025-06-13");
    Fixtures.task(plan, 1, 2025, "2025-09-30", List.of(1), List.of("370124"));
    Fixtures.task(plan, 1, 2026, null, List.of(1), List.of("370126"));
    Calendar cal = fetch("/api/v1/units/370124/calendar.ics?plan=" + plan);
    List<VEvent> events = cal.getComponents("VEVENT");
    assertEquals(1, events.size());
    assertEquals("20250930", events.get(0).getDateTimeStart().get().getValue());
    // A unit without tasks still gets a valid (RFC 5545) calendar.
    assertEquals(
        0, fetch("/api/v1/units/JJ-FZGH/calendar.ics?plan=" + plan).getComponents("VEVENT").size());
    given().get("/api/v1/units/999999/calendar.ics").then().statusCode(404);
  }
}
