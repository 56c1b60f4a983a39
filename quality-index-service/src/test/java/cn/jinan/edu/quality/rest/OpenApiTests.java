package cn.jinan.edu.quality.rest;

import static cn.jinan.edu.platform.testing.ServiceContractTests.management;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinan.edu.platform.testing.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OpenApiTests extends OpenApiContract {

  private static JsonPath document() {
    return management()
        .accept("application/json")
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /**
   * A client generated from the document must know every success body: each 2xx response other than
   * 204 names its media types (plain ones, no q-values) and a schema for each.
   */
  @Test
  @SuppressWarnings("unchecked")
  void everySuccessResponseHasASchema() {
    Map<String, Map<String, Object>> paths = document().getMap("paths");
    List<String> gaps = new ArrayList<>();
    for (var path : paths.entrySet()) {
      for (var op : path.getValue().entrySet()) {
        if (!List.of("get", "post", "put", "delete", "patch").contains(op.getKey())) {
          continue;
        }
        Map<String, Object> responses =
            (Map<String, Object>) ((Map<String, Object>) op.getValue()).get("responses");
        responses.forEach(
            (code, r) -> {
              if (!code.startsWith("2") || code.equals("204")) {
                return;
              }
              String where = op.getKey().toUpperCase() + " " + path.getKey() + " " + code;
              Map<String, Map<String, Object>> content =
                  (Map<String, Map<String, Object>>) ((Map<String, Object>) r).get("content");
              if (content == null || content.isEmpty()) {
                gaps.add(where + ": no content");
                return;
              }
              content.forEach(
                  (mediaType, media) -> {
                    if (mediaType.contains(";")) {
                      gaps.add(where + ": media type with parameters " + mediaType);
                    }
                    Object schema = media == null ? null : media.get("schema");
                    if (!(schema instanceof Map<?, ?> s) || s.isEmpty()) {
                      gaps.add(where + ": no schema for " + mediaType);
                    }
                  });
            });
      }
    }
    assertTrue(
        gaps.isEmpty(),
        gaps.size() + " success responses without schema:\n" + String.join("\n", gaps));
  }

  /** GET /values is one operation: the JSON search and the CSV export of the same query. */
  @Test
  void valuesSearchDocumentsJsonAndCsv() {
    JsonPath doc = document();
    Map<String, Object> ok = doc.getMap("paths.'/api/v1/values'.get.responses.'200'.content");
    assertEquals(
        List.of("application/json", "text/csv"),
        new ArrayList<>(ok.keySet()).stream().sorted().toList());
    String json =
        doc.getString(
            "paths.'/api/v1/values'.get.responses.'200'.content.'application/json'.schema.'$ref'");
    String name = json.substring(json.lastIndexOf('/') + 1);
    assertEquals(
        "#/components/schemas/DataValue",
        doc.getString("components.schemas." + name + ".properties.items.items.'$ref'"));
    assertEquals(
        "string",
        doc.getString("paths.'/api/v1/values'.get.responses.'200'.content.'text/csv'.schema.type"));
    String summary = doc.getString("paths.'/api/v1/values'.get.summary");
    assertTrue(summary.contains("Search") && summary.contains("CSV"), summary);
    List<String> parameters = doc.getList("paths.'/api/v1/values'.get.parameters.name");
    assertTrue(
        parameters.containsAll(
            List.of("indicator", "district", "school", "period", "after", "limit")),
        parameters.toString());
  }
}
