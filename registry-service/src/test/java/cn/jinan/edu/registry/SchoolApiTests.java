package cn.jinan.edu.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.blankOrNullString;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import cn.jinan.edu.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SchoolApiTests {
  private static final String HEADER =
      "uscc,nameZh,districtCode,stages,ownership,locationType,townshipSeat,status\n";

  @Test
  void createReadUpdateWithETagsAndAudit() {
    String uscc = Fixtures.uscc("370102");
    given()
        .auth()
        .oauth2(TestTokens.districtReviewer("370102"))
        .contentType(ContentType.JSON)
        .body(Fixtures.schoolBody(uscc, "370102", "历下区测试小学"))
        .post("/api/v1/schools")
        .then()
        .statusCode(201)
        .header("Location", containsString(uscc))
        .body("stages", contains("PRIMARY"));
    given()
        .auth()
        .oauth2(TestTokens.auditor())
        .get("/api/v1/schools/" + uscc)
        .then()
        .statusCode(200)
        .header("ETag", "\"0\"");
    Map<String, Object> changed = Fixtures.schoolBody(uscc, "370102", "历下区测试小学（新校区）");
    given()
        .auth()
        .oauth2(TestTokens.cityAdmin())
        .contentType(ContentType.JSON)
        .body(changed)
        .put("/api/v1/schools/" + uscc)
        .then()
        .statusCode(428);
    given()
        .auth()
        .oauth2(TestTokens.cityAdmin())
        .contentType(ContentType.JSON)
        .header("If-Match", "\"3\"")
        .body(changed)
        .put("/api/v1/schools/" + uscc)
        .then()
        .statusCode(412);
    given()
        .auth()
        .oauth2(TestTokens.cityAdmin())
        .contentType(ContentType.JSON)
        .header("If-Match", "\"0\"")
        .body(changed)
        .put("/api/v1/schools/" + uscc)
        .then()
        .statusCode(200)
        .header("ETag", "\"1\"")
        .body("nameZh", equalTo("历下区测试小学（新校区）"));
    given()
        .auth()
        .oauth2(TestTokens.auditor())
        .get("/api/v1/audit?entityType=school&limit=200&district=370102")
        .then()
        .statusCode(200)
        .body(
            "items.findAll { it.entityId == '" + uscc + "' }.action", contains("create", "update"));
  }

  @Test
  void scopeAndValidation() {
    String uscc = Fixtures.uscc("370103");
    given()
        .auth()
        .oauth2(TestTokens.districtReviewer("370102"))
        .contentType(ContentType.JSON)
        .body(Fixtures.schoolBody(uscc, "370103", "市中区测试小学"))
        .post("/api/v1/schools")
        .then()
        .statusCode(403)
        .body("detail", containsString("370103"));
    given()
        .auth()
        .oauth2(TestTokens.schoolApplicant(uscc))
        .contentType(ContentType.JSON)
        .body(Fixtures.schoolBody(uscc, "370103", "市中区测试小学"))
        .post("/api/v1/schools")
        .then()
        .statusCode(403);
    // Any check character but the right one ("0" alone was right for 1 in 31 generated codes).
    String wrongCheck = uscc.substring(0, 17) + (uscc.charAt(17) == '0' ? "1" : "0");
    Map<String, Object> bad = Fixtures.schoolBody(wrongCheck, "379999", "x");
    bad.put("townshipSeat", true);
    given()
        .auth()
        .oauth2(TestTokens.cityAdmin())
        .contentType(ContentType.JSON)
        .body(bad)
        .post("/api/v1/schools")
        .then()
        .statusCode(400)
        .contentType(startsWith("application/problem+json"))
        .body("errors.field", hasItem("uscc"))
        .body("errors.field", hasItem("districtCode"))
        .body("errors.field", hasItem("townshipSeat"));
    Fixtures.school("370103");
    String existing = Fixtures.school("370103");
    given()
        .auth()
        .oauth2(TestTokens.dataReporter())
        .contentType(ContentType.JSON)
        .body(Fixtures.schoolBody(existing, "370103", "重复"))
        .post("/api/v1/schools")
        .then()
        .statusCode(409);
  }

  @Test
  void csvDryRunWritesNothingAndErrorsNameRowAndField() {
    String a = Fixtures.uscc("370104");
    String b = Fixtures.uscc("370104");
    String csv =
        HEADER
            + a
            + ",槐荫区测试小学甲,370104,小学|初中,公办,城区,false,OPEN\n"
            + b
            + ",槐荫区测试小学乙,370104,PRIMARY,PUBLIC,TOWN,true,在办\n";
    given()
        .auth()
        .oauth2(TestTokens.cityAdmin())
        .contentType("text/csv; charset=UTF-8")
        .body(csv)
        .post("/api/v1/schools/import?dryRun=true")
        .then()
        .statusCode(200)
        .body("dryRun", equalTo(true))
        .body("committed", equalTo(false))
        .body("created", equalTo(2));
    given()
        .auth()
        .oauth2(TestTokens.cityAdmin())
        .get("/api/v1/schools/" + a)
        .then()
        .statusCode(404);

    String c = Fixtures.uscc("370104");
    String withErrors =
        csv
            + c.substring(0, 17)
            + "Z,坏代码,370104,PRIMARY,PUBLIC,URBAN,false,OPEN\n"
            + c
            + ",未知学段,370104,大学,PUBLIC,URBAN,false,OPEN\n";
    given()
        .auth()
        .oauth2(TestTokens.cityAdmin())
        .contentType("text/csv; charset=UTF-8")
        .body(withErrors)
        .post("/api/v1/schools/import")
        .then()
        .statusCode(422)
        .body("summary.committed", equalTo(false))
        .body("summary.conflicts", hasSize(2))
        .body("summary.conflicts[0].row", equalTo(3))
        .body("summary.conflicts[0].field", equalTo("uscc"))
        .body("summary.conflicts[1].row", equalTo(4))
        .body("summary.conflicts[1].field", equalTo("stages"));
    given()
        .auth()
        .oauth2(TestTokens.cityAdmin())
        .get("/api/v1/schools/" + a)
        .then()
        .statusCode(404);

    given()
        .auth()
        .oauth2(TestTokens.cityAdmin())
        .contentType("text/csv; charset=UTF-8")
        .body(withErrors)
        .post("/api/v1/schools/import?partial=true")
        .then()
        .statusCode(200)
        .body("committed", equalTo(true))
        .body("created", equalTo(2))
        .body("conflicts", hasSize(2));
    given()
        .auth()
        .oauth2(TestTokens.cityAdmin())
        .get("/api/v1/schools/" + b)
        .then()
        .statusCode(200)
        .body("locationType", equalTo("TOWN"))
        .body("townshipSeat", equalTo(true));
    // Importing the same file again: identical rows are ignored, not rewritten.
    given()
        .auth()
        .oauth2(TestTokens.cityAdmin())
        .contentType("text/csv; charset=UTF-8")
        .body(csv)
        .post("/api/v1/schools/import")
        .then()
        .statusCode(200)
        .body("ignored", equalTo(2))
        .body("created", equalTo(0));
  }

  /**
   * The suite's one import summary (the same shape every import answers): counts, and each refused
   * row with its row number, field, stable code and reason.
   */
  @Test
  void importWithConflictsAnswersTheSharedSummary() {
    String a = Fixtures.uscc("370102");
    String bad = Fixtures.uscc("370102");
    String wrongCheck = bad.substring(0, 17) + (bad.charAt(17) == '0' ? "1" : "0");
    String elsewhere = Fixtures.uscc("370103");
    String unknownUnit = Fixtures.uscc("370102");
    String csv =
        HEADER
            + a
            + ",历下区导入小学,370102,PRIMARY,PUBLIC,URBAN,false,OPEN\n"
            + wrongCheck
            + ",校验位错误,370102,PRIMARY,PUBLIC,URBAN,false,OPEN\n"
            + a
            + ",重复一行,370102,PRIMARY,PUBLIC,URBAN,false,OPEN\n"
            + elsewhere
            + ",市中区学校,370103,PRIMARY,PUBLIC,URBAN,false,OPEN\n"
            + unknownUnit
            + ",未知区县,379999,PRIMARY,PUBLIC,URBAN,false,OPEN\n";
    String reviewer = TestTokens.districtReviewer("370102");
    given()
        .auth()
        .oauth2(reviewer)
        .contentType("text/csv; charset=UTF-8")
        .body(csv)
        .post("/api/v1/schools/import")
        .then()
        .statusCode(422)
        .contentType(startsWith("application/problem+json"))
        .body("summary.dryRun", equalTo(false))
        .body("summary.committed", equalTo(false))
        .body("summary.rejected", equalTo(4))
        .body("summary.conflicts.row", contains(2, 3, 4, 5));
    given()
        .auth()
        .oauth2(reviewer)
        .contentType("text/csv; charset=UTF-8")
        .body(csv)
        .post("/api/v1/schools/import?partial=true")
        .then()
        .statusCode(200)
        .body("keySet()", containsInAnyOrder(SUMMARY_FIELDS))
        .body("dryRun", equalTo(false))
        .body("committed", equalTo(true))
        .body("created", equalTo(1))
        .body("updated", equalTo(0))
        .body("ignored", equalTo(0))
        .body("rejected", equalTo(4))
        .body("conflicts.row", contains(2, 3, 4, 5))
        .body("conflicts.field", contains("uscc", "uscc", "districtCode", "districtCode"))
        .body("conflicts.code", contains("INVALID", "DUPLICATE", "FORBIDDEN", "UNKNOWN_UNIT"))
        .body("conflicts.reason", everyItem(not(blankOrNullString())))
        .body("conflicts[0].keySet()", containsInAnyOrder("row", "field", "code", "reason"));

    // A dry run over what is now stored: one identical row, one change, one new school.
    String changed = Fixtures.school("370102");
    String fresh = Fixtures.uscc("370102");
    String again =
        HEADER
            + a
            + ",历下区导入小学,370102,PRIMARY,PUBLIC,URBAN,false,OPEN\n"
            + changed
            + ",改名的学校,370102,PRIMARY,PUBLIC,URBAN,false,OPEN\n"
            + fresh
            + ",新的学校,370102,JUNIOR,PUBLIC,RURAL,false,OPEN\n";
    given()
        .auth()
        .oauth2(reviewer)
        .contentType("text/csv; charset=UTF-8")
        .body(again)
        .post("/api/v1/schools/import?dryRun=true")
        .then()
        .statusCode(200)
        .body("dryRun", equalTo(true))
        .body("committed", equalTo(false))
        .body("created", equalTo(1))
        .body("updated", equalTo(1))
        .body("ignored", equalTo(1))
        .body("rejected", equalTo(0))
        .body("conflicts", hasSize(0));
  }

  private static final String[] SUMMARY_FIELDS = {
    "dryRun", "committed", "created", "updated", "ignored", "rejected", "conflicts"
  };

  @Test
  void jsonImportRespectsTheReviewersDistrict() {
    String own = Fixtures.uscc("370105");
    String other = Fixtures.uscc("370112");
    given()
        .auth()
        .oauth2(TestTokens.districtReviewer("370105"))
        .contentType(ContentType.JSON)
        .body(
            List.of(
                Fixtures.schoolBody(own, "370105", "天桥区测试小学"),
                Fixtures.schoolBody(other, "370112", "历城区测试小学")))
        .post("/api/v1/schools/import")
        .then()
        .statusCode(422)
        .body("summary.conflicts[0].row", equalTo(2))
        .body("summary.conflicts[0].field", equalTo("districtCode"));
    given()
        .auth()
        .oauth2(TestTokens.districtReviewer("370105"))
        .contentType(ContentType.JSON)
        .body(List.of(Fixtures.schoolBody(own, "370105", "天桥区测试小学")))
        .post("/api/v1/schools/import")
        .then()
        .statusCode(200)
        .body("created", equalTo(1));
    given()
        .auth()
        .oauth2(TestTokens.auditor())
        .get("/api/v1/schools?district=370105&q=" + own)
        .then()
        .statusCode(200)
        .body("items.uscc", contains(own));
  }

  @Test
  void searchPagesInAStableOrder() {
    for (int i = 0; i < 3; i++) {
      Fixtures.school("370116");
    }
    var first =
        given()
            .auth()
            .oauth2(TestTokens.auditor())
            .get("/api/v1/schools?district=370116&limit=2")
            .then()
            .statusCode(200)
            .body("items", hasSize(2))
            .extract()
            .jsonPath();
    String cursor = first.getString("nextCursor");
    given()
        .auth()
        .oauth2(TestTokens.auditor())
        .get("/api/v1/schools?district=370116&limit=2&after=" + cursor)
        .then()
        .statusCode(200)
        .body("items.uscc", org.hamcrest.Matchers.not(hasItem(first.getString("items[0].uscc"))));
    given()
        .auth()
        .oauth2(TestTokens.auditor())
        .get("/api/v1/schools?limit=500")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("limit"));
  }
}
