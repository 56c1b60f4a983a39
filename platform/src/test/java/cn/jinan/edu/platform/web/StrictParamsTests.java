package cn.jinan.edu.platform.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class StrictParamsTests {
  @Test
  void wellFormedValuesAndDefaults() {
    given()
        .get("/probe/params/7?dryRun=TRUE&history=false&limit=20&asOf=2026-06-30&level=SCHOOL")
        .then()
        .statusCode(200)
        .body(equalTo("7,true,false,20,2026-06-30,SCHOOL"));
    given()
        .get("/probe/params/7")
        .then()
        .statusCode(200)
        .body(equalTo("7,false,null,50,null,null"));
  }

  @Test
  void anythingElseIsA400NamingTheParameter() {
    String[][] cases = {
      {"dryRun=ture", "dryRun", "true or false"},
      {"history=yes", "history", "true or false"},
      {"limit=ten", "limit", "integer"},
      {"asOf=2026-13-45", "asOf", "YYYY-MM-DD"},
      {"level=PROVINCE", "level", "[DISTRICT, SCHOOL]"}
    };
    for (String[] c : cases) {
      given()
          .get("/probe/params/7?" + c[0])
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors[0].field", equalTo(c[1]))
          .body("errors[0].message", containsString(c[2]));
    }
    given()
        .get("/probe/params/seven")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("id"));
  }
}
