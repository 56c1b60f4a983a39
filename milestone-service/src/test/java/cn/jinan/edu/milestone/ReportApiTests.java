package cn.jinan.edu.milestone;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import cn.jinan.edu.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReportApiTests {
  static final String USCC = "12370102MB0000017P";

  static ValidatableResponse problem(ValidatableResponse r, int status, String kind) {
    return r.statusCode(status)
        .contentType(startsWith("application/problem+json"))
        .body("type", equalTo("urn:jinan-edu:problem:" + kind));
  }

  private static long task() {
    String plan = Fixtures.plan("2025-06-13");
    return Fixtures.task(plan, 1, 2025, null, List.of(1), List.of("370102", "370103", "JJ-JCJY"));
  }

  private static ValidatableResponse act(
      String token, long id, String etag, String action, String comment) {
    return given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .header("If-Match", etag)
        .body(comment == null ? Map.of() : Map.of("comment", comment))
        .post("/api/v1/reports/" + id + "/transitions/" + action)
        .then();
  }

  @Test
  void districtReviewerCannotReportForAnotherDistrictOrTheCity() {
    long task = task();
    String reviewer = TestTokens.districtReviewer("370102");
    problem(
        Fixtures.report(reviewer, task, "370103", "IN_PROGRESS", 50, "2025-09-30").then(),
        403,
        "forbidden");
    problem(
        Fixtures.report(reviewer, task, "JJ-JCJY", "IN_PROGRESS", 50, "2025-09-30").then(),
        403,
        "forbidden");
    Fixtures.report(reviewer, task, "370102", "IN_PROGRESS", 50, "2025-09-30")
        .then()
        .statusCode(201);
  }

  @Test
  void schoolApplicantCannotReport() {
    long task = task();
    problem(
        Fixtures.report(
                TestTokens.schoolApplicant(USCC), task, "370102", "IN_PROGRESS", 50, "2025-09-30")
            .then(),
        403,
        "forbidden");
    // Not even with a district_code claim.
    problem(
        Fixtures.report(
                TestTokens.as("school-applicant").school(USCC).district("370102").sign(),
                task,
                "370102",
                "IN_PROGRESS",
                50,
                "2025-09-30")
            .then(),
        403,
        "forbidden");
  }

  @Test
  void districtReviewerCannotAcceptOrReturnAnything() {
    long task = task();
    Response r =
        Fixtures.report(
            TestTokens.districtReviewer("370102"), task, "370102", "IN_PROGRESS", 40, "2025-09-30");
    long id = r.jsonPath().getLong("id");
    String etag = r.header("ETag");
    problem(act(TestTokens.districtReviewer("370102"), id, etag, "accept", null), 403, "forbidden");
    problem(act(TestTokens.districtReviewer("370102"), id, etag, "return", "不行"), 403, "forbidden");
    problem(act(TestTokens.districtReviewer("370103"), id, etag, "accept", null), 403, "forbidden");
  }

  @Test
  void submitReturnResubmitAcceptReopenWithAuditAndEvents() {
    long task = task();
    String reviewer = TestTokens.districtReviewer("370102");
    String admin = TestTokens.cityAdmin();
    Response created = Fixtures.report(reviewer, task, "370102", "IN_PROGRESS", 40, "2025-09-30");
    created
        .then()
        .statusCode(201)
        .body("state", equalTo("SUBMITTED"))
        .body("evidence", contains("测教发〔2025〕1号"));
    long id = created.jsonPath().getLong("id");

    // A second open report for the same task and unit is refused.
    problem(
        Fixtures.report(reviewer, task, "370102", "IN_PROGRESS", 45, "2025-10-01").then(),
        409,
        "conflict");

    // Return needs a comment.
    problem(act(admin, id, created.header("ETag"), "return", null), 400, "validation")
        .body("errors.field", hasItem("comment"));
    String etag =
        act(admin, id, created.header("ETag"), "return", "请补充佐证材料")
            .statusCode(200)
            .body("state", equalTo("RETURNED"))
            .body("reviewComment", equalTo("请补充佐证材料"))
            .extract()
            .header("ETag");

    // The district corrects and resubmits.
    etag =
        given()
            .auth()
            .oauth2(reviewer)
            .contentType(ContentType.JSON)
            .header("If-Match", etag)
            .body(
                Map.of(
                    "unitCode", "370102",
                    "status", "IN_PROGRESS",
                    "percent", 55,
                    "narrative", "补充材料",
                    "evidence", List.of("https://example.invalid/doc/1"),
                    "asOf", "2025-10-15"))
            .put("/api/v1/reports/" + id)
            .then()
            .statusCode(200)
            .body("state", equalTo("SUBMITTED"))
            .body("percent", equalTo(55))
            .extract()
            .header("ETag");

    etag =
        act(admin, id, etag, "accept", null)
            .statusCode(200)
            .body("state", equalTo("ACCEPTED"))
            .extract()
            .header("ETag");

    // Accepted is locked for the district.
    problem(
        given()
            .auth()
            .oauth2(reviewer)
            .contentType(ContentType.JSON)
            .header("If-Match", etag)
            .body(
                Map.of(
                    "unitCode",
                    "370102",
                    "status",
                    "COMPLETED",
                    "percent",
                    100,
                    "asOf",
                    "2025-10-20"))
            .put("/api/v1/reports/" + id)
            .then(),
        409,
        "illegal-transition");
    problem(act(admin, id, etag, "return", "再看看"), 409, "illegal-transition");
    // Only the city reopens.
    problem(act(reviewer, id, etag, "reopen", "要改"), 403, "forbidden");
    act(admin, id, etag, "reopen", "数据有误，重新打开").statusCode(200).body("state", equalTo("RETURNED"));

    given()
        .auth()
        .oauth2(TestTokens.auditor())
        .get("/api/v1/reports/" + id + "/audit")
        .then()
        .statusCode(200)
        .body("items.action", contains("submit", "return", "resubmit", "accept", "reopen"))
        .body(
            "items.toState",
            contains("SUBMITTED", "RETURNED", "SUBMITTED", "ACCEPTED", "RETURNED"));

    List<Map<String, Object>> events = Fixtures.events("reports/" + id);
    org.junit.jupiter.api.Assertions.assertEquals(
        List.of(
            "cn.jinan.edu.milestone.report.returned",
            "cn.jinan.edu.milestone.report.accepted",
            "cn.jinan.edu.milestone.report.reopened"),
        events.stream().map(e -> e.get("type")).toList());
    org.junit.jupiter.api.Assertions.assertEquals("1.0", events.get(0).get("specversion"));
  }

  @Test
  void readScope() {
    long task = task();
    long id =
        Fixtures.report(
                TestTokens.districtReviewer("370102"),
                task,
                "370102",
                "IN_PROGRESS",
                40,
                "2025-09-30")
            .jsonPath()
            .getLong("id");
    problem(
        given()
            .auth()
            .oauth2(TestTokens.districtReviewer("370103"))
            .get("/api/v1/reports/" + id)
            .then(),
        403,
        "forbidden");
    problem(
        given()
            .auth()
            .oauth2(TestTokens.districtReviewer("370103"))
            .get("/api/v1/reports?unit=370102")
            .then(),
        403,
        "forbidden");
    given()
        .auth()
        .oauth2(TestTokens.districtReviewer("370102"))
        .get("/api/v1/reports?task=" + task)
        .then()
        .statusCode(200)
        .body("items.unitCode", everyItem(equalTo("370102")));
    problem(
        given().auth().oauth2(TestTokens.schoolApplicant(USCC)).get("/api/v1/reports").then(),
        403,
        "forbidden");
  }

  @Test
  void reportRulesAreChecked() {
    long task = task();
    String admin = TestTokens.cityAdmin();
    problem(
            Fixtures.report(admin, task, "370102", "COMPLETED", 90, "2025-09-30").then(),
            400,
            "validation")
        .body("errors.field", hasItem("percent"));
    problem(
            Fixtures.report(admin, task, "370102", "IN_PROGRESS", 40, "2099-01-01").then(),
            400,
            "validation")
        .body("errors.field", hasItem("asOf"));
    problem(
        Fixtures.report(admin, task, "370104", "IN_PROGRESS", 40, "2025-09-30").then(),
        422,
        "unprocessable");
  }
}
