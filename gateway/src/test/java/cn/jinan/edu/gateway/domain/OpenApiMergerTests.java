package cn.jinan.edu.gateway.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenApiMergerTests {
  final ObjectMapper json = new ObjectMapper();

  JsonNode doc(String path, String schema) throws Exception {
    return json.readTree(
        ("{'openapi':'3.0.3','security':[{'bearerAuth':[]}],'paths':{'PATH':{'get':{'operationId':'list',"
                + "'responses':{'200':{'description':'ok','content':{'application/json':{'schema':"
                + "{'$ref':'#/components/schemas/Item'}}}}}}}},'components':{'schemas':{'Item':"
                + "{'type':'object','properties':{'p':{'$ref':'#/components/schemas/SCHEMA'}}},"
                + "'SCHEMA':{'type':'string'}},'securitySchemes':{'bearerAuth':{'type':'http'}}}}")
            .replace('\'', '"')
            .replace("PATH", path)
            .replace("SCHEMA", schema));
  }

  @Test
  void prefixesPathsAndRenamesClashingComponents() throws Exception {
    JsonNode merged =
        OpenApiMerger.merge(
            List.of(
                new OpenApiMerger.Source("registry", "/registry", doc("/api/v1/a", "Code")),
                new OpenApiMerger.Source("quality", "/quality/", doc("/api/v1/b", "Code"))),
            "https://gw.example",
            Map.of());
    assertTrue(merged.at("/paths").has("/registry/api/v1/a"));
    assertTrue(merged.at("/paths").has("/quality/api/v1/b"));
    assertEquals("https://gw.example", merged.at("/servers/0/url").asText());
    assertEquals(
        "#/components/schemas/quality_Code",
        merged.at("/components/schemas/quality_Item/properties/p/$ref").asText());
    assertEquals(
        "registry_list", merged.at("/paths/~1registry~1api~1v1~1a/get/operationId").asText());
    // Top-level security moves onto each operation.
    assertEquals(
        "bearerAuth", merged.at("/paths/~1quality~1api~1v1~1b/get/security/0").fieldNames().next());
    assertTrue(merged.at("/components/securitySchemes").has("bearerAuth"));
    assertEquals(List.of(), OpenApiMerger.danglingRefs(merged));
  }

  @Test
  void keepsPlatformSchemasOnceWhenEveryServiceDefinesThemAlike() throws Exception {
    String shared =
        "{'type':'object','x-jinan-shared':true,'properties':{'c':{'$ref':'#/components/schemas/Conflict'}}}";
    String conflict = "{'type':'object','x-jinan-shared':true}";
    String other = "{'type':'object','x-jinan-shared':true,'properties':{'x':{'type':'string'}}}";
    JsonNode a = withSchemas(doc("/api/v1/a", "Code"), shared, conflict, conflict);
    JsonNode b = withSchemas(doc("/api/v1/b", "Code"), shared, conflict, other);
    JsonNode merged =
        OpenApiMerger.merge(
            List.of(
                new OpenApiMerger.Source("registry", "/registry", a),
                new OpenApiMerger.Source("quality", "/quality", b)),
            "/",
            Map.of());
    JsonNode schemas = merged.at("/components/schemas");
    // Marked and alike: once, under its own name, refs included.
    assertTrue(schemas.has("Summary") && schemas.has("Conflict"), schemas.toString());
    assertFalse(schemas.has("registry_Summary") || schemas.has("quality_Conflict"));
    assertEquals(
        "#/components/schemas/Conflict", schemas.at("/Summary/properties/c/$ref").asText());
    // Marked but defined differently: per service, as before. Unmarked: per service.
    assertTrue(schemas.has("registry_Odd") && schemas.has("quality_Odd"), schemas.toString());
    assertTrue(schemas.has("registry_Code") && schemas.has("quality_Code"));
    assertEquals(List.of(), OpenApiMerger.danglingRefs(merged));
  }

  JsonNode withSchemas(JsonNode doc, String summary, String conflict, String odd) throws Exception {
    var schemas = (com.fasterxml.jackson.databind.node.ObjectNode) doc.at("/components/schemas");
    schemas.set("Summary", json.readTree(summary.replace('\'', '"')));
    schemas.set("Conflict", json.readTree(conflict.replace('\'', '"')));
    schemas.set("Odd", json.readTree(odd.replace('\'', '"')));
    return doc;
  }

  @Test
  void findsDanglingRefs() throws Exception {
    JsonNode broken = json.readTree("{\"a\":{\"$ref\":\"#/components/schemas/Nope\"}}");
    assertEquals(List.of("#/components/schemas/Nope"), OpenApiMerger.danglingRefs(broken));
  }
}
