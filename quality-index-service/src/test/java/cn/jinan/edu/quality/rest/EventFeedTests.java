package cn.jinan.edu.quality.rest;

import static cn.jinan.edu.platform.testing.EventFeeds.lastSequence;
import static cn.jinan.edu.platform.testing.EventFeeds.read;
import static cn.jinan.edu.platform.testing.EventFeeds.sequence;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinan.edu.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who reads which events: the feed never shows a caller what it could not GET directly. */
@QuarkusTest
class EventFeedTests {
  static final int PERIOD = 2081;

  private static String submit(String token, String district) {
    return given()
        .auth()
        .oauth2(token)
        .header("If-Match", "\"0\"")
        .contentType("application/json")
        .body("{}")
        .post("/api/v1/approvals/" + district + "/" + PERIOD + "/transitions/submit")
        .then()
        .statusCode(200)
        .extract()
        .header("ETag");
  }

  @Test
  void aDistrictReviewerReadsOnlyItsOwnDistrictsEvents() {
    long start = lastSequence();
    submit(TestTokens.districtReviewer("370102"), "370102");
    String etag = submit(TestTokens.districtReviewer("370103"), "370103");
    given()
        .auth()
        .oauth2(TestTokens.cityAdmin())
        .header("If-Match", etag)
        .contentType("application/json")
        .body("{}")
        .post("/api/v1/approvals/370103/" + PERIOD + "/transitions/approve")
        .then()
        .statusCode(200);
    given()
        .auth()
        .oauth2(TestTokens.cityAdmin())
        .post("/api/v1/value-added/recompute?year=" + PERIOD)
        .then()
        .statusCode(200);

    // city-admin (like auditor and data-reporter) reads every event, city-wide ones included.
    List<Map<String, Object>> all = read(TestTokens.cityAdmin(), start, 200);
    List<Object> subjects = all.stream().map(e -> e.get("subject")).toList();
    assertTrue(subjects.contains("370102/" + PERIOD), subjects.toString());
    assertEquals(2, subjects.stream().filter(("370103/" + PERIOD)::equals).count());
    assertTrue(subjects.contains("year/" + PERIOD), subjects.toString());
    long last = sequence(all.get(all.size() - 1));

    // A reviewer of another district sees none of them, just as GET /approvals refuses it.
    String stranger = TestTokens.districtReviewer("370105");
    given()
        .auth()
        .oauth2(stranger)
        .get("/api/v1/approvals/370103/" + PERIOD)
        .then()
        .statusCode(403);
    List<Map<String, Object>> strangers = read(stranger, start, 200);
    List<Object> seen = strangers.stream().map(e -> e.get("subject")).toList();
    for (String s : List.of("370102/", "370103/", "year/")) {
      assertFalse(seen.contains(s + PERIOD), "370105 was shown " + s + PERIOD);
    }
    strangers.forEach(e -> assertEquals("370105", data(e).get("districtCode"), e.toString()));

    // The own district's reviewer sees exactly the city's events about 370102, rendered the same,
    // page by page with limit 1: every page advances the cursor, nothing is skipped or repeated.
    List<Map<String, Object>> expected =
        all.stream().filter(e -> "370102".equals(data(e).get("districtCode"))).toList();
    List<Map<String, Object>> mine =
        read(TestTokens.districtReviewer("370102"), start, 1).stream()
            .filter(e -> sequence(e) <= last)
            .toList();
    assertEquals(expected, mine);
    List<Object> mySubjects = mine.stream().map(e -> e.get("subject")).toList();
    assertTrue(mySubjects.contains("370102/" + PERIOD), mySubjects.toString());
    assertFalse(mySubjects.contains("370103/" + PERIOD));
    assertFalse(mySubjects.contains("year/" + PERIOD));
  }

  @Test
  void callersWithoutADistrictScopeAreRefused() {
    for (String token :
        List.of(
            TestTokens.schoolApplicant("12370102MB0000017P"),
            TestTokens.as("district-reviewer").sign())) {
      given()
          .auth()
          .oauth2(token)
          .get("/api/v1/events")
          .then()
          .statusCode(403)
          .contentType(startsWith("application/problem+json"))
          .body("type", equalTo("urn:jinan-edu:problem:forbidden"));
    }
    given().get("/api/v1/events").then().statusCode(401);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> data(Map<String, Object> e) {
    return (Map<String, Object>) e.get("data");
  }
}
