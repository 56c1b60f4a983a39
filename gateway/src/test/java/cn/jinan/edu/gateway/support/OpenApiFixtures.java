package cn.jinan.edu.gateway.support;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Small OpenAPI documents whose schema names and operation ids clash between services. */
public final class OpenApiFixtures {
  private OpenApiFixtures() {}

  static JsonObject ref(String name) {
    return new JsonObject().put("$ref", "#/components/schemas/" + name);
  }

  static JsonObject get(String operationId, String schema) {
    return new JsonObject()
        .put("operationId", operationId)
        .put("tags", new JsonArray().add("Things"))
        .put(
            "responses",
            new JsonObject()
                .put(
                    "200",
                    new JsonObject()
                        .put("description", "OK")
                        .put(
                            "content",
                            new JsonObject()
                                .put(
                                    "application/json",
                                    new JsonObject().put("schema", ref(schema)))))
                .put("400", new JsonObject().put("$ref", "#/components/responses/BadRequest")));
  }

  static JsonObject object(String property) {
    return new JsonObject()
        .put("type", "object")
        .put("properties", new JsonObject().put(property, new JsonObject().put("type", "string")));
  }

  public static JsonObject document(String service) {
    JsonObject paths = new JsonObject();
    JsonObject schemas =
        new JsonObject().put("Problem", object("title")).put("Item", object(service + "Field"));
    switch (service) {
      case "registry" -> {
        paths.put("/api/v1/units", new JsonObject().put("get", get("list", "Unit")));
        schemas.put(
            "Unit",
            object("code")
                .put(
                    "properties",
                    object("code").getJsonObject("properties").put("item", ref("Item"))));
      }
      case "milestone" ->
          paths.put("/api/v1/milestones", new JsonObject().put("get", get("list", "Item")));
      default -> {
        paths.put("/api/v1/dashboard", new JsonObject().put("get", get("list", "Dashboard")));
        schemas.put(
            "Dashboard",
            new JsonObject()
                .put("type", "object")
                .put(
                    "properties",
                    new JsonObject()
                        .put(
                            "targets",
                            new JsonObject().put("type", "array").put("items", ref("Item")))));
      }
    }
    return new JsonObject()
        .put("openapi", "3.0.3")
        .put("info", new JsonObject().put("title", service).put("version", "1"))
        .put("tags", new JsonArray().add(new JsonObject().put("name", "Things")))
        .put("paths", paths)
        .put(
            "components",
            new JsonObject()
                .put("schemas", schemas)
                .put(
                    "responses",
                    new JsonObject()
                        .put(
                            "BadRequest",
                            new JsonObject()
                                .put("description", "bad")
                                .put(
                                    "content",
                                    new JsonObject()
                                        .put(
                                            "application/problem+json",
                                            new JsonObject().put("schema", ref("Problem"))))))
                .put(
                    "securitySchemes",
                    new JsonObject()
                        .put(
                            "bearerAuth",
                            new JsonObject().put("type", "http").put("scheme", "bearer"))));
  }
}
