package cn.jinan.edu.gateway.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PathRuleTests {
  @Test
  void methodAndSubtree() {
    PathRule rule = PathRule.parse("GET /api/v1/public/**");
    assertTrue(rule.matches("GET", "/api/v1/public"));
    assertTrue(rule.matches("GET", "/api/v1/public/statistics"));
    assertTrue(rule.matches("HEAD", "/api/v1/public/statistics"));
    assertFalse(rule.matches("POST", "/api/v1/public/statistics"));
    assertFalse(rule.matches("GET", "/api/v1/publicity"));
    assertFalse(rule.matches("GET", "/api/v1"));
  }

  @Test
  void exactAndWildcardSegments() {
    assertTrue(PathRule.parse("GET /api/v1/units").matches("GET", "/api/v1/units"));
    assertFalse(PathRule.parse("GET /api/v1/units").matches("GET", "/api/v1/units/1"));
    assertTrue(PathRule.parse("/api/*/units").matches("DELETE", "/api/v2/units"));
  }

  @Test
  void rewrite() {
    assertTrue(PathRewrite.under("/registry", "/registry"));
    assertTrue(PathRewrite.under("/registry/api", "/registry"));
    assertFalse(PathRewrite.under("/registryx", "/registry"));
    assertEquals(
        "/api/v1/units", PathRewrite.backendPath("/registry/api/v1/units", "/registry", ""));
    assertEquals("/", PathRewrite.backendPath("/registry", "/registry", ""));
    assertEquals("/api/v1/x", PathRewrite.backendPath("/legacy/x", "/legacy", "/api/v1/"));
  }

  @Test
  void hopByHopIncludesConnectionTokens() {
    var names = HopByHop.namesToDrop(java.util.List.of("close, X-Secret", "Keep-Alive"));
    assertTrue(names.contains("x-secret"));
    assertTrue(names.contains("close"));
    assertTrue(names.contains("transfer-encoding"));
    assertFalse(names.contains("authorization"));
  }
}
