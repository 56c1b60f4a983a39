package cn.jinan.edu.milestone;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import cn.jinan.edu.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ResponsibilityApiTests {

  @Test
  void defaultsFollowTheDocument() {
    given()
        .get("/api/v1/tasks/" + Fixtures.documentTask(21) + "/assignments")
        .then()
        .statusCode(200)
        .body("current.unitCode", contains("370100"));
    given()
        .get("/api/v1/tasks/" + Fixtures.documentTask(30) + "/assignments")
        .then()
        .body("current", hasSize(13));
    given()
        .get("/api/v1/tasks/" + Fixtures.documentTask(5) + "/assignments")
        .then()
        .body("current", hasSize(12))
        .body("current[0].unitKind", equalTo("DISTRICT"));
    // The 12 区县 as registry-service types them: 10 districts (区) and 2 counties (县).
    given().get("/api/v1/units?kind=DISTRICT").then().statusCode(200).body("$", hasSize(10));
    given()
        .get("/api/v1/units?kind=COUNTY")
        .then()
        .statusCode(200)
        .body("code", contains("370124", "370126"));
  }

  @Test
  void cityAdminReassignsWithIfMatchAndHistoryIsKept() {
    String plan = Fixtures.plan("2025-06-13");
    long task = Fixtures.task(plan, 1, 2026, null, List.of(1), List.of("370102", "370103"));
    String url = "/api/v1/tasks/" + task + "/assignments";
    String etag = given().get(url).then().statusCode(200).extract().header("ETag");

    Map<String, Object> body = Map.of("unitCodes", List.of("370103", "JJ-XQJY"), "comment", "调整");
    given()
        .auth()
        .oauth2(TestTokens.cityAdmin())
        .contentType(ContentType.JSON)
        .body(body)
        .put(url)
        .then()
        .statusCode(428);
    given()
        .auth()
        .oauth2(TestTokens.districtReviewer("370102"))
        .contentType(ContentType.JSON)
        .header("If-Match", etag)
        .body(body)
        .put(url)
        .then()
        .statusCode(403);
    String next =
        given()
            .auth()
            .oauth2(TestTokens.cityAdmin())
            .contentType(ContentType.JSON)
            .header("If-Match", etag)
            .body(body)
            .put(url)
            .then()
            .statusCode(200)
            .body("current.unitCode", contains("370103", "JJ-XQJY"))
            .extract()
            .header("ETag");
    given()
        .auth()
        .oauth2(TestTokens.cityAdmin())
        .contentType(ContentType.JSON)
        .header("If-Match", etag)
        .body(Map.of("unitCodes", List.of("370104")))
        .put(url)
        .then()
        .statusCode(412);
    given()
        .get(url + "?history=true")
        .then()
        .header("ETag", equalTo(next))
        .body("history.unitCode", contains("370102"))
        .body("history[0].endedAt", notNullValue());
    given()
        .auth()
        .oauth2(TestTokens.auditor())
        .get("/api/v1/audit?entityType=assignment")
        .then()
        .statusCode(200);
  }
}
