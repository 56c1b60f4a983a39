package cn.jinan.edu.milestone;

import static io.restassured.RestAssured.given;

import cn.jinan.edu.platform.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Test data created through the API, unique per call so that tests do not share rows. */
final class Fixtures {
  // Random start: codes stay unique even if the database was not cleaned between runs.
  private static final AtomicInteger SEQ =
      new AtomicInteger(100_000 + new java.util.Random().nextInt(800_000));

  private Fixtures() {}

  /** A plan of two actions (1: measures 1, 2; 2: measure 3), issued on the given day. */
  static String plan(String issueDate) {
    String code = "TS-2025-" + SEQ.incrementAndGet();
    given()
        .auth()
        .oauth2(TestTokens.cityAdmin())
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "code",
                code,
                "title",
                "测试规划 " + code,
                "documentNumber",
                "测〔2025〕" + SEQ.get() + "号",
                "issuer",
                "测试",
                "issueDate",
                issueDate,
                "periodStart",
                2025,
                "periodEnd",
                2027,
                "actions",
                List.of(Map.of("number", 1, "title", "第一行动"), Map.of("number", 2, "title", "第二行动")),
                "measures",
                List.of(
                    Map.of("number", 1, "title", "措施一", "actionNumber", 1),
                    Map.of("number", 2, "title", "措施二", "actionNumber", 1),
                    Map.of("number", 3, "title", "措施三", "actionNumber", 2))))
        .post("/api/v1/plans")
        .then()
        .log()
        .ifValidationFails()
        .statusCode(201);
    return code;
  }

  static long task(
      String plan,
      int action,
      int year,
      String deadline,
      List<Integer> measures,
      List<String> units) {
    Map<String, Object> body = new java.util.HashMap<>();
    body.put("plan", plan);
    body.put("actionNumber", action);
    body.put("year", year);
    body.put("textZh", "测试任务" + SEQ.incrementAndGet());
    if (deadline != null) {
      body.put("deadline", deadline);
    }
    body.put("measures", measures);
    if (units != null) {
      body.put("responsibleUnits", units);
    }
    return given()
        .auth()
        .oauth2(TestTokens.cityAdmin())
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/tasks")
        .then()
        .log()
        .ifValidationFails()
        .statusCode(201)
        .extract()
        .jsonPath()
        .getLong("id");
  }

  static Response report(
      String token, long task, String unit, String status, int percent, String asOf) {
    return given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "unitCode", unit,
                "status", status,
                "percent", percent,
                "narrative", "进展说明",
                "evidence", List.of("测教发〔2025〕1号"),
                "asOf", asOf))
        .post("/api/v1/tasks/" + task + "/reports");
  }

  /** Submits as city-admin and accepts; returns the report id. */
  static long accepted(long task, String unit, String status, int percent, String asOf) {
    Response r = report(TestTokens.cityAdmin(), task, unit, status, percent, asOf);
    r.then().statusCode(201);
    long id = r.jsonPath().getLong("id");
    given()
        .auth()
        .oauth2(TestTokens.cityAdmin())
        .contentType(ContentType.JSON)
        .header("If-Match", r.header("ETag"))
        .body("{}")
        .post("/api/v1/reports/" + id + "/transitions/accept")
        .then()
        .statusCode(200);
    return id;
  }

  /** The id of a task of the document plan by its number. */
  static long documentTask(int number) {
    return given()
        .get("/api/v1/tasks?plan=JN-2025-10")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getLong("find { it.number == " + number + " }.id");
  }

  /** Every event of the feed whose subject is {@code subject}, oldest first, reading all pages. */
  static List<Map<String, Object>> events(String subject) {
    List<Map<String, Object>> out = new java.util.ArrayList<>();
    String after = "0";
    while (after != null) {
      io.restassured.path.json.JsonPath page =
          given()
              .auth()
              .oauth2(TestTokens.dataReporter())
              .get("/api/v1/events?limit=200&after=" + after)
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      List<Map<String, Object>> items = page.getList("items");
      for (Map<String, Object> e : items) {
        if (subject.equals(e.get("subject"))) {
          out.add(e);
        }
      }
      after = page.getString("nextCursor");
    }
    return out;
  }
}
