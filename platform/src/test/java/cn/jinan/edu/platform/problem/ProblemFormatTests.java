package cn.jinan.edu.platform.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import cn.jinan.edu.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/** Every class of error leaves as application/problem+json, never HTML or a stack trace. */
@QuarkusTest
class ProblemFormatTests {

  private static ValidatableResponse problem(ValidatableResponse r, int status, String type) {
    return r.statusCode(status)
        .contentType(startsWith("application/problem+json"))
        .body("status", equalTo(status))
        .body("type", equalTo("urn:jinan-edu:problem:" + type))
        .body("requestId", notNullValue())
        .body(not(containsString("at cn.jinan")))
        .body(not(containsString("Exception")));
  }

  private static final String VALID =
      "{\"name\":\"group\",\"mode\":\"GROUP\",\"count\":1,\"members\":[{\"uscc\":\"12370102MB0000001X\"}]}";

  @Test
  void validBodyPasses() {
    given().contentType("application/json").body(VALID).post("/probe").then().statusCode(200);
  }

  @Test
  void beanValidationNamesEveryField() {
    problem(
            given()
                .contentType("application/json")
                .body("{\"name\":\"\",\"count\":1,\"members\":[{\"uscc\":\"short\"}]}")
                .post("/probe")
                .then(),
            400,
            "validation")
        .body("errors", hasSize(2))
        .body("errors.field", contains("members[0].uscc", "name"));
  }

  @Test
  void queryParameterValidationNamesTheParameter() {
    problem(given().get("/probe/list?limit=500").then(), 400, "validation")
        .body("errors[0].field", equalTo("limit"));
  }

  @Test
  void malformedJsonIs400() {
    problem(
        given().contentType("application/json").body("{\"name\": ").post("/probe").then(),
        400,
        "malformed-request");
  }

  @Test
  void wrongTypeNamesTheField() {
    problem(
            given()
                .contentType("application/json")
                .body("{\"name\":\"x\",\"count\":\"many\",\"members\":[]}")
                .post("/probe")
                .then(),
            400,
            "validation")
        .body("errors[0].field", equalTo("count"));
  }

  @Test
  void badEnumListsAllowedValues() {
    problem(
            given()
                .contentType("application/json")
                .body("{\"name\":\"x\",\"mode\":\"OTHER\",\"count\":1,\"members\":[]}")
                .post("/probe")
                .then(),
            400,
            "validation")
        .body("errors[0].field", equalTo("mode"))
        .body("errors[0].message", containsString("GROUP"));
  }

  @Test
  void unknownFieldIsRefused() {
    problem(
            given()
                .contentType("application/json")
                .body("{\"name\":\"x\",\"nmae\":\"typo\",\"count\":1,\"members\":[]}")
                .post("/probe")
                .then(),
            400,
            "validation")
        .body("errors[0].field", equalTo("nmae"));
  }

  @Test
  void wrongContentTypeIs415() {
    problem(
        given().contentType("text/plain").body("hello").post("/probe").then(),
        415,
        "unsupported-media-type");
  }

  @Test
  void wrongMethodIs405WithAllow() {
    problem(given().delete("/probe").then(), 405, "method-not-allowed")
        .header("Allow", equalTo("POST, OPTIONS"));
    problem(given().post("/probe/district/370102").then(), 405, "method-not-allowed")
        .header("Allow", equalTo("GET, HEAD, OPTIONS"));
  }

  @Test
  void unknownRouteIs404() {
    problem(given().get("/probe/nothing/here/at/all").then(), 404, "not-found");
  }

  @Test
  void missingEntityIs404() {
    problem(given().get("/probe/fail/not-found").then(), 404, "not-found")
        .body("detail", equalTo("Registration 42 does not exist"));
  }

  @Test
  void conflictIs409() {
    problem(given().get("/probe/fail/conflict").then(), 409, "conflict");
  }

  @Test
  void illegalTransitionListsAllowedOnes() {
    problem(given().get("/probe/fail/transition").then(), 409, "illegal-transition")
        .body("currentState", equalTo("DRAFT"))
        .body("allowedTransitions", contains("submit", "withdraw"));
  }

  @Test
  void databaseUniqueViolationIs409() {
    problem(given().get("/probe/fail/unique").then(), 409, "conflict");
  }

  @Test
  void lostDatabaseIs503WithRetryAfter() {
    problem(given().get("/probe/fail/connection").then(), 503, "service-unavailable")
        .header("Retry-After", "5");
  }

  @Test
  void preconditionsAre412And428() {
    problem(given().get("/probe/fail/precondition-failed").then(), 412, "precondition-failed");
    problem(given().get("/probe/fail/precondition-required").then(), 428, "precondition-required");
  }

  @Test
  void unprocessableIs422() {
    problem(given().get("/probe/fail/unprocessable").then(), 422, "unprocessable");
  }

  @Test
  void unexpectedErrorIs500WithoutDetails() {
    problem(given().get("/probe/fail/boom").then(), 500, "internal")
        .body(not(containsString("secret internal detail")));
  }

  @Test
  void wrongRoleIs403() {
    problem(
        given().auth().oauth2(TestTokens.auditor()).get("/probe/city").then(), 403, "forbidden");
    given().auth().oauth2(TestTokens.cityAdmin()).get("/probe/city").then().statusCode(200);
  }

  @Test
  void noTokenIs401() {
    problem(given().get("/probe/city").then(), 401, "unauthenticated");
  }

  @Test
  void districtScopeComesFromTheToken() {
    given()
        .auth()
        .oauth2(TestTokens.districtReviewer("370102"))
        .get("/probe/district/370102")
        .then()
        .statusCode(200)
        .body(equalTo("district-reviewer"));
    problem(
            given()
                .auth()
                .oauth2(TestTokens.districtReviewer("370102"))
                .get("/probe/district/370103")
                .then(),
            403,
            "forbidden")
        .body("detail", containsString("370103"));
  }
}
