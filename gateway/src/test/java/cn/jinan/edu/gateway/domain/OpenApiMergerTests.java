package cn.jinan.edu.gateway.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
  void findsDanglingRefs() throws Exception {
    JsonNode broken = json.readTree("{\"a\":{\"$ref\":\"#/components/schemas/Nope\"}}");
    assertEquals(List.of("#/components/schemas/Nope"), OpenApiMerger.danglingRefs(broken));
  }
}
