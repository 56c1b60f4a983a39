package cn.jinan.edu.gateway.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PathRewriteTests {
  static final String BACKEND = "http://127.0.0.1:8081";
  static final String GATEWAY = "https://api.edu.example.cn";

  static String location(String value, String rewrite) {
    return PathRewrite.location(value, BACKEND, "/registry", rewrite, GATEWAY);
  }

  @Test
  void absoluteBackendUrlsPointAtTheGateway() {
    assertEquals(
        GATEWAY + "/registry/api/v1/registrations/1",
        location(BACKEND + "/api/v1/registrations/1", ""));
    assertEquals(
        GATEWAY + "/registry/api/v1/schools?district=370102",
        location(BACKEND + "/api/v1/schools?district=370102", null));
    assertEquals(GATEWAY + "/registry/", location(BACKEND, ""));
    assertEquals(
        GATEWAY + "/registry/api/v1/x",
        location("HTTP://127.0.0.1:8081/api/v1/x", ""),
        "scheme and host compare without case");
  }

  @Test
  void absolutePathsGetTheRoutePrefix() {
    assertEquals("/registry/api/v1/registrations/1", location("/api/v1/registrations/1", ""));
  }

  @Test
  void rewrittenRoutesAreMappedBack() {
    assertEquals(
        "/registry/units/1", location("/api/v1/units/1", "/api/v1"), "backend /api/v1 → /registry");
    assertEquals(GATEWAY + "/registry", location(BACKEND + "/api/v1", "/api/v1/"));
    assertEquals(
        "/other/place", location("/other/place", "/api/v1"), "outside the rewrite: unchanged");
    assertEquals("/api/v1x/1", location("/api/v1x/1", "/api/v1"), "not a segment boundary");
  }

  @Test
  void otherHostsAndRelativeReferencesAreLeftAlone() {
    assertEquals("https://sso.example.cn/x", location("https://sso.example.cn/x", ""));
    assertEquals("http://127.0.0.1:80810/x", location("http://127.0.0.1:80810/x", ""));
    assertEquals("//evil.example/x", location("//evil.example/x", ""));
    assertEquals("next", location("next", ""));
    assertEquals("", location("", ""));
  }
}
