package cn.jinan.edu.platform.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What integrators rely on in every service's OpenAPI: each operation says what it does, shows its
 * request and response schemas, and lists its error responses as problem+json; each property of a
 * documented schema carries a description with its Chinese name, and scalar properties an example.
 */
public abstract class OpenApiContract {

  /** Where the document is served: the management interface (the gateway overrides this). */
  protected RequestSpecification docs() {
    return ServiceContractTests.management();
  }

  @Test
  void everyOperationIsDocumented() {
    JsonPath doc =
        docs()
            .accept("application/json")
            .get("/q/openapi")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    List<String> gaps = new ArrayList<>();
    Map<String, Map<String, Object>> paths = doc.getMap("paths");
    for (var path : paths.entrySet()) {
      for (var op : path.getValue().entrySet()) {
        if (List.of("get", "post", "put", "delete", "patch").contains(op.getKey())) {
          operationGaps(op.getKey().toUpperCase() + " " + path.getKey(), map(op.getValue()), gaps);
        }
      }
    }
    Map<String, Map<String, Object>> schemas = doc.getMap("components.schemas");
    for (var schema : schemas.entrySet()) {
      Map<String, Object> props = map(schema.getValue().get("properties"));
      if (props != null) {
        props.forEach((name, p) -> propertyGaps(schema.getKey() + "." + name, map(p), gaps));
      }
    }
    assertTrue(
        gaps.isEmpty(), gaps.size() + " gaps in the OpenAPI document:\n" + String.join("\n", gaps));
  }

  private static void operationGaps(
      String where, Map<String, Object> operation, List<String> gaps) {
    if (blank(operation.get("summary"))) {
      gaps.add(where + ": no summary");
    }
    if (blank(operation.get("description"))) {
      gaps.add(where + ": no description");
    }
    Map<String, Object> responses = map(operation.get("responses"));
    if (responses == null || responses.keySet().stream().noneMatch(k -> k.startsWith("2"))) {
      gaps.add(where + ": no success response");
    } else {
      if (responses.keySet().stream().noneMatch(k -> k.startsWith("4"))) {
        gaps.add(where + ": no error responses");
      }
      responses.forEach(
          (code, r) -> {
            Map<String, Object> content = map(map(r).get("content"));
            boolean error = code.startsWith("4") || code.startsWith("5");
            if (error && (content == null || !content.containsKey("application/problem+json"))) {
              gaps.add(where + ": " + code + " is not problem+json");
            }
          });
    }
    if (operation.containsKey("requestBody")
        && map(operation.get("requestBody")).get("content") == null) {
      gaps.add(where + ": request body without schema");
    }
  }

  private static void propertyGaps(String where, Map<String, Object> p, List<String> gaps) {
    boolean reference = p.containsKey("$ref") || p.containsKey("allOf") || p.containsKey("oneOf");
    if (!reference && blank(p.get("description"))) {
      gaps.add(where + ": no description");
    } else if (!reference && !p.get("description").toString().matches("(?s).*\\p{IsHan}.*")) {
      // People at the bureau and the districts read these: a Chinese name beside the English.
      gaps.add(where + ": description without Chinese");
    }
    Object type = p.get("type");
    if (type instanceof List<?> types) { // OpenAPI 3.1: ["string", "null"]
      type = types.stream().filter(t -> !"null".equals(t)).findFirst().orElse(null);
    }
    boolean scalar =
        type != null
            && List.of("string", "integer", "number", "boolean").contains(type.toString())
            && !p.containsKey("enum");
    if (scalar && !p.containsKey("example") && !p.containsKey("examples")) {
      gaps.add(where + ": no example");
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  /**
   * The document equals its committed snapshot in docs/api/, so that every API change shows in
   * review. After an intended change, regenerate with {@code -Dopenapi.snapshot.update=true} and
   * commit the file.
   */
  @Test
  void matchesTheCommittedSnapshot() throws Exception {
    String name =
        org.eclipse.microprofile.config.ConfigProvider.getConfig()
            .getValue("quarkus.application.name", String.class);
    String text =
        docs()
            .accept("application/json")
            .get("/q/openapi?format=json")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    OpenApiSnapshots.check(name, text);
  }

  private static boolean blank(Object o) {
    return o == null || o.toString().isBlank();
  }
}
