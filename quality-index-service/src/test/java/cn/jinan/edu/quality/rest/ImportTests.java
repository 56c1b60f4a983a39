package cn.jinan.edu.quality.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import cn.jinan.edu.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ImportTests {
  static final String HEADER = "indicator,districtCode,schoolUscc,period,value,source,comment\n";

  @Test
  void dryRunReportsButWritesNothing() {
    String csv =
        HEADER
            + "PRESCHOOL_GROSS_ENROLMENT_RATE,370112,,2043,88.1,统计年报,\n"
            + "TOWNSHIP_SCHOOL_CLASS_II,370112,12370102MB0000017P,2043,是,,\n";
    given()
        .auth()
        .oauth2(TestTokens.cityAdmin())
        .contentType("text/csv; charset=UTF-8")
        .body(csv)
        .post("/api/v1/values/import?dryRun=true")
        .then()
        .statusCode(200)
        .body("dryRun", equalTo(true))
        .body("committed", equalTo(false))
        .body("created", equalTo(2))
        .body("conflicts", hasSize(0));
    given()
        .auth()
        .oauth2(TestTokens.cityAdmin())
        .get("/api/v1/values?district=370112&period=2043")
        .then()
        .statusCode(200)
        .body("items", hasSize(0));
  }

  @Test
  void errorsNameRowFieldAndCodeAndNothingIsWritten() {
    String csv =
        HEADER
            + "PRESCHOOL_GROSS_ENROLMENT_RATE,370113,,2043,88.1,,\n"
            + "PRESCHOOL_INCLUSIVE_COVERAGE,370113,,2043,abc,,\n"
            + "NO_SUCH_INDICATOR,370113,,2043,1,,\n"
            + "PRESCHOOL_PUBLIC_SHARE,999999,,2043,1,,\n";
    given()
        .auth()
        .oauth2(TestTokens.cityAdmin())
        .contentType("text/csv; charset=UTF-8")
        .body(csv)
        .post("/api/v1/values/import")
        .then()
        .statusCode(422)
        .contentType(startsWith("application/problem+json"))
        .body("summary.committed", equalTo(false))
        .body("summary.created", equalTo(1))
        .body("summary.rejected", equalTo(3))
        .body("summary.conflicts", hasSize(3))
        .body("summary.conflicts[0].row", equalTo(2))
        .body("summary.conflicts[0].field", equalTo("value"))
        .body("summary.conflicts[0].code", equalTo("INVALID"))
        .body("summary.conflicts[1].row", equalTo(3))
        .body("summary.conflicts[1].code", equalTo("UNKNOWN_INDICATOR"))
        .body("summary.conflicts[2].row", equalTo(4))
        .body("summary.conflicts[2].field", equalTo("districtCode"))
        .body("summary.conflicts[2].code", equalTo("UNKNOWN_UNIT"))
        .body("errors[0].field", equalTo("rows[2].value"));
    given()
        .auth()
        .oauth2(TestTokens.cityAdmin())
        .get("/api/v1/values?district=370113&period=2043")
        .then()
        .body("items", hasSize(0));
    // partial=true writes the valid row.
    given()
        .auth()
        .oauth2(TestTokens.cityAdmin())
        .contentType("text/csv; charset=UTF-8")
        .body(csv)
        .post("/api/v1/values/import?partial=true")
        .then()
        .statusCode(200)
        .body("committed", equalTo(true))
        .body("created", equalTo(1))
        .body("rejected", equalTo(3))
        .body("conflicts.code", contains("INVALID", "UNKNOWN_INDICATOR", "UNKNOWN_UNIT"));
  }

  @Test
  void reimportCountsUpdatedAndIgnoredAndReviewerScopeIsAConflict() {
    List<java.util.Map<String, Object>> rows =
        List.of(
            Fixtures.row("TECH_HIGH_SCHOOLS", "370114", 2044, 1),
            Fixtures.row("SMALL_CLASS_PILOT_SCHOOLS", "370114", 2044, 3));
    String reviewer = TestTokens.districtReviewer("370114");
    given()
        .auth()
        .oauth2(reviewer)
        .contentType("application/json")
        .body(rows)
        .post("/api/v1/values/import")
        .then()
        .statusCode(200)
        .body("created", equalTo(2));
    List<java.util.Map<String, Object>> again =
        List.of(
            Fixtures.row("TECH_HIGH_SCHOOLS", "370114", 2044, 1),
            Fixtures.row("SMALL_CLASS_PILOT_SCHOOLS", "370114", 2044, 4));
    given()
        .auth()
        .oauth2(reviewer)
        .contentType("application/json")
        .body(again)
        .post("/api/v1/values/import")
        .then()
        .statusCode(200)
        .body("created", equalTo(0))
        .body("updated", equalTo(1))
        .body("ignored", equalTo(1));
    given()
        .auth()
        .oauth2(reviewer)
        .contentType("application/json")
        .body(List.of(Fixtures.row("TECH_HIGH_SCHOOLS", "370115", 2044, 1)))
        .post("/api/v1/values/import?dryRun=true")
        .then()
        .statusCode(200)
        .body("conflicts[0].code", equalTo("FORBIDDEN"))
        .body("conflicts[0].row", equalTo(1));
    // A locked period is a LOCKED conflict.
    Fixtures.approve("370114", 2044);
    given()
        .auth()
        .oauth2(TestTokens.cityAdmin())
        .contentType("application/json")
        .body(List.of(Fixtures.row("TECH_HIGH_SCHOOLS", "370114", 2044, 2)))
        .post("/api/v1/values/import?dryRun=true")
        .then()
        .statusCode(200)
        .body("conflicts[0].code", equalTo("LOCKED"))
        .body("conflicts[0].field", equalTo("period"));
    // CSV export of the query.
    given()
        .auth()
        .oauth2(TestTokens.auditor())
        .accept("text/csv")
        .get("/api/v1/values?district=370114&period=2044")
        .then()
        .statusCode(200)
        .contentType(startsWith("text/csv"))
        .body(startsWith("indicator,districtCode,schoolUscc,period,value"))
        .body(containsString("SMALL_CLASS_PILOT_SCHOOLS,370114,,2044,4,"))
        .body(containsString("APPROVED"));
  }
}
