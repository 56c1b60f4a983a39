package cn.jinan.edu.milestone;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The deadline boundary through the API: the end of 31 December in Asia/Shanghai. */
@QuarkusTest
class DeadlineApiTests {

  @Test
  void a2025TaskIsOverdueFromShanghaiMidnight() {
    String plan = Fixtures.plan("2025-06-13");
    long task = Fixtures.task(plan, 1, 2025, null, List.of(1), List.of("370102", "370103"));
    String url = "/api/v1/tasks/" + task + "/status";

    given()
        .queryParam("asOf", "2025-12-31T23:59:59+08:00")
        .get(url)
        .then()
        .statusCode(200)
        .body("deadline", equalTo("2025-12-31"))
        .body("state", equalTo("DUE_SOON"))
        .body("units.state", everyItem(equalTo("DUE_SOON")));
    given()
        .queryParam("asOf", "2026-01-01T00:00:00+08:00")
        .get(url)
        .then()
        .statusCode(200)
        .body("state", equalTo("OVERDUE"))
        .body("units.state", everyItem(equalTo("OVERDUE")));
    // The same instants in UTC, and the date forms (a date is the end of that day).
    given()
        .queryParam("asOf", "2025-12-31T15:59:59Z")
        .get(url)
        .then()
        .body("state", equalTo("DUE_SOON"));
    given()
        .queryParam("asOf", "2025-12-31T16:00:00Z")
        .get(url)
        .then()
        .body("state", equalTo("OVERDUE"));
    given().queryParam("asOf", "2025-12-31").get(url).then().body("state", equalTo("DUE_SOON"));
    given().queryParam("asOf", "2026-01-01").get(url).then().body("state", equalTo("OVERDUE"));
    // Completed before the deadline is never overdue.
    Fixtures.accepted(task, "370102", "COMPLETED", 100, "2025-12-20");
    Fixtures.accepted(task, "370103", "COMPLETED", 100, "2025-12-20");
    given().queryParam("asOf", "2026-01-01").get(url).then().body("state", equalTo("COMPLETED"));
  }

  @Test
  void badAsOfIs400() {
    given()
        .get("/api/v1/overview?asOf=31.12.2025")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("asOf"));
  }
}
