package cn.jinan.edu.registry;

import static cn.jinan.edu.registry.Fixtures.act;
import static cn.jinan.edu.registry.Fixtures.draft;
import static cn.jinan.edu.registry.Fixtures.etag;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import cn.jinan.edu.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every transition and every forbidden one, with the audit entries they leave. */
@QuarkusTest
class RegistrationLifecycleTests {

  private static ValidatableResponse problem(ValidatableResponse r, int status, String type) {
    return r.statusCode(status)
        .contentType(startsWith("application/problem+json"))
        .body("type", equalTo("urn:jinan-edu:problem:" + type));
  }

  private static JsonPath audit(long id) {
    return given()
        .auth()
        .oauth2(TestTokens.auditor())
        .get("/api/v1/registrations/" + id + "/audit")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  @Test
  void draftSubmitApproveFileWithAuditTrail() {
    Fixtures.Draft d = draft("GROUP", "370102");
    given()
        .auth()
        .oauth2(d.applicant())
        .get("/api/v1/registrations/" + d.id())
        .then()
        .statusCode(200)
        .header("ETag", "\"0\"")
        .body("state", equalTo("DRAFT"))
        .body("allowedActions", contains("submit", "edit"))
        .body("crossDistrict", equalTo(false));

    act(d.id(), "submit", d.applicant(), null)
        .then()
        .statusCode(200)
        .body("state", equalTo("SUBMITTED"));
    given()
        .auth()
        .oauth2(TestTokens.districtReviewer("370102"))
        .get("/api/v1/registrations/" + d.id())
        .then()
        .body("allowedActions", contains("approve", "return", "reject"));
    act(d.id(), "approve", TestTokens.districtReviewer("370102"), "同意")
        .then()
        .statusCode(200)
        .body("state", equalTo("DISTRICT_APPROVED"))
        .body("approvals[0].districtCode", equalTo("370102"));
    act(d.id(), "file", TestTokens.cityAdmin(), null)
        .then()
        .statusCode(200)
        .body("state", equalTo("FILED"))
        .body("filingNumber", matchesPattern("济教集备〔\\d{4}〕\\d{4}号"))
        .body("filingNumberAscii", matchesPattern("JJJB-\\d{4}-\\d{4}"))
        .body("filedAt", notNullValue());

    JsonPath trail = audit(d.id());
    List<String> actions = trail.getList("items.action");
    org.junit.jupiter.api.Assertions.assertEquals(
        List.of("create", "submit", "approve", "file"), actions);
    org.junit.jupiter.api.Assertions.assertEquals(
        List.of("school-applicant", "school-applicant", "district-reviewer", "city-admin"),
        trail.getList("items.actorRole"));
    org.junit.jupiter.api.Assertions.assertEquals(
        "SUBMITTED", trail.getString("items[2].fromState"));
    org.junit.jupiter.api.Assertions.assertEquals(
        "DISTRICT_APPROVED", trail.getString("items[2].toState"));
    org.junit.jupiter.api.Assertions.assertEquals("同意", trail.getString("items[2].comment"));
    org.junit.jupiter.api.Assertions.assertEquals(
        "370102", trail.getString("items[2].actorDistrict"));
    org.junit.jupiter.api.Assertions.assertNotNull(trail.getString("items[3].requestId"));
    org.junit.jupiter.api.Assertions.assertNotNull(
        trail.getMap("items[3].changes").get("filingNumber"), "filing number change recorded");
  }

  @Test
  void wrongRoleWrongDistrictWrongSchoolAreRefused() {
    Fixtures.Draft d = draft("GROUP", "370102");
    // A reviewer cannot submit for a school; another school cannot submit either.
    problem(
        act(d.id(), "submit", TestTokens.districtReviewer("370102"), null).then(),
        403,
        "forbidden");
    problem(
        act(d.id(), "submit", TestTokens.schoolApplicant(Fixtures.school("370102")), null).then(),
        403,
        "forbidden");
    act(d.id(), "submit", d.applicant(), null).then().statusCode(200);
    // Another district's reviewer, a school and a data-reporter cannot approve.
    problem(
            act(d.id(), "approve", TestTokens.districtReviewer("370103"), null).then(),
            403,
            "forbidden")
        .body("detail", containsString("370102"));
    problem(act(d.id(), "approve", d.applicant(), null).then(), 403, "forbidden");
    problem(act(d.id(), "approve", TestTokens.dataReporter(), null).then(), 403, "forbidden");
    // Only the city files.
    problem(
        act(d.id(), "file", TestTokens.districtReviewer("370102"), null).then(), 403, "forbidden");
    // A school-applicant cannot even draft for another school.
    given()
        .auth()
        .oauth2(TestTokens.schoolApplicant(Fixtures.school("370102")))
        .contentType(ContentType.JSON)
        .body(
            Fixtures.registrationBody(
                "GROUP",
                d.lead(),
                d.members(),
                java.time.LocalDate.of(2025, 9, 1),
                java.time.LocalDate.of(2026, 9, 1)))
        .post("/api/v1/registrations")
        .then()
        .statusCode(403);
    // None of the refusals left an audit entry.
    org.junit.jupiter.api.Assertions.assertEquals(
        List.of("create", "submit"), audit(d.id()).getList("items.action"));
  }

  @Test
  void wrongStateIs409ListingAllowedActions() {
    Fixtures.Draft d = draft("COOPERATION", "370104");
    problem(act(d.id(), "file", TestTokens.cityAdmin(), null).then(), 409, "illegal-transition")
        .body("currentState", equalTo("DRAFT"))
        .body("allowedTransitions", hasSize(0));
    problem(act(d.id(), "withdraw", d.applicant(), null).then(), 409, "illegal-transition")
        .body("allowedTransitions", contains("submit", "edit"));
    problem(act(d.id(), "expire", TestTokens.cityAdmin(), null).then(), 400, "validation")
        .body("errors[0].field", equalTo("action"));
  }

  @Test
  void returnNeedsACommentThenTheSchoolEditsAndResubmits() {
    Fixtures.Draft d = draft("GROUP", "370105");
    act(d.id(), "submit", d.applicant(), null).then().statusCode(200);
    problem(
            act(d.id(), "return", TestTokens.districtReviewer("370105"), " ").then(),
            400,
            "validation")
        .body("errors[0].field", equalTo("comment"));
    act(d.id(), "return", TestTokens.districtReviewer("370105"), "补充成员校材料")
        .then()
        .statusCode(200)
        .body("state", equalTo("RETURNED"));
    Map<String, Object> body =
        Fixtures.registrationBody(
            "GROUP",
            d.lead(),
            d.members(),
            java.time.LocalDate.of(2025, 9, 1),
            java.time.LocalDate.of(2027, 8, 31));
    body.put("name", "改名后的教育集团");
    given()
        .auth()
        .oauth2(d.applicant())
        .contentType(ContentType.JSON)
        .header("If-Match", etag(d.id()))
        .body(body)
        .put("/api/v1/registrations/" + d.id())
        .then()
        .statusCode(200)
        .body("name", equalTo("改名后的教育集团"));
    act(d.id(), "submit", d.applicant(), null)
        .then()
        .statusCode(200)
        .body("state", equalTo("SUBMITTED"));
    JsonPath trail = audit(d.id());
    org.junit.jupiter.api.Assertions.assertEquals(
        List.of("create", "submit", "return", "update", "submit"), trail.getList("items.action"));
    org.junit.jupiter.api.Assertions.assertEquals("补充成员校材料", trail.getString("items[2].comment"));
    Map<String, Object> changes = trail.getMap("items[3].changes");
    org.junit.jupiter.api.Assertions.assertTrue(changes.containsKey("name"), changes.toString());
    org.junit.jupiter.api.Assertions.assertTrue(changes.containsKey("termEnd"), changes.toString());
  }

  @Test
  void rejectIsFinalAndWithdrawGoesBackToDraft() {
    Fixtures.Draft d = draft("GROUP", "370112");
    act(d.id(), "submit", d.applicant(), null).then().statusCode(200);
    act(d.id(), "withdraw", d.applicant(), null)
        .then()
        .statusCode(200)
        .body("state", equalTo("DRAFT"));
    act(d.id(), "submit", d.applicant(), null).then().statusCode(200);
    problem(
        act(d.id(), "reject", TestTokens.districtReviewer("370112"), null).then(),
        400,
        "validation");
    act(d.id(), "reject", TestTokens.districtReviewer("370112"), "不符合条件")
        .then()
        .statusCode(200)
        .body("state", equalTo("REJECTED"))
        .body("allowedActions", hasSize(0));
    problem(act(d.id(), "submit", d.applicant(), null).then(), 409, "illegal-transition");
  }

  @Test
  void crossDistrictNeedsEveryInvolvedDistrict() {
    Fixtures.Draft d = draft("GROUP", "370113", "370114");
    act(d.id(), "submit", d.applicant(), null)
        .then()
        .body("crossDistrict", equalTo(true))
        .body("involvedDistricts", contains("370113", "370114"));
    act(d.id(), "approve", TestTokens.districtReviewer("370114"), null)
        .then()
        .statusCode(200)
        .body("state", equalTo("SUBMITTED"));
    problem(
        act(d.id(), "approve", TestTokens.districtReviewer("370114"), null).then(),
        409,
        "conflict");
    problem(act(d.id(), "file", TestTokens.cityAdmin(), null).then(), 409, "illegal-transition");
    act(d.id(), "approve", TestTokens.districtReviewer("370113"), null)
        .then()
        .statusCode(200)
        .body("state", equalTo("DISTRICT_APPROVED"));
    act(d.id(), "file", TestTokens.cityAdmin(), null).then().statusCode(200);
  }

  @Test
  void revokeAndTerminateNeedReasonsAndEmitEvents() {
    Fixtures.Draft a = draft("COOPERATION", "370115");
    Fixtures.toFiled(a);
    problem(act(a.id(), "revoke", TestTokens.cityAdmin(), "").then(), 400, "validation");
    problem(act(a.id(), "revoke", a.applicant(), "no").then(), 403, "forbidden");
    act(a.id(), "revoke", TestTokens.cityAdmin(), "未按登记内容开展合作")
        .then()
        .statusCode(200)
        .body("state", equalTo("REVOKED"));

    Fixtures.Draft b = draft("COOPERATION", "370115");
    Fixtures.toFiled(b);
    act(b.id(), "terminate", b.applicant(), "双方协商提前终止")
        .then()
        .statusCode(200)
        .body("state", equalTo("TERMINATED"));

    List<Map<String, Object>> all = Fixtures.allEvents();
    org.junit.jupiter.api.Assertions.assertTrue(
        all.stream()
            .anyMatch(
                e ->
                    e.get("type").equals("cn.jinan.edu.registry.registration.revoked")
                        && e.get("subject").equals("registrations/" + a.id())));
    org.junit.jupiter.api.Assertions.assertTrue(
        all.stream()
            .anyMatch(
                e ->
                    e.get("type").equals("cn.jinan.edu.registry.registration.terminated")
                        && e.get("subject").equals("registrations/" + b.id())));
  }

  @Test
  void ifMatchIsRequiredAndChecked() {
    Fixtures.Draft d = draft("GROUP", "370116");
    problem(
        given()
            .auth()
            .oauth2(d.applicant())
            .contentType(ContentType.JSON)
            .body(Map.of())
            .post("/api/v1/registrations/" + d.id() + "/transitions/submit")
            .then(),
        428,
        "precondition-required");
    problem(
        given()
            .auth()
            .oauth2(d.applicant())
            .contentType(ContentType.JSON)
            .header("If-Match", "\"7\"")
            .body(Map.of())
            .post("/api/v1/registrations/" + d.id() + "/transitions/submit")
            .then(),
        412,
        "precondition-failed");
  }

  @Test
  void invalidDraftNamesEveryField() {
    String lead = Fixtures.school("370117");
    Map<String, Object> body =
        Fixtures.registrationBody(
            "GROUP",
            lead,
            List.of(lead, "12370117MB0000017Q"),
            java.time.LocalDate.of(2025, 9, 1),
            java.time.LocalDate.of(2035, 9, 1));
    body.put("contactPhone", "12345");
    problem(
            given()
                .auth()
                .oauth2(TestTokens.schoolApplicant(lead))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/registrations")
                .then(),
            400,
            "validation")
        .body("errors.field", hasItem("memberSchools[0]"))
        .body("errors.field", hasItem("memberSchools[1]"))
        .body("errors.field", hasItem("termEnd"))
        .body("errors.field", hasItem("contactPhone"));
  }

  @Test
  void amendmentIsReviewedWhileTheFiledVersionStaysValid() {
    Fixtures.Draft d = draft("GROUP", "370124");
    Fixtures.toFiled(d);
    String extra = Fixtures.school("370124");
    List<String> members = new java.util.ArrayList<>(d.members());
    members.add(extra);
    Map<String, Object> body =
        Fixtures.registrationBody(
            "GROUP",
            d.lead(),
            members,
            java.time.LocalDate.of(2025, 9, 1),
            java.time.LocalDate.of(2028, 8, 31));
    long amendmentId =
        given()
            .auth()
            .oauth2(d.applicant())
            .contentType(ContentType.JSON)
            .body(body)
            .post("/api/v1/registrations/" + d.id() + "/amendments")
            .then()
            .statusCode(201)
            .body("state", equalTo("DRAFT"))
            .extract()
            .jsonPath()
            .getLong("id");
    String base =
        "/api/v1/registrations/" + d.id() + "/amendments/" + amendmentId + "/transitions/";
    String[][] steps = {
      {"submit", d.applicant()},
      {"approve", TestTokens.districtReviewer("370124")},
    };
    int version = 0;
    for (String[] step : steps) {
      version =
          given()
              .auth()
              .oauth2(step[1])
              .contentType(ContentType.JSON)
              .header("If-Match", "\"" + version + "\"")
              .body(Map.of())
              .post(base + step[0])
              .then()
              .statusCode(200)
              .extract()
              .jsonPath()
              .getInt("version");
    }
    // Still the filed version, with the old members, while the amendment waits for the city.
    given()
        .get("/api/v1/public/registrations?school=" + extra)
        .then()
        .statusCode(200)
        .body("items", hasSize(0));
    given()
        .auth()
        .oauth2(TestTokens.cityAdmin())
        .contentType(ContentType.JSON)
        .header("If-Match", "\"" + version + "\"")
        .body(Map.of())
        .post(base + "file")
        .then()
        .statusCode(200)
        .body("state", equalTo("FILED"));
    given()
        .get("/api/v1/public/registrations?school=" + extra)
        .then()
        .statusCode(200)
        .body("items", hasSize(1))
        .body("items[0].memberSchools", hasSize(2));
    JsonPath trail = audit(d.id());
    org.junit.jupiter.api.Assertions.assertTrue(
        trail.getList("items.action").contains("amendment-filed"), trail.prettify());
  }

  @Test
  void aSchoolIsInOnlyOneGroupInForce() {
    Fixtures.Draft first = draft("GROUP", "370126");
    Fixtures.toFiled(first);
    String member = first.members().get(0);
    String lead = Fixtures.school("370126");
    long second =
        given()
            .auth()
            .oauth2(TestTokens.schoolApplicant(lead))
            .contentType(ContentType.JSON)
            .body(
                Fixtures.registrationBody(
                    "GROUP",
                    lead,
                    List.of(member),
                    java.time.LocalDate.of(2026, 1, 1),
                    java.time.LocalDate.of(2027, 1, 1)))
            .post("/api/v1/registrations")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("id");
    problem(act(second, "submit", TestTokens.schoolApplicant(lead), null).then(), 409, "conflict")
        .body("conflictingRegistrationId", equalTo((int) first.id()))
        .body("school", equalTo(member))
        .body("detail", containsString("#" + first.id()));
  }

  @Test
  void dataReporterReadsButWithoutContactData() {
    Fixtures.Draft d = draft("COOPERATION", "370102");
    given()
        .auth()
        .oauth2(TestTokens.dataReporter())
        .get("/api/v1/registrations/" + d.id())
        .then()
        .statusCode(200)
        .body("contactName", nullValue())
        .body("contactPhone", nullValue());
    given()
        .auth()
        .oauth2(TestTokens.districtReviewer("370103"))
        .get("/api/v1/registrations/" + d.id())
        .then()
        .statusCode(403);
  }
}
