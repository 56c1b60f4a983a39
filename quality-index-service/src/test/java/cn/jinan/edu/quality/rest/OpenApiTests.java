package cn.jinan.edu.quality.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every operation has a summary, description and tag; every schema property is described. */
@QuarkusTest
class OpenApiTests {
  static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

  @Test
  @SuppressWarnings("unchecked")
  void everyOperationAndSchemaIsDocumented() {
    JsonPath doc =
        given()
            .accept("application/json")
            .get("/q/openapi")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    Map<String, Map<String, Object>> paths = doc.getMap("paths");
    List<String> missing = new ArrayList<>();
    int operations = 0;
    for (Map.Entry<String, Map<String, Object>> path : paths.entrySet()) {
      for (Map.Entry<String, Object> op : path.getValue().entrySet()) {
        if (!METHODS.contains(op.getKey())) {
          continue;
        }
        operations++;
        Map<String, Object> o = (Map<String, Object>) op.getValue();
        for (String field : List.of("summary", "description", "tags")) {
          if (o.get(field) == null || o.get(field).toString().isBlank()) {
            missing.add(op.getKey() + " " + path.getKey() + ": " + field);
          }
        }
      }
    }
    assertTrue(operations >= 25, "operations: " + operations);
    Map<String, Map<String, Object>> schemas = doc.getMap("components.schemas");
    for (String name :
        List.of(
            "TargetEvaluation",
            "Dashboard",
            "DataValue",
            "Approval",
            "ImportSummary",
            "ImportConflict",
            "Indicator",
            "Unit",
            "PreschoolReadiness",
            "BalancedReadiness",
            "InclusiveAverage",
            "SchoolValueAdded",
            "GroupValueAdded",
            "ValueRequest",
            "ValueImportRow",
            "IndicatorRequest",
            "UnitRequest")) {
      Map<String, Object> schema = schemas.get(name);
      if (schema == null) {
        missing.add("schema " + name);
        continue;
      }
      Map<String, Map<String, Object>> props =
          (Map<String, Map<String, Object>>) schema.get("properties");
      for (Map.Entry<String, Map<String, Object>> p : props.entrySet()) {
        Map<String, Object> prop = p.getValue();
        boolean scalar = prop.get("$ref") == null && !"array".equals(prop.get("type"));
        if (prop.get("description") == null
            && prop.get("$ref") == null
            && prop.get("allOf") == null) {
          missing.add(name + "." + p.getKey() + ": description");
        }
        if (scalar
            && prop.get("example") == null
            && prop.get("examples") == null
            && prop.get("allOf") == null
            && prop.get("enum") == null) {
          missing.add(name + "." + p.getKey() + ": example");
        }
      }
    }
    assertFalse(!missing.isEmpty(), "undocumented: " + missing);
  }
}
