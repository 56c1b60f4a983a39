package cn.jinan.edu.registry;

import static cn.jinan.edu.registry.Fixtures.act;
import static cn.jinan.edu.registry.Fixtures.draft;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinan.edu.platform.testing.EventFeeds;
import cn.jinan.edu.platform.testing.TestTokens;
import cn.jinan.edu.registry.service.RegistrationWorkflow;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PublicAndFeedTests {
  @Inject RegistrationWorkflow registrations;

  private static String publicBody(String query) {
    return given()
        .get("/api/v1/public/registrations?" + query)
        .then()
        .statusCode(200)
        .extract()
        .asString();
  }

  @Test
  void publicSeesOnlyFiledOrActiveAndNoContactData() {
    // One registration in each state the public must never see.
    Fixtures.Draft draft = draft("GROUP", "370103");
    Fixtures.Draft submitted = draft("GROUP", "370103");
    act(submitted.id(), "submit", submitted.applicant(), null).then().statusCode(200);
    Fixtures.Draft returned = draft("GROUP", "370103");
    act(returned.id(), "submit", returned.applicant(), null);
    act(returned.id(), "return", TestTokens.districtReviewer("370103"), "补材料")
        .then()
        .statusCode(200);
    Fixtures.Draft rejected = draft("GROUP", "370103");
    act(rejected.id(), "submit", rejected.applicant(), null);
    act(rejected.id(), "reject", TestTokens.districtReviewer("370103"), "不符合")
        .then()
        .statusCode(200);
    Fixtures.Draft revoked = draft("GROUP", "370103");
    Fixtures.toFiled(revoked);
    act(revoked.id(), "revoke", TestTokens.cityAdmin(), "撤销").then().statusCode(200);
    for (Fixtures.Draft hidden : List.of(draft, submitted, returned, rejected, revoked)) {
      given()
          .get("/api/v1/public/registrations?school=" + hidden.lead())
          .then()
          .statusCode(200)
          .body("items", hasSize(0));
    }

    Fixtures.Draft filed = draft("GROUP", "370103");
    String filingNumber = Fixtures.toFiled(filed).jsonPath().getString("filingNumber");
    String ascii = Fixtures.toFiledAscii(filingNumber);
    for (String query :
        List.of(
            "filingNumber=" + filingNumber,
            "filingNumber=" + ascii,
            "school=" + filed.lead(),
            "school=" + filed.members().get(0))) {
      String body = publicBody(query);
      JsonPath json = new JsonPath(body);
      assertEquals(1, json.getList("items").size(), query + ": " + body);
      assertEquals(filingNumber, json.getString("items[0].filingNumber"));
      assertEquals(filed.lead(), json.getString("items[0].leadSchool.uscc"));
      assertTrue(!body.contains("contact") && !body.contains("0531-86012345"), body);
    }
    given()
        .get("/api/v1/public/registrations?filingNumber=2025-1")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("filingNumber"));
  }

  @Test
  void filingIsOnTheEventFeedAsACloudEvent() {
    Fixtures.Draft d = draft("COOPERATION", "370104");
    List<Map<String, Object>> earlier = Fixtures.allEvents();
    String before =
        earlier.isEmpty() ? "0" : earlier.get(earlier.size() - 1).get("sequence").toString();
    Fixtures.toFiled(d);
    JsonPath page =
        given()
            .auth()
            .oauth2(TestTokens.dataReporter())
            .get("/api/v1/events?after=" + before + "&limit=200")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    List<Map<String, Object>> items = page.getList("items");
    Map<String, Object> filed =
        items.stream()
            .filter(e -> e.get("subject").equals("registrations/" + d.id()))
            .findFirst()
            .orElseThrow();
    assertEquals("1.0", filed.get("specversion"));
    assertEquals("cn.jinan.edu.registry.registration.filed", filed.get("type"));
    assertEquals("/jinan-edu/registry-service", filed.get("source"));
    assertEquals("application/json", filed.get("datacontenttype"));
    @SuppressWarnings("unchecked")
    Map<String, Object> data = (Map<String, Object>) filed.get("data");
    assertEquals("FILED", data.get("state"));
    // Anonymous callers and schools cannot read the feed.
    given().get("/api/v1/events").then().statusCode(401);
    given().auth().oauth2(d.applicant()).get("/api/v1/events").then().statusCode(403);
  }

  /**
   * The feed is district-filtered like the other services': a district-reviewer reads the events of
   * the registrations that involve its district (lead or member), the ones it may also GET.
   */
  @Test
  void aDistrictReviewerReadsTheEventsOfRegistrationsInvolvingItsDistrict() {
    long before = EventFeeds.lastSequence();
    Fixtures.Draft own = draft("COOPERATION", "370104");
    Fixtures.toFiled(own);
    Fixtures.Draft cross = draft("GROUP", "370112", "370104");
    Fixtures.toFiled(cross, "370112", "370104");
    Fixtures.Draft other = draft("COOPERATION", "370112");
    Fixtures.toFiled(other);
    List<Map<String, Object>> seen =
        EventFeeds.read(TestTokens.districtReviewer("370104"), before, 2);
    List<Object> subjects = seen.stream().map(e -> e.get("subject")).toList();
    assertTrue(subjects.contains("registrations/" + own.id()), subjects.toString());
    assertTrue(subjects.contains("registrations/" + cross.id()), subjects.toString());
    assertFalse(subjects.contains("registrations/" + other.id()), subjects.toString());
    for (Map<String, Object> e : seen) {
      @SuppressWarnings("unchecked")
      Map<String, Object> data = (Map<String, Object>) e.get("data");
      assertTrue(((List<?>) data.get("involvedDistricts")).contains("370104"), e.toString());
    }
    // Everyone city-wide still reads all three.
    List<Object> all =
        EventFeeds.read(TestTokens.auditor(), before, 200).stream()
            .map(e -> e.get("subject"))
            .toList();
    assertTrue(all.contains("registrations/" + other.id()), all.toString());
  }

  @Test
  void lifecycleJobActivatesAndExpiresOnceByDate() {
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    Fixtures.Draft current =
        draft("COOPERATION", today.minusDays(10), today.plusYears(1), "370112");
    Fixtures.toFiled(current);
    Fixtures.Draft past = draft("COOPERATION", today.minusYears(2), today.minusDays(1), "370112");
    Fixtures.toFiled(past);
    registrations.advanceLifecycle(today);
    registrations.advanceLifecycle(today); // a second run changes nothing
    given()
        .auth()
        .oauth2(TestTokens.auditor())
        .get("/api/v1/registrations/" + current.id())
        .then()
        .body("state", equalTo("ACTIVE"));
    given()
        .auth()
        .oauth2(TestTokens.auditor())
        .get("/api/v1/registrations/" + past.id())
        .then()
        .body("state", equalTo("EXPIRED"));
    List<Map<String, Object>> events = Fixtures.allEvents();
    long expired =
        events.stream()
            .filter(e -> e.get("subject").equals("registrations/" + past.id()))
            .filter(e -> e.get("type").toString().endsWith(".expired"))
            .count();
    assertEquals(1, expired);
    List<String> actions =
        given()
            .auth()
            .oauth2(TestTokens.auditor())
            .get("/api/v1/registrations/" + current.id() + "/audit")
            .then()
            .extract()
            .jsonPath()
            .getList("items.action");
    assertEquals(1, actions.stream().filter("activate"::equals).count(), actions.toString());
  }

  @Test
  void typicalCasesAndStatistics() {
    Fixtures.Draft d = draft("GROUP", "370113");
    Fixtures.toFiled(d);
    given()
        .auth()
        .oauth2(TestTokens.districtReviewer("370113"))
        .contentType(ContentType.JSON)
        .body(Map.of("year", 2026, "stage", "PRIMARY"))
        .put("/api/v1/registrations/" + d.id() + "/typical-case")
        .then()
        .statusCode(403);
    given()
        .auth()
        .oauth2(TestTokens.cityAdmin())
        .contentType(ContentType.JSON)
        .body(Map.of("year", 2026, "stage", "PRIMARY"))
        .put("/api/v1/registrations/" + d.id() + "/typical-case")
        .then()
        .statusCode(200);
    String cases =
        given()
            .get("/api/v1/public/typical-cases?year=2026")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertTrue(cases.contains(d.lead()), cases);

    JsonPath stats =
        given().get("/api/v1/public/statistics").then().statusCode(200).extract().jsonPath();
    assertEquals("370100", stats.getString("city.districtCode"));
    assertEquals(12, stats.getList("districts").size(), "every district in scope is listed");
    Map<String, Object> district =
        stats.<Map<String, Object>>getList("districts").stream()
            .filter(m -> m.get("districtCode").equals("370113"))
            .findFirst()
            .orElseThrow();
    assertTrue(((Number) district.get("filed")).longValue() >= 1);
    assertTrue(((Number) district.get("schoolsInFiledGroups")).longValue() >= 2);
  }

  @Test
  void unitsArePublicAndExtendableByTheCityOnly() {
    given()
        .get("/api/v1/units?asOf=2025-06-13")
        .then()
        .statusCode(200)
        .body("code", not(hasSize(0)))
        .body("size()", equalTo(12));
    String code = "3701" + (70 + (int) (Math.random() * 29));
    given()
        .auth()
        .oauth2(TestTokens.districtReviewer("370102"))
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "code",
                code,
                "nameZh",
                "测试功能区",
                "kind",
                "FUNCTIONAL_ZONE",
                "validFrom",
                "2031-01-01"))
        .post("/api/v1/units")
        .then()
        .statusCode(403);
    given()
        .auth()
        .oauth2(TestTokens.cityAdmin())
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "code",
                code,
                "nameZh",
                "测试功能区",
                "kind",
                "FUNCTIONAL_ZONE",
                "validFrom",
                "2031-01-01"))
        .post("/api/v1/units")
        .then()
        .statusCode(201);
    given()
        .get("/api/v1/units?asOf=2030-12-31")
        .then()
        .body("code", not(org.hamcrest.Matchers.hasItem(code)));
    given()
        .get("/api/v1/units?asOf=2031-01-01")
        .then()
        .body("code", org.hamcrest.Matchers.hasItem(code));
    // Every period, as other services mirror them: the future zone is there with its start.
    given()
        .get("/api/v1/units?all=true")
        .then()
        .statusCode(200)
        .body("find { it.code == '" + code + "' }.validFrom", equalTo("2031-01-01"))
        .body("findAll { it.kind != 'FUNCTIONAL_ZONE' }.size()", equalTo(12));
    given()
        .get("/api/v1/units?all=true&asOf=2031-01-01")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    given()
        .auth()
        .oauth2(TestTokens.cityAdmin())
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "code", code, "nameZh", "重复", "kind", "FUNCTIONAL_ZONE", "validFrom", "2032-01-01"))
        .post("/api/v1/units")
        .then()
        .statusCode(409)
        .body("detail", containsString(code));
  }
}
