package cn.jinan.edu.quality.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import cn.jinan.edu.platform.ids.Uscc;
import cn.jinan.edu.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DataValueTests {
  static final String PROBLEM = "application/problem+json";
  static final String SCHOOL = "12370102MB0000017P";

  @Test
  void reviewerWritesOwnDistrictAndChangesNeedIfMatch() {
    String token = TestTokens.districtReviewer("370102");
    String path = "/api/v1/values/PRESCHOOL_GROSS_ENROLMENT_RATE/370102/2041";
    given()
        .auth()
        .oauth2(token)
        .contentType("application/json")
        .body("{\"value\": 86.5, \"source\": \"教育事业统计\"}")
        .put(path)
        .then()
        .statusCode(201)
        .body("value", equalTo(86.5f))
        .body("approvalState", equalTo("OPEN"));
    given()
        .auth()
        .oauth2(token)
        .contentType("application/json")
        .body("{\"value\": 87}")
        .put(path)
        .then()
        .statusCode(428)
        .contentType(startsWith(PROBLEM));
    String etag =
        given().auth().oauth2(token).get(path).then().statusCode(200).extract().header("ETag");
    given()
        .auth()
        .oauth2(token)
        .header("If-Match", etag)
        .contentType("application/json")
        .body("{\"value\": 87, \"comment\": \"更正\"}")
        .put(path)
        .then()
        .statusCode(200)
        .body("value", equalTo(87));
    // The audit trail keeps old and new value with who did it.
    given()
        .auth()
        .oauth2(TestTokens.auditor())
        .get("/api/v1/approvals/370102/2041/audit")
        .then()
        .statusCode(200)
        .body("items.action", hasItem("update"))
        .body("items.find { it.action == 'update' }.changes.value.before", equalTo("86.5"))
        .body("items.find { it.action == 'update' }.changes.value.after", equalTo("87"))
        .body("items.find { it.action == 'update' }.actorRole", equalTo("district-reviewer"))
        .body(
            "items.find { it.action == 'update' }.requestId", org.hamcrest.Matchers.notNullValue());
  }

  @Test
  void reviewerCannotWriteAnotherDistrict() {
    given()
        .auth()
        .oauth2(TestTokens.districtReviewer("370102"))
        .contentType("application/json")
        .body("{\"value\": 1}")
        .put("/api/v1/values/PRESCHOOL_FULLTIME_RESEARCHERS/370103/2041")
        .then()
        .statusCode(403)
        .contentType(startsWith(PROBLEM))
        .body("type", equalTo("urn:jinan-edu:problem:forbidden"));
    // A school of another district, whatever the URL says.
    given()
        .auth()
        .oauth2(TestTokens.districtReviewer("370102"))
        .contentType("application/json")
        .body("{\"value\": 1, \"districtCode\": \"370103\"}")
        .put("/api/v1/values/TOWNSHIP_SCHOOL_CLASS_II/91110000600037341L/2041")
        .then()
        .statusCode(403);
    // Reading another district is refused too.
    given()
        .auth()
        .oauth2(TestTokens.districtReviewer("370102"))
        .get("/api/v1/values?district=370103")
        .then()
        .statusCode(403);
  }

  @Test
  void dataReporterWritesAnySchoolValue() {
    given()
        .auth()
        .oauth2(TestTokens.dataReporter())
        .contentType("application/json")
        .body("{\"value\": 4.8, \"districtCode\": \"370102\"}")
        .put("/api/v1/values/FLOOR_SPACE_PER_STUDENT/" + SCHOOL + "/2041")
        .then()
        .statusCode(201)
        .body("schoolUscc", equalTo(SCHOOL))
        .body("districtCode", equalTo("370102"))
        .body("level", equalTo("SCHOOL"));
  }

  @Test
  void aSchoolsValuesPageInIdOrderAndFilterByPeriod() {
    // The request data_value_school_idx (school_uscc, id) serves, on a school no other test writes.
    String school = Uscc.complete("12370102MB0090501");
    for (int period : new int[] {2045, 2046, 2047}) {
      given()
          .auth()
          .oauth2(TestTokens.dataReporter())
          .contentType("application/json")
          .body("{\"value\": 5.1, \"districtCode\": \"370102\"}")
          .put("/api/v1/values/FLOOR_SPACE_PER_STUDENT/" + school + "/" + period)
          .then()
          .statusCode(201);
    }
    String cursor =
        given()
            .auth()
            .oauth2(TestTokens.auditor())
            .get("/api/v1/values?school=" + school + "&limit=2")
            .then()
            .statusCode(200)
            .body("items.period", contains(2045, 2046))
            .extract()
            .path("nextCursor");
    given()
        .auth()
        .oauth2(TestTokens.auditor())
        .get("/api/v1/values?school=" + school + "&limit=2&after=" + cursor)
        .then()
        .statusCode(200)
        .body("items.period", contains(2047));
    given()
        .auth()
        .oauth2(TestTokens.auditor())
        .get("/api/v1/values?school=" + school + "&period=2046")
        .then()
        .statusCode(200)
        .body("items.period", contains(2046))
        .body("items.schoolUscc", contains(school));
  }

  @Test
  void invalidValuesNameTheField() {
    given()
        .auth()
        .oauth2(TestTokens.cityAdmin())
        .contentType("application/json")
        .body("{\"value\": 2}")
        .put("/api/v1/values/PRESCHOOL_INCLUSIVE_COUNTY_TITLE/370105/2041")
        .then()
        .statusCode(400)
        .contentType(startsWith(PROBLEM))
        .body("type", equalTo("urn:jinan-edu:problem:validation"))
        .body("errors[0].field", equalTo("value"));
    given()
        .auth()
        .oauth2(TestTokens.cityAdmin())
        .contentType("application/json")
        .body("{\"value\": 1, \"districtCode\": \"370105\"}")
        .put("/api/v1/values/TOWNSHIP_SCHOOL_CLASS_II/12370102MB0000018P/2041")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("schoolUscc"));
  }

  @Test
  void approvedValuesAreLockedUntilTheCityUnlocks() {
    String admin = TestTokens.cityAdmin();
    String reviewer = TestTokens.districtReviewer("370104");
    String path = "/api/v1/values/PRESCHOOL_PUBLIC_SHARE/370104/2042";
    given()
        .auth()
        .oauth2(reviewer)
        .contentType("application/json")
        .body("{\"value\": 51}")
        .put(path)
        .then()
        .statusCode(201);
    // The district submits; while under review nothing changes.
    given()
        .auth()
        .oauth2(reviewer)
        .header("If-Match", "\"0\"")
        .contentType("application/json")
        .body("{}")
        .post("/api/v1/approvals/370104/2042/transitions/submit")
        .then()
        .statusCode(200)
        .body("state", equalTo("SUBMITTED"));
    // Only the city approves.
    given()
        .auth()
        .oauth2(reviewer)
        .header("If-Match", "\"1\"")
        .contentType("application/json")
        .body("{}")
        .post("/api/v1/approvals/370104/2042/transitions/approve")
        .then()
        .statusCode(403);
    given()
        .auth()
        .oauth2(admin)
        .header("If-Match", "\"1\"")
        .contentType("application/json")
        .body("{}")
        .post("/api/v1/approvals/370104/2042/transitions/approve")
        .then()
        .statusCode(200)
        .body("state", equalTo("APPROVED"))
        .body("allowedActions", equalTo(java.util.List.of("unlock")));
    String etag = given().auth().oauth2(admin).get(path).then().extract().header("ETag");
    // Locked: 409 for the district and for the city alike.
    for (String token : new String[] {reviewer, admin}) {
      given()
          .auth()
          .oauth2(token)
          .header("If-Match", etag)
          .contentType("application/json")
          .body("{\"value\": 52}")
          .put(path)
          .then()
          .statusCode(409)
          .contentType(startsWith(PROBLEM))
          .body("type", equalTo("urn:jinan-edu:problem:conflict"))
          .body("approvalState", equalTo("APPROVED"));
    }
    // A stale If-Match on the approval is refused; unlocking needs a comment.
    given()
        .auth()
        .oauth2(admin)
        .header("If-Match", "\"1\"")
        .contentType("application/json")
        .body("{\"comment\": \"x\"}")
        .post("/api/v1/approvals/370104/2042/transitions/unlock")
        .then()
        .statusCode(412);
    given()
        .auth()
        .oauth2(admin)
        .header("If-Match", "\"2\"")
        .contentType("application/json")
        .body("{}")
        .post("/api/v1/approvals/370104/2042/transitions/unlock")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("comment"));
    given()
        .auth()
        .oauth2(admin)
        .header("If-Match", "\"2\"")
        .contentType("application/json")
        .body("{\"comment\": \"公办园占比需更正\"}")
        .post("/api/v1/approvals/370104/2042/transitions/unlock")
        .then()
        .statusCode(200)
        .body("state", equalTo("RETURNED"));
    given()
        .auth()
        .oauth2(reviewer)
        .header("If-Match", etag)
        .contentType("application/json")
        .body("{\"value\": 52}")
        .put(path)
        .then()
        .statusCode(200)
        .body("value", equalTo(52));
    // An action the state does not allow.
    given()
        .auth()
        .oauth2(admin)
        .header("If-Match", "\"3\"")
        .contentType("application/json")
        .body("{}")
        .post("/api/v1/approvals/370104/2042/transitions/approve")
        .then()
        .statusCode(409)
        .body("type", equalTo("urn:jinan-edu:problem:illegal-transition"))
        .body("allowedTransitions", equalTo(java.util.List.of("submit")));
    // The events feed carries the approval.
    given()
        .auth()
        .oauth2(TestTokens.auditor())
        .get("/api/v1/events?limit=200")
        .then()
        .statusCode(200)
        .body("items.type", hasItem("cn.jinan.edu.qualityindex.data.approved"));
  }
}
