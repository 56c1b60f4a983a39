package cn.jinan.edu.quality.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import cn.jinan.edu.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** allowedActions tell each caller what it may do next, by role and district, never more. */
@QuarkusTest
class ApprovalActionsTests {
  static final int PERIOD = 2082;
  static final String PATH = "/api/v1/approvals/370102/" + PERIOD;

  private static ValidatableResponse get(String token) {
    return given().auth().oauth2(token).get(PATH).then().statusCode(200);
  }

  private static ValidatableResponse act(String token, String etag, String action) {
    return given()
        .auth()
        .oauth2(token)
        .header("If-Match", etag)
        .contentType("application/json")
        .body("{\"comment\": \"请核对\"}")
        .post(PATH + "/transitions/" + action)
        .then();
  }

  @Test
  void eachCallerIsOfferedOnlyWhatItMayDo() {
    String reviewer = TestTokens.districtReviewer("370102");
    String admin = TestTokens.cityAdmin();

    // OPEN: the district's reviewer and the city may submit; readers may do nothing.
    get(reviewer).body("state", equalTo("OPEN")).body("allowedActions", equalTo(List.of("submit")));
    get(admin).body("allowedActions", equalTo(List.of("submit")));
    get(TestTokens.auditor()).body("allowedActions", equalTo(List.of()));
    get(TestTokens.dataReporter()).body("allowedActions", equalTo(List.of()));
    given().auth().oauth2(TestTokens.districtReviewer("370103")).get(PATH).then().statusCode(403);

    // SUBMITTED: the reviewer may only withdraw; approve and return are the city's.
    act(reviewer, "\"0\"", "submit")
        .statusCode(200)
        .body("state", equalTo("SUBMITTED"))
        .body("allowedActions", equalTo(List.of("withdraw")));
    get(reviewer).body("allowedActions", equalTo(List.of("withdraw")));
    get(admin).body("allowedActions", equalTo(List.of("approve", "return", "withdraw")));
    given()
        .auth()
        .oauth2(reviewer)
        .get("/api/v1/approvals?period=" + PERIOD)
        .then()
        .statusCode(200)
        .body("districtCode", equalTo(List.of("370102")))
        .body("[0].allowedActions", equalTo(List.of("withdraw")));
    given()
        .auth()
        .oauth2(admin)
        .get("/api/v1/approvals?period=" + PERIOD)
        .then()
        .statusCode(200)
        .body(
            "find { it.districtCode == '370102' }.allowedActions",
            equalTo(List.of("approve", "return", "withdraw")))
        .body("find { it.districtCode == '370103' }.allowedActions", equalTo(List.of("submit")));
    act(reviewer, "\"1\"", "approve").statusCode(403);
    act(reviewer, "\"1\"", "return").statusCode(403);

    // APPROVED: only the city may unlock; the reviewer is offered nothing, and a refused action
    // lists what this caller could do instead.
    act(admin, "\"1\"", "approve")
        .statusCode(200)
        .body("allowedActions", equalTo(List.of("unlock")));
    get(reviewer).body("state", equalTo("APPROVED")).body("allowedActions", equalTo(List.of()));
    act(reviewer, "\"2\"", "submit")
        .statusCode(409)
        .body("type", equalTo("urn:jinan-edu:problem:illegal-transition"))
        .body("allowedTransitions", equalTo(List.of()));
    act(admin, "\"2\"", "submit")
        .statusCode(409)
        .body("allowedTransitions", equalTo(List.of("unlock")));
  }
}
