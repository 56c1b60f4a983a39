package cn.jinan.edu.milestone;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import cn.jinan.edu.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CatalogueApiTests {

  @Test
  void catalogueIsPublic() {
    given()
        .get("/api/v1/plans/JN-2025-10")
        .then()
        .statusCode(200)
        .body("documentNumber", equalTo("济教办〔2025〕10号"))
        .body("issueDate", equalTo("2025-06-13"));
    given().get("/api/v1/actions").then().statusCode(200).body("$", hasSize(5));
    given().get("/api/v1/measures").then().statusCode(200).body("$", hasSize(16));
    given()
        .get("/api/v1/measures?action=4")
        .then()
        .statusCode(200)
        .body("numeral", contains("十二", "十三"));
  }

  @Test
  void tasksFilterByActionYearAndMeasure() {
    given()
        .get("/api/v1/tasks?plan=JN-2025-10&action=2&year=2025")
        .then()
        .statusCode(200)
        .body("number", contains(5, 6));
    given()
        .get("/api/v1/tasks?plan=JN-2025-10&measure=7")
        .then()
        .statusCode(200)
        .body("number", contains(6, 7, 8));
    given()
        .get("/api/v1/tasks?plan=JN-2025-10&year=2027&action=1")
        .then()
        .statusCode(200)
        .body("number", contains(3, 4))
        .body("deadline", everyItem(equalTo("2027-12-31")))
        .body("lateFrom", everyItem(equalTo("2027-12-31T16:00:00Z")));
  }

  @Test
  void taskDetailShowsMeasuresUnitsAndBinding() {
    long id = Fixtures.documentTask(6);
    given()
        .get("/api/v1/tasks/" + id)
        .then()
        .statusCode(200)
        .body("task.number", equalTo(6))
        .body("task.fromDocument", equalTo(true))
        .body("measures.numeral", contains("七"))
        .body("responsibleUnits", hasSize(12))
        .body("binding.source", equalTo("REGISTRY_FILING"));
    given()
        .get("/api/v1/tasks/999999")
        .then()
        .statusCode(404)
        .contentType(startsWith("application/problem+json"));
  }

  @Test
  void cityAdminAddsATaskAndAnnotations() {
    // Into a plan of its own: the document plan keeps exactly its 37 tasks for CatalogueTests.
    String plan = Fixtures.plan("2025-06-13");
    Fixtures.task(plan, 2, 2026, null, List.of(3), null);
    long id =
        given()
            .auth()
            .oauth2(TestTokens.cityAdmin())
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "plan",
                    plan,
                    "actionNumber",
                    2,
                    "year",
                    2026,
                    "textZh",
                    "完成集团化办学年度评估报告",
                    "measures",
                    List.of(3)))
            .post("/api/v1/tasks")
            .then()
            .statusCode(201)
            .body("plan", equalTo(plan))
            .body("number", equalTo(2))
            .body("ordinal", equalTo(2))
            .body("deadline", equalTo("2026-12-31"))
            .body("fromDocument", equalTo(false))
            .extract()
            .jsonPath()
            .getLong("id");
    given()
        .get("/api/v1/tasks/" + id)
        .then()
        .body("responsibleUnits", hasSize(12)); // default: every district

    given()
        .auth()
        .oauth2(TestTokens.cityAdmin())
        .contentType(ContentType.JSON)
        .body(Map.of("textZh", "请各区县于11月底前完成"))
        .post("/api/v1/tasks/" + Fixtures.documentTask(6) + "/annotations")
        .then()
        .statusCode(201)
        .body("textZh", equalTo("请各区县于11月底前完成"));
    given()
        .get("/api/v1/tasks/" + Fixtures.documentTask(6) + "/annotations")
        .then()
        .statusCode(200)
        .body("textZh", hasItem("请各区县于11月底前完成"));
  }

  @Test
  void onlyCityAdminChangesTheCatalogue() {
    given()
        .auth()
        .oauth2(TestTokens.districtReviewer("370102"))
        .contentType(ContentType.JSON)
        .body(Map.of("textZh", "区县批注"))
        .post("/api/v1/tasks/" + Fixtures.documentTask(6) + "/annotations")
        .then()
        .statusCode(403)
        .contentType(startsWith("application/problem+json"));
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("actionNumber", 2, "year", 2026, "textZh", "匿名任务", "measures", List.of(7)))
        .post("/api/v1/tasks")
        .then()
        .statusCode(401);
  }

  @Test
  void aTaskMustServeAMeasureOfItsOwnAction() {
    given()
        .auth()
        .oauth2(TestTokens.cityAdmin())
        .contentType(ContentType.JSON)
        .body(Map.of("actionNumber", 1, "year", 2026, "textZh", "错配任务", "measures", List.of(7)))
        .post("/api/v1/tasks")
        .then()
        .statusCode(400)
        .contentType(startsWith("application/problem+json"))
        .body("errors.field", hasItem("measures"));
  }
}
