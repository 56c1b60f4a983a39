package cn.jinan.edu.milestone;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Tasks bound to live figures, against a real HTTP stub of the other services' documented API
 * (StubSources): fresh figures while the source answers, the last known figure marked stale with
 * its time when it does not — never a 500.
 */
@QuarkusTest
class BindingTests {
  @Inject CircuitBreakerMaintenance breakers;

  @AfterEach
  void sourceBackUp() {
    StubSources.mode(StubSources.Mode.UP);
    // A source that failed here may have opened its circuit; the next test starts closed.
    breakers.resetAll();
  }

  private static JsonPath status(int taskNumber, String asOf) {
    return statusOf(Fixtures.documentTask(taskNumber), asOf);
  }

  private static JsonPath statusOf(long taskId, String asOf) {
    return given()
        .queryParam("asOf", asOf)
        .get("/api/v1/tasks/" + taskId + "/status")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  @Test
  void qualityTargetDrivesTheTaskAndFallsBackToTheLastKnownFigure() {
    StubSources.mode(StubSources.Mode.UP);
    JsonPath fresh = status(4, "2026-06-30");
    assertEquals("PRESCHOOL_INCLUSIVE_COUNTY", fresh.getString("binding.targetCode"));
    assertEquals(12, fresh.getList("units").size());
    assertEquals("BINDING", fresh.getString("units[0].source"));
    assertEquals("IN_PROGRESS", fresh.getString("units[0].status"));
    assertEquals(70, fresh.getInt("units[0].percent"));
    assertEquals(false, fresh.getBoolean("units[0].figure.stale"));
    assertEquals(0.7, fresh.getDouble("units[0].figure.progress"), 1e-9);
    assertEquals(
        "7 of 12 districts, 10 required, 3 more needed",
        fresh.getString("units[0].figure.explanation"));
    // The service's own token went with the call.
    assertEquals("Bearer test-peer-token", StubSources.lastAuthorization());
    OffsetDateTime readAt = OffsetDateTime.parse(fresh.getString("units[0].figure.fetchedAt"));

    for (StubSources.Mode down :
        new StubSources.Mode[] {
          StubSources.Mode.DROP, StubSources.Mode.ERROR, StubSources.Mode.HANG
        }) {
      StubSources.mode(down);
      long started = System.nanoTime();
      JsonPath stale = status(4, "2026-06-30");
      long millis = (System.nanoTime() - started) / 1_000_000;
      assertEquals(true, stale.getBoolean("units[0].figure.stale"), down.name());
      assertEquals(70, stale.getInt("units[0].percent"), down.name());
      assertEquals(
          readAt.toInstant(),
          OffsetDateTime.parse(stale.getString("units[0].figure.fetchedAt")).toInstant(),
          down.name());
      assertTrue(millis < 5000, down + " took " + millis + " ms");
    }

    // A date never read falls back to the latest figure known for any date, still marked.
    StubSources.mode(StubSources.Mode.DROP);
    JsonPath other = status(4, "2026-07-15");
    assertEquals(true, other.getBoolean("units[0].figure.stale"));
    assertEquals("2026-06-30", other.getString("units[0].figure.asOf"));
  }

  @Test
  void cityAdminBindsATask() {
    String plan = Fixtures.plan("2025-06-13");
    long task =
        Fixtures.task(plan, 1, 2027, null, java.util.List.of(1), java.util.List.of("370102"));
    String url = "/api/v1/tasks/" + task + "/binding";
    String body = "{\"source\":\"QUALITY_TARGET\",\"targetCode\":\"PRESCHOOL_INCLUSIVE_COUNTY\"}";
    given()
        .auth()
        .oauth2(cn.jinan.edu.platform.testing.TestTokens.districtReviewer("370102"))
        .contentType("application/json")
        .body(body)
        .put(url)
        .then()
        .statusCode(403);
    given()
        .auth()
        .oauth2(cn.jinan.edu.platform.testing.TestTokens.cityAdmin())
        .contentType("application/json")
        .body(body)
        .put(url)
        .then()
        .statusCode(200)
        .body("version", equalTo(0));
    // Replacing needs If-Match.
    given()
        .auth()
        .oauth2(cn.jinan.edu.platform.testing.TestTokens.cityAdmin())
        .contentType("application/json")
        .body(body)
        .put(url)
        .then()
        .statusCode(428);
    JsonPath s = statusOf(task, "2026-06-30");
    assertEquals("BINDING", s.getString("units[0].source"));
    assertEquals(70, s.getInt("units[0].percent"));
  }

  @Test
  void metTargetCompletesTheTask() {
    JsonPath s = status(19, "2026-03-01");
    assertEquals("TECH_HIGH_SCHOOL", s.getString("binding.targetCode"));
    assertEquals("COMPLETED", s.getString("state"));
    assertEquals(100, s.getInt("units[0].percent"));
  }

  @Test
  void registryFilingIsPerDistrict() {
    JsonPath s = status(6, "2025-11-30");
    assertEquals("REGISTRY_FILING", s.getString("binding.source"));
    assertEquals("COMPLETED", s.getString("units.find { it.unitCode == '370102' }.state"));
    assertEquals(50, s.getInt("units.find { it.unitCode == '370103' }.percent"));
    assertEquals("BINDING", s.getString("units.find { it.unitCode == '370103' }.source"));
    // The stub reports no figure for 370104: it keeps its own reports (none here).
    assertEquals("NONE", s.getString("units.find { it.unitCode == '370104' }.source"));
  }

  @Test
  void neverUnknownAndNever500WhenTheSourceWasNeverReached() {
    StubSources.mode(StubSources.Mode.ERROR);
    // 2025-12-01 of SPECIAL_SCHOOL_STANDARD has never been read in this run and the latest fallback
    // may not exist either: the task is then judged from reports.
    given()
        .queryParam("asOf", "2024-12-01")
        .get("/api/v1/tasks/" + Fixtures.documentTask(22) + "/status")
        .then()
        .statusCode(200);
    given()
        .queryParam("asOf", "2025-12-31")
        .get("/api/v1/overview")
        .then()
        .statusCode(200)
        .body("plan", equalTo("JN-2025-10"))
        .body(
            "city.total",
            equalTo(given().get("/api/v1/tasks").then().extract().jsonPath().getList("$").size()));
  }

  @Test
  void overviewMarksStaleFigures() {
    StubSources.mode(StubSources.Mode.UP);
    given()
        .queryParam("asOf", "2026-02-01")
        .get("/api/v1/overview")
        .then()
        .statusCode(200)
        .body("staleFigures", equalTo(false));
    StubSources.mode(StubSources.Mode.DROP);
    given()
        .queryParam("asOf", "2026-02-01")
        .get("/api/v1/overview")
        .then()
        .statusCode(200)
        .body("staleFigures", equalTo(true))
        .body("tasks.find { it.number == 4 }.units.figure.stale", everyItem(equalTo(true)));
  }
}
