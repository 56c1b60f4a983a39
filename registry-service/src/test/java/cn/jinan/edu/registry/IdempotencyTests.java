package cn.jinan.edu.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import cn.jinan.edu.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Idempotency-Key belongs to the caller (subject within client). All school users share one browser
 * client in production, so the tokens here share the client id and differ by subject.
 */
@QuarkusTest
class IdempotencyTests {
  private static final String SHARED_CLIENT = "school-portal";

  private static String applicant(String school) {
    return TestTokens.as("school-applicant").client(SHARED_CLIENT).school(school).sign();
  }

  private static Map<String, Object> body(String lead, String member) {
    return Fixtures.registrationBody(
        "GROUP", lead, List.of(member), LocalDate.of(2025, 9, 1), LocalDate.of(2027, 8, 31));
  }

  private static ValidatableResponse post(String token, String key, Map<String, Object> body) {
    return given()
        .auth()
        .oauth2(token)
        .header("Idempotency-Key", key)
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/registrations")
        .then();
  }

  @Test
  void theSameCallerRetryingGetsTheFirstResponseAndAnotherBodyIs422() {
    String lead = Fixtures.school("370105");
    Map<String, Object> body = body(lead, Fixtures.school("370105"));
    String key = "retry-" + lead;
    String token = applicant(lead); // one token: the same user retrying
    long first =
        post(token, key, body)
            .statusCode(201)
            .header("Idempotent-Replayed", nullValue())
            .extract()
            .jsonPath()
            .getLong("id");
    ValidatableResponse again =
        post(token, key, body).statusCode(201).header("Idempotent-Replayed", "true");
    assertEquals(first, again.extract().jsonPath().getLong("id"));
    again.header("Location", startsWith("http")).header("ETag", not(nullValue()));
    body.put("name", "另一个名字");
    post(token, key, body)
        .statusCode(422)
        .body("type", equalTo("urn:jinan-edu:problem:unprocessable"));
    given()
        .auth()
        .oauth2(TestTokens.cityAdmin())
        .get("/api/v1/registrations?school=" + lead)
        .then()
        .statusCode(200)
        .body("items", hasSize(1));
  }

  @Test
  void anotherSchoolReusingTheKeyAndBodyIsRefusedAsWithoutAKey() {
    String lead = Fixtures.school("370105");
    Map<String, Object> body = body(lead, Fixtures.school("370105"));
    String key = "shared-" + lead;
    post(applicant(lead), key, body).statusCode(201);

    String otherSchool = Fixtures.school("370105");
    String intruder = applicant(otherSchool);
    // Without a key the request is refused ...
    given()
        .auth()
        .oauth2(intruder)
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/registrations")
        .then()
        .statusCode(403);
    // ... and with the lead's key it is refused the same way: no replay, no contact data.
    post(intruder, key, body)
        .statusCode(403)
        .contentType(startsWith("application/problem+json"))
        .header("Idempotent-Replayed", nullValue())
        .body("type", equalTo("urn:jinan-edu:problem:forbidden"))
        .body("contactPhone", nullValue())
        .body("id", nullValue());
  }

  @Test
  void anotherUserWithTheSameKeyAndAnotherBodyCreatesItsOwnRegistration() {
    String leadA = Fixtures.school("370105");
    String key = "collide-" + leadA;
    long a =
        post(applicant(leadA), key, body(leadA, Fixtures.school("370105")))
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("id");

    // A different school's user happens to pick the same key for its own request: not a 422.
    String leadB = Fixtures.school("370105");
    long b =
        post(applicant(leadB), key, body(leadB, Fixtures.school("370105")))
            .statusCode(201)
            .header("Idempotent-Replayed", nullValue())
            .body("leadSchool.uscc", equalTo(leadB))
            .extract()
            .jsonPath()
            .getLong("id");
    assertNotEquals(a, b);
  }

  @Test
  void aColleagueAtTheSameSchoolDoesNotReplayAnotherUsersRequest() {
    String lead = Fixtures.school("370105");
    Map<String, Object> body = body(lead, Fixtures.school("370105"));
    String key = "colleague-" + lead;
    long first =
        post(applicant(lead), key, body).statusCode(201).extract().jsonPath().getLong("id");
    // Same school, same client, another subject: its key is its own, so this is a new draft.
    long second =
        post(applicant(lead), key, body)
            .statusCode(201)
            .header("Idempotent-Replayed", nullValue())
            .extract()
            .jsonPath()
            .getLong("id");
    assertNotEquals(first, second);
  }

  @Test
  void aReplayIsRefusedWhenTheTokenNoLongerCoversTheSchool() {
    String lead = Fixtures.school("370105");
    Map<String, Object> body = body(lead, Fixtures.school("370105"));
    String key = "moved-" + lead;
    String subject = "moved-user-" + lead;
    post(
            TestTokens.as("school-applicant")
                .client(SHARED_CLIENT)
                .subject(subject)
                .school(lead)
                .sign(),
            key,
            body)
        .statusCode(201);
    // The same user, now signed in for another school, cannot fetch the old response by key.
    post(
            TestTokens.as("school-applicant")
                .client(SHARED_CLIENT)
                .subject(subject)
                .school(Fixtures.school("370105"))
                .sign(),
            key,
            body)
        .statusCode(403)
        .header("Idempotent-Replayed", nullValue());
  }

  @Test
  void aMalformedKeyIsReportedUnderTheHeaderName() {
    String lead = Fixtures.school("370105");
    post(applicant(lead), "no spaces allowed", body(lead, Fixtures.school("370105")))
        .statusCode(400)
        .contentType(startsWith("application/problem+json"))
        .body("type", equalTo("urn:jinan-edu:problem:validation"))
        .body("errors.field", contains("Idempotency-Key"));
    given()
        .auth()
        .oauth2(TestTokens.cityAdmin())
        .get("/api/v1/registrations?school=" + lead)
        .then()
        .statusCode(200)
        .body("items", hasSize(0));
  }
}
