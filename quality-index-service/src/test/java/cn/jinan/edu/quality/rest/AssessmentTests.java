package cn.jinan.edu.quality.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import cn.jinan.edu.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AssessmentTests {
  static final String HEADER =
      "studentKey,schoolUscc,districtCode,grade,subject,year,priorScore,currentScore,specialNeeds,classId\n";
  static final String A = "12370102MB0000017P";
  static final String B = "91110000600037341L";
  static final String C = "12370105MB0000031J";

  static String key(String school, int i) {
    return "h" + Integer.toHexString((school + i).hashCode()) + "k" + i;
  }

  static io.restassured.response.Response post(String csv, String query) {
    return given()
        .auth()
        .oauth2(TestTokens.dataReporter())
        .contentType("text/csv; charset=UTF-8")
        .body(csv)
        .post("/api/v1/assessments/import" + query);
  }

  @Test
  void refusesIdNumbersAndNamesAndStoresNothing() {
    String csv =
        HEADER
            + "h0123456789abcdef,"
            + A
            + ",370102,9,物理,2062,60,70,false,1班\n"
            + "37010219900101123X,"
            + A
            + ",370102,9,物理,2062,60,70,false,1班\n"
            + "张三同学哈希,"
            + A
            + ",370102,9,物理,2062,60,70,false,1班\n"
            + "h0123456789abcdeg,"
            + A
            + ",370102,9,物理,2062,60,abc,maybe,1班\n";
    post(csv, "")
        .then()
        .statusCode(422)
        .contentType(startsWith("application/problem+json"))
        .body("summary.committed", equalTo(false))
        .body("summary.created", equalTo(1))
        .body("summary.rejected", equalTo(3))
        .body("summary.conflicts[0].row", equalTo(2))
        .body("summary.conflicts[0].field", equalTo("studentKey"))
        .body("summary.conflicts[0].code", equalTo("INVALID"))
        .body("summary.conflicts[0].reason", containsString("national ID"))
        .body("summary.conflicts[1].row", equalTo(3))
        .body("summary.conflicts[1].field", equalTo("studentKey"))
        .body("summary.conflicts[2].row", equalTo(4))
        .body("summary.conflicts[2].field", equalTo("currentScore"))
        .body("summary.conflicts[3].field", equalTo("specialNeeds"))
        .body("errors[0].field", equalTo("rows[2].studentKey"));
    given()
        .auth()
        .oauth2(TestTokens.auditor())
        .get("/api/v1/inclusive-averages?year=2062&subject=物理")
        .then()
        .statusCode(200)
        .body("classes", hasSize(0));
  }

  @Test
  void dryRunStoresNothing() {
    String csv = HEADER + "h0123456789abcdef," + A + ",370102,9,化学,2063,60,70,false,1班\n";
    post(csv, "?dryRun=true")
        .then()
        .statusCode(200)
        .body("summary.dryRun", equalTo(true))
        .body("summary.committed", equalTo(false))
        .body("summary.created", equalTo(1))
        .body("summary.rejected", equalTo(0))
        .body("batchId", nullValue());
    given()
        .auth()
        .oauth2(TestTokens.auditor())
        .get("/api/v1/inclusive-averages?year=2063&subject=化学")
        .then()
        .body("classes", hasSize(0));
  }

  @Test
  void valueAddedPerSchoolWithSuppressionAndInclusiveAverages() {
    StringBuilder csv = new StringBuilder(HEADER);
    for (int i = 0; i < 12; i++) {
      int prior = 50 + 2 * i;
      csv.append(key(A, i))
          .append(',')
          .append(A)
          .append(",370102,9,数学,2061,")
          .append(prior)
          .append(',')
          .append(prior + 5)
          .append(",false,1班\n");
      csv.append(key(B, i))
          .append(',')
          .append(B)
          .append(",370103,9,数学,2061,")
          .append(prior)
          .append(',')
          .append(prior - 5)
          .append(",false,2班\n");
    }
    for (int prior = 60; prior <= 62; prior++) {
      csv.append(key(C, prior))
          .append(',')
          .append(C)
          .append(",370105,9,数学,2061,")
          .append(prior)
          .append(',')
          .append(prior)
          .append(",false,1班\n");
    }
    // 语文 without prior scores: 10 students at 80 and 2 special-needs students at 40 in one class.
    for (int i = 0; i < 12; i++) {
      csv.append("yw")
          .append(key(A, i))
          .append(',')
          .append(A)
          .append(",370102,9,语文,2061,,")
          .append(i < 10 ? 80 : 40)
          .append(',')
          .append(i < 10 ? "false" : "是")
          .append(",1班\n");
    }
    post(csv.toString(), "?replaceYears=true")
        .then()
        .statusCode(200)
        .body("summary.committed", equalTo(true))
        .body("summary.created", equalTo(39))
        .body("summary.conflicts", hasSize(0))
        .body("batchId", notNullValue())
        .body("years", contains(2061))
        .body("recomputed[0].year", equalTo(2061))
        .body("recomputed[0].records", equalTo(27))
        .body("recomputed[0].schoolResults", equalTo(3))
        .body("recomputed[0].groupsSource", equalTo("unavailable"));
    given()
        .auth()
        .oauth2(TestTokens.auditor())
        .get("/api/v1/value-added/schools?year=2061&subject=数学")
        .then()
        .statusCode(200)
        .body("$", hasSize(3))
        .body("find { it.schoolUscc == '" + A + "' }.valueAdded", equalTo(5.0f))
        .body("find { it.schoolUscc == '" + B + "' }.valueAdded", equalTo(-5.0f))
        .body("find { it.schoolUscc == '" + C + "' }.status", equalTo("SUPPRESSED"))
        .body("find { it.schoolUscc == '" + C + "' }.valueAdded", nullValue());
    // A district-reviewer sees only its own district's schools.
    given()
        .auth()
        .oauth2(TestTokens.districtReviewer("370103"))
        .get("/api/v1/value-added/schools?year=2061")
        .then()
        .statusCode(200)
        .body("$", hasSize(1))
        .body("[0].schoolUscc", equalTo(B));
    given()
        .auth()
        .oauth2(TestTokens.auditor())
        .get("/api/v1/inclusive-averages?year=2061&subject=语文&grade=9")
        .then()
        .statusCode(200)
        .body("classes", hasSize(1))
        .body("classes[0].students", equalTo(12))
        .body("classes[0].specialNeedsStudents", equalTo(2))
        .body("classes[0].planAverage", equalTo(88.0f))
        .body("classes[0].conventionalAverage", equalTo(73.3333f))
        .body("city.planAverage", equalTo(88.0f));
    // Small classes are not published: school C's class has 3 students.
    given()
        .auth()
        .oauth2(TestTokens.auditor())
        .get("/api/v1/inclusive-averages?year=2061&subject=数学")
        .then()
        .statusCode(200)
        .body("classes.find { it.schoolUscc == '" + C + "' }.suppressed", equalTo(true))
        .body("classes.find { it.schoolUscc == '" + C + "' }.planAverage", nullValue());
    // Recompute on demand gives the same; school-applicants may not.
    given()
        .auth()
        .oauth2(TestTokens.cityAdmin())
        .post("/api/v1/value-added/recompute?year=2061")
        .then()
        .statusCode(200)
        .body("schoolResults", equalTo(3));
    given()
        .auth()
        .oauth2(TestTokens.schoolApplicant(A))
        .get("/api/v1/value-added/schools?year=2061")
        .then()
        .statusCode(403);
  }
}
