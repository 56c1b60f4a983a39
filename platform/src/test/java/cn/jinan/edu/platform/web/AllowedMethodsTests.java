package cn.jinan.edu.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Template matching; reading the table from real resources is covered by the 405 tests. */
class AllowedMethodsTests {
  private static AllowedMethods.Route route(String template, String... methods) {
    return new AllowedMethods.Route(AllowedMethods.toRegex(template), Set.of(methods));
  }

  private static final List<AllowedMethods.Route> TABLE =
      List.of(
          route("/api/v1/things", "GET", "POST"),
          route("/api/v1/things/{id}", "GET", "PUT"),
          route("/api/v1/things/{year: \\d{4}}/archive", "DELETE"));

  @Test
  void listsTheMethodsOfTheMatchingTemplatesInAFixedOrder() {
    assertEquals(
        List.of("GET", "HEAD", "POST", "OPTIONS"), AllowedMethods.on(TABLE, "/api/v1/things"));
    assertEquals(
        List.of("GET", "HEAD", "POST", "OPTIONS"), AllowedMethods.on(TABLE, "api/v1/things/"));
    assertEquals(
        List.of("GET", "HEAD", "PUT", "OPTIONS"), AllowedMethods.on(TABLE, "/api/v1/things/42"));
  }

  @Test
  void parameterRegexesWithBracesAreHonoured() {
    assertEquals(
        List.of("DELETE", "OPTIONS"), AllowedMethods.on(TABLE, "/api/v1/things/2025/archive"));
    assertEquals(List.of(), AllowedMethods.on(TABLE, "/api/v1/things/25/archive"));
  }

  @Test
  void unknownPathsAllowNothing() {
    assertEquals(List.of(), AllowedMethods.on(TABLE, "/api/v1/other"));
    assertEquals(List.of(), AllowedMethods.on(TABLE, "/api/v1/things/1/2/3"));
  }

  @Test
  void literalPartsAreNotRegexes() {
    Pattern p = AllowedMethods.toRegex("/a.b/{x}");
    assertTrue(p.matcher("/a.b/1").matches());
    assertFalse(p.matcher("/aXb/1").matches());
    assertFalse(p.matcher("/a.b/1/2").matches());
  }
}
