package cn.jinan.edu.quality.rest;

import static io.restassured.RestAssured.given;

import cn.jinan.edu.platform.testing.TestTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Data set-up through the API, as a city-admin. */
final class Fixtures {
  static final List<String> DISTRICTS =
      List.of(
          "370102", "370103", "370104", "370105", "370112", "370113", "370114", "370115", "370116",
          "370117", "370124", "370126");

  private Fixtures() {}

  /** Imports values as city-admin; each map is one ValueImportRow. */
  static void importValues(List<Map<String, Object>> rows) {
    given()
        .auth()
        .oauth2(TestTokens.cityAdmin())
        .contentType("application/json")
        .body(rows)
        .post("/api/v1/values/import")
        .then()
        .statusCode(200);
  }

  static Map<String, Object> row(String indicator, String district, int period, Object value) {
    return Map.of(
        "indicator", indicator, "districtCode", district, "period", period, "value", value);
  }

  /** OPEN → SUBMITTED → APPROVED for one district and period. */
  static void approve(String district, int period) {
    String admin = TestTokens.cityAdmin();
    String etag =
        given()
            .auth()
            .oauth2(admin)
            .get("/api/v1/approvals/" + district + "/" + period)
            .header("ETag");
    String submitted =
        given()
            .auth()
            .oauth2(admin)
            .header("If-Match", etag)
            .contentType("application/json")
            .body("{}")
            .post("/api/v1/approvals/" + district + "/" + period + "/transitions/submit")
            .then()
            .statusCode(200)
            .extract()
            .header("ETag");
    given()
        .auth()
        .oauth2(admin)
        .header("If-Match", submitted)
        .contentType("application/json")
        .body("{}")
        .post("/api/v1/approvals/" + district + "/" + period + "/transitions/approve")
        .then()
        .statusCode(200);
  }

  /**
   * Sets a yes/no district indicator for all 12 districts (the first {@code yes} get 1), approved.
   */
  static void seedYesNo(String indicator, int period, int yes) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < DISTRICTS.size(); i++) {
      rows.add(row(indicator, DISTRICTS.get(i), period, i < yes ? 1 : 0));
    }
    importValues(rows);
    DISTRICTS.forEach(d -> approve(d, period));
  }
}
