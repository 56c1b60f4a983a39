package cn.jinan.edu.milestone;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every operation is documented: summary and description, a schema for each JSON body, and an
 * example for every plain property of this service's schemas.
 */
@QuarkusTest
class OpenApiTests {
  private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");

  @Test
  @SuppressWarnings("unchecked")
  void everyOperationAndSchemaIsDocumented() {
    JsonPath api =
        given()
            .accept("application/json")
            .get("/q/openapi")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    List<String> missing = new ArrayList<>();
    Map<String, Map<String, Object>> paths = api.getMap("paths");
    for (var path : paths.entrySet()) {
      for (var op : path.getValue().entrySet()) {
        if (!METHODS.contains(op.getKey())) {
          continue;
        }
        Map<String, Object> o = (Map<String, Object>) op.getValue();
        String where = op.getKey().toUpperCase() + " " + path.getKey();
        if (blank(o.get("summary"))) {
          missing.add(where + ": summary");
        }
        if (blank(o.get("description"))) {
          missing.add(where + ": description");
        }
        Map<String, Object> body = (Map<String, Object>) o.get("requestBody");
        if (body != null && schemaOf(body) == null) {
          missing.add(where + ": request schema");
        }
        Map<String, Object> responses = (Map<String, Object>) o.get("responses");
        boolean success = false;
        for (var r : responses.entrySet()) {
          if (r.getKey().startsWith("2")) {
            success = true;
            Map<String, Object> content =
                (Map<String, Object>) ((Map<String, Object>) r.getValue()).get("content");
            if (content == null || schemaOf((Map<String, Object>) r.getValue()) == null) {
              missing.add(where + ": " + r.getKey() + " schema");
            }
          }
        }
        if (!success) {
          missing.add(where + ": no 2xx response");
        }
        if (o.get("parameters") != null) {
          for (Map<String, Object> p : (List<Map<String, Object>>) o.get("parameters")) {
            if (blank(p.get("description"))) {
              missing.add(where + ": parameter " + p.get("name") + " description");
            }
          }
        }
      }
    }
    Map<String, Map<String, Object>> schemas = api.getMap("components.schemas");
    for (var s : schemas.entrySet()) {
      Map<String, Object> schema = s.getValue();
      Map<String, Map<String, Object>> props =
          (Map<String, Map<String, Object>>) schema.get("properties");
      if (props == null) {
        continue;
      }
      if (blank(schema.get("description"))) {
        missing.add("schema " + s.getKey() + ": description");
      }
      for (var p : props.entrySet()) {
        Map<String, Object> prop = p.getValue();
        boolean scalar =
            prop.get("$ref") == null
                && prop.get("enum") == null
                && prop.get("allOf") == null
                && !"array".equals(prop.get("type"))
                && !"object".equals(prop.get("type"));
        if (scalar && prop.get("example") == null && prop.get("examples") == null) {
          missing.add("schema " + s.getKey() + "." + p.getKey() + ": example");
        }
      }
    }
    assertTrue(missing.isEmpty(), String.join("\n", missing));
    // The check above really looked at this service's API.
    for (String path :
        List.of(
            "/api/v1/overview",
            "/api/v1/tasks/{id}/status",
            "/api/v1/tasks/{id}/reports",
            "/api/v1/reports/{id}/transitions/{action}",
            "/api/v1/tasks/{id}/assignments",
            "/api/v1/calendar.ics",
            "/api/v1/events")) {
      assertTrue(paths.containsKey(path), path);
    }
    for (String schema :
        List.of("TaskStatus", "Overview", "RollupRow", "ProgressReport", "ReportRequest")) {
      assertTrue(schemas.containsKey(schema), schema);
    }
  }

  @SuppressWarnings("unchecked")
  private static Object schemaOf(Map<String, Object> withContent) {
    Map<String, Object> content = (Map<String, Object>) withContent.get("content");
    if (content == null || content.isEmpty()) {
      return null;
    }
    Map<String, Object> first = (Map<String, Object>) content.values().iterator().next();
    return first.get("schema");
  }

  private static boolean blank(Object o) {
    return o == null || o.toString().isBlank();
  }
}
