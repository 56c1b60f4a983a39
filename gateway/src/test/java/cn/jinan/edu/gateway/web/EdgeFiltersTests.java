package cn.jinan.edu.gateway.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class EdgeFiltersTests {
  @Test
  void accessLogFieldsAreEscapedJson() throws Exception {
    String nasty = "a\"b\\c\nd\u0001e 区";
    String line =
        EdgeFilters.field(new StringBuilder("{"), "clientId", nasty).append('}').toString();
    assertEquals(nasty, new ObjectMapper().readTree(line).path("clientId").asText());
  }
}
