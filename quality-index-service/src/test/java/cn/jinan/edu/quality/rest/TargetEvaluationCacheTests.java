package cn.jinan.edu.quality.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import cn.jinan.edu.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * All targets' evaluations are reused (quality.evaluation-cache, 30s here), yet keyed by the
 * evaluation version, so an approved change shows at once. Uses period 2098, which nobody else
 * writes.
 */
@QuarkusTest
class TargetEvaluationCacheTests {
  static final String AS_OF = "2098-06-30";
  static final String PILOT = "targets.find { it.code == 'SMALL_CLASS_PILOT' }";

  static JsonPath evaluations() {
    return given()
        .auth()
        .oauth2(TestTokens.auditor())
        .get("/api/v1/targets/evaluation?asOf=" + AS_OF)
        .then()
        .statusCode(200)
        .body("code", hasItem("SMALL_CLASS_PILOT"))
        .extract()
        .jsonPath();
  }

  static String pilots(JsonPath all) {
    return all.getString("find { it.code == 'SMALL_CLASS_PILOT' }.counting");
  }

  @Test
  void anApprovedChangeIsVisibleAtOnce() {
    JsonPath before = evaluations();
    // Read twice while nothing changes: the same answer (the second one from the cache).
    assertEquals(pilots(before), pilots(evaluations()));
    float current = before.getFloat("find { it.code == 'SMALL_CLASS_PILOT' }.currentValue");

    Fixtures.importValues(List.of(Fixtures.row("SMALL_CLASS_PILOT_SCHOOLS", "370114", 2098, 3)));
    // Imported but not approved yet: does not count, and the evaluation says the same.
    assertEquals(
        current, evaluations().getFloat("find { it.code == 'SMALL_CLASS_PILOT' }.currentValue"));

    Fixtures.approve("370114", 2098);
    JsonPath after = evaluations();
    assertNotEquals(pilots(before), pilots(after));
    String pilot = "find { it.code == 'SMALL_CLASS_PILOT' }";
    assertEquals(2098, after.getInt(pilot + ".counting.find { it.code == '370114' }.period"));
    assertEquals(3, after.getInt(pilot + ".counting.find { it.code == '370114' }.value"));

    // The dashboard, built on the same evaluations, agrees.
    given()
        .auth()
        .oauth2(TestTokens.auditor())
        .get("/api/v1/dashboard?asOf=" + AS_OF)
        .then()
        .statusCode(200)
        .body(PILOT + ".counting.find { it.code == '370114' }.period", equalTo(2098));
  }
}
