package cn.jinan.edu.milestone;

import static cn.jinan.edu.platform.testing.EventFeeds.lastSequence;
import static cn.jinan.edu.platform.testing.EventFeeds.read;
import static cn.jinan.edu.platform.testing.EventFeeds.sequence;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinan.edu.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who reads which events: the feed never shows a caller what it could not GET directly. */
@QuarkusTest
class EventFeedApiTests {

  @Test
  void aDistrictReviewerReadsOnlyItsOwnDistrictsEvents() {
    long start = lastSequence();
    String plan = Fixtures.plan("2025-06-13");
    long task =
        Fixtures.task(plan, 1, 2025, null, List.of(1), List.of("370102", "370103", "JJ-JCJY"));
    long second = Fixtures.task(plan, 1, 2025, null, List.of(2), List.of("370102"));
    long own = Fixtures.accepted(task, "370102", "IN_PROGRESS", 40, "2025-09-30");
    long ownAgain = Fixtures.accepted(second, "370102", "COMPLETED", 100, "2025-09-30");
    long other = Fixtures.accepted(task, "370103", "IN_PROGRESS", 60, "2025-09-30");
    long city = Fixtures.accepted(task, "JJ-JCJY", "IN_PROGRESS", 70, "2025-09-30");

    // city-admin (like auditor and data-reporter) reads every event.
    List<Map<String, Object>> all = read(TestTokens.cityAdmin(), start, 200);
    Set<Object> subjects = Set.copyOf(all.stream().map(e -> e.get("subject")).toList());
    for (long id : List.of(own, ownAgain, other, city)) {
      assertTrue(subjects.contains("reports/" + id), "city-admin misses report " + id);
    }
    long last = sequence(all.get(all.size() - 1));

    // A reviewer of another district sees none of them, just as GET /reports/{id} refuses it.
    String stranger = TestTokens.districtReviewer("370105");
    given().auth().oauth2(stranger).get("/api/v1/reports/" + own).then().statusCode(403);
    List<Map<String, Object>> strangers = read(stranger, start, 200);
    for (long id : List.of(own, ownAgain, other, city)) {
      assertFalse(
          strangers.stream().anyMatch(e -> ("reports/" + id).equals(e.get("subject"))),
          "370105 was shown report " + id);
    }
    for (Map<String, Object> e : strangers) {
      assertEquals("370105", data(e).get("unitCode"), "370105 was shown " + e);
    }

    // The own district's reviewer sees exactly the city's events about 370102, rendered the same,
    // page by page with limit 1: every page advances the cursor, nothing is skipped or repeated.
    List<Map<String, Object>> expected =
        all.stream().filter(e -> "370102".equals(data(e).get("unitCode"))).toList();
    List<Map<String, Object>> mine =
        read(TestTokens.districtReviewer("370102"), start, 1).stream()
            .filter(e -> sequence(e) <= last)
            .toList();
    assertEquals(expected, mine);
    List<Object> mySubjects = mine.stream().map(e -> e.get("subject")).toList();
    assertTrue(mySubjects.contains("reports/" + own), "370102 misses its report " + own);
    assertTrue(mySubjects.contains("reports/" + ownAgain), "370102 misses its report " + ownAgain);
    assertFalse(mySubjects.contains("reports/" + other));
    assertFalse(mySubjects.contains("reports/" + city));
  }

  @Test
  void callersWithoutADistrictScopeAreRefused() {
    for (String token :
        List.of(
            TestTokens.schoolApplicant("12370102MB0000017P"),
            TestTokens.as("district-reviewer").sign())) {
      ReportApiTests.problem(
          given().auth().oauth2(token).get("/api/v1/events").then(), 403, "forbidden");
    }
    given().get("/api/v1/events").then().statusCode(401);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> data(Map<String, Object> e) {
    return (Map<String, Object>) e.get("data");
  }
}
