package cn.jinan.edu.gateway;

import static cn.jinan.edu.platform.testing.ServiceContractTests.management;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinan.edu.gateway.support.TestBackends;
import cn.jinan.edu.platform.testing.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** The gateway in front of real HTTP backends (see {@link TestBackends}). */
@QuarkusTest
@WithTestResource(value = TestBackends.class, scope = TestResourceScope.GLOBAL)
class GatewayTests {
  static final String PROBLEM_JSON = "application/problem+json";

  @TestHTTPResource("/")
  URL gateway;

  static ValidatableResponse problem(ValidatableResponse r, int status) {
    return r.statusCode(status)
        .contentType(startsWith(PROBLEM_JSON))
        .body("status", equalTo(status))
        .body("type", startsWith("urn:jinan-edu:problem:"))
        .body("requestId", notNullValue());
  }

  // ---- routing ------------------------------------------------------------------------------

  @Test
  void routesByPrefixStripsItAndPassesQueryAndHeaders() {
    given()
        .auth()
        .oauth2(TestTokens.cityAdmin())
        .header("X-Custom", "kept")
        .header("X-Request-Id", "gw-test-42")
        .urlEncodingEnabled(false)
        .get("/registry/api/v1/things?a=1&b=x%20y")
        .then()
        .statusCode(200)
        .header("X-Request-Id", "gw-test-42")
        .body("service", equalTo("registry"))
        .body("path", equalTo("/api/v1/things"))
        .body("query", equalTo("a=1&b=x%20y"))
        .body("headers.x-custom", equalTo("kept"))
        .body("headers.x-request-id", equalTo("gw-test-42"))
        .body("headers.x-forwarded-for", equalTo("127.0.0.1"))
        .body("headers.x-forwarded-proto", equalTo("http"))
        .body("headers.x-forwarded-host", equalTo("localhost:" + gateway.getPort()))
        .body("headers.host", startsWith("127.0.0.1:"));
    given()
        .auth()
        .oauth2(TestTokens.cityAdmin())
        .get("/milestone/api/v1/milestones")
        .then()
        .statusCode(200)
        .body("service", equalTo("milestone"))
        .body("path", equalTo("/api/v1/milestones"));
    given()
        .auth()
        .oauth2(TestTokens.cityAdmin())
        .get("/quality/api/v1/dashboard")
        .then()
        .statusCode(200)
        .body("service", equalTo("quality"));
  }

  @Test
  void rewritesPrefix() {
    given()
        .auth()
        .oauth2(TestTokens.cityAdmin())
        .get("/legacy/things/7")
        .then()
        .statusCode(200)
        .body("service", equalTo("registry"))
        .body("path", equalTo("/api/v1/things/7"));
  }

  @Test
  void authorizationHeaderReachesBackend() {
    String token = TestTokens.dataReporter();
    given()
        .auth()
        .oauth2(token)
        .post("/quality/api/v1/imports")
        .then()
        .statusCode(200)
        .body("method", equalTo("POST"))
        .body("headers.authorization", equalTo("Bearer " + token));
  }

  @Test
  void dotSegmentsCannotEscapeIntoAnotherPath() {
    // /registry/api/v1/public/../secret is /registry/api/v1/secret: not public.
    problem(given().get("/registry/api/v1/public/../secret").then(), 401);
  }

  @Test
  void hopByHopHeadersAreRemovedBothWays() throws Exception {
    String token = TestTokens.cityAdmin();
    String response =
        rawRequest(
            "GET /registry/api/v1/hop-check HTTP/1.1\r\n"
                + "Host: localhost\r\n"
                + "Authorization: Bearer "
                + token
                + "\r\n"
                + "Connection: close\r\n"
                + "Connection: X-Secret-Hop\r\n"
                + "X-Secret-Hop: must-not-pass\r\n"
                + "Keep-Alive: timeout=5\r\n"
                + "Proxy-Authorization: Basic abc\r\n"
                + "TE: trailers\r\n"
                + "\r\n");
    assertTrue(response.startsWith("HTTP/1.1 200"), response);
    String body = response.substring(response.indexOf("\r\n\r\n") + 4).toLowerCase();
    assertFalse(body.contains("x-secret-hop"), body);
    assertFalse(body.contains("keep-alive"), body);
    assertFalse(body.contains("proxy-authorization"), body);
    assertFalse(body.contains("\"te\""), body);

    Response hop = given().auth().oauth2(token).get("/registry/hop");
    assertEquals(200, hop.statusCode());
    assertEquals(null, hop.header("X-Backend-Hop"), hop.headers().toString());
    assertEquals(null, hop.header("Server"), hop.headers().toString());
    assertEquals(1, hop.headers().getValues("X-Request-Id").size(), hop.headers().toString());
    assertEquals("nosniff", hop.header("X-Content-Type-Options"));
  }

  private String rawRequest(String request) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", gateway.getPort())) {
      socket.setSoTimeout(5000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  // ---- edge authentication ------------------------------------------------------------------

  @Test
  void protectedRoutesNeedAValidTokenAtTheEdge() {
    problem(given().get("/registry/api/v1/registrations").then(), 401)
        .header("WWW-Authenticate", startsWith("Bearer"))
        .body("instance", equalTo("/registry/api/v1/registrations"));
    problem(given().auth().oauth2("not-a-jwt").get("/milestone/api/v1/milestones").then(), 401);
    problem(
        given()
            .auth()
            .oauth2(TestTokens.as("city-admin").expired().sign())
            .get("/quality/api/v1/dashboard")
            .then(),
        401);
    problem(
        given()
            .auth()
            .oauth2(TestTokens.as("city-admin").foreignKey().sign())
            .get("/quality/api/v1/dashboard")
            .then(),
        401);
    // Public only for GET, and only on the registry.
    problem(given().post("/registry/api/v1/units").then(), 401);
    problem(given().get("/milestone/api/v1/public/statistics").then(), 401);
  }

  @Test
  void publicRoutesPassWithoutToken() {
    given()
        .get("/registry/api/v1/public/statistics?asOf=2025-12-31")
        .then()
        .statusCode(200)
        .body("path", equalTo("/api/v1/public/statistics"))
        .body("query", equalTo("asOf=2025-12-31"))
        .body("headers", not(hasKey("authorization")));
    given().get("/registry/api/v1/units").then().statusCode(200);
  }

  @Test
  void managementEndpointsAreNotReachableThroughThePublicPort() {
    // Neither a backend's (through its route) nor the gateway's own.
    for (String prefix : new String[] {"/registry", "/milestone", "/quality"}) {
      for (String path : new String[] {"/q/health/live", "/q/openapi", "/q/metrics"}) {
        problem(given().get(prefix + path).then(), 404);
      }
    }
    given().get("/q/health/ready").then().statusCode(404);
    given().get("/q/metrics").then().statusCode(404);
    management().get("/q/health/ready").then().statusCode(200);
    management().get("/q/metrics").then().statusCode(200);
    // The public API docs stay public, on the public port.
    given().get("/q/openapi").then().statusCode(200);
    given().get("/openapi/merged.json").then().statusCode(200);
  }

  // ---- rate limits --------------------------------------------------------------------------

  @Test
  void rateLimitPerClientWithHeaders() {
    String token = TestTokens.as("city-admin").client("rl-" + UUID.randomUUID()).sign();
    for (int i = 2; i >= 0; i--) {
      given()
          .auth()
          .oauth2(token)
          .get("/tight/api/v1/things")
          .then()
          .statusCode(200)
          .header("RateLimit-Limit", "3")
          .header("RateLimit-Remaining", Integer.toString(i))
          .header("RateLimit-Reset", notNullValue());
    }
    problem(given().auth().oauth2(token).get("/tight/api/v1/things").then(), 429)
        .header("Retry-After", notNullValue())
        .header("RateLimit-Limit", "3")
        .header("RateLimit-Remaining", "0")
        .header("RateLimit-Reset", notNullValue())
        .body("type", equalTo("urn:jinan-edu:problem:too-many-requests"));
    // Another client has its own quota.
    given()
        .auth()
        .oauth2(TestTokens.as("city-admin").client("rl-" + UUID.randomUUID()).sign())
        .get("/tight/api/v1/things")
        .then()
        .statusCode(200)
        .header("RateLimit-Remaining", "2");
  }

  @Test
  void anAnonymousCallerCannotPickItsBucketWithASpoofedForwardedFor() {
    // 127.0.0.1 is no trusted proxy here, so X-Forwarded-For is ignored: every call below counts
    // against this connection's address, whatever address the header claims.
    String[] claimed = {"203.0.113.7", "198.51.100.1", "192.0.2.55"};
    for (int i = 0; i < claimed.length; i++) {
      given()
          .header("X-Forwarded-For", claimed[i])
          .get("/tight/api/v1/units")
          .then()
          .statusCode(200)
          .header("RateLimit-Remaining", Integer.toString(2 - i));
    }
    problem(
            given().header("X-Forwarded-For", "203.0.113.99").get("/tight/api/v1/units").then(),
            429)
        .header("Retry-After", notNullValue())
        .body("detail", containsString("this address"));
  }

  // ---- failures: down, slow, circuit --------------------------------------------------------

  @Test
  void backendDownIs503WithinASecond() {
    long start = System.nanoTime();
    problem(given().auth().oauth2(TestTokens.cityAdmin()).get("/dead/api/v1/x").then(), 503)
        .body("type", equalTo("urn:jinan-edu:problem:service-unavailable"));
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(millis < 1000, "took " + millis + " ms");
    problem(given().auth().oauth2(TestTokens.cityAdmin()).post("/dead/api/v1/x").then(), 503);
  }

  @Test
  void slowBackendIs504AtTheRouteTimeout() {
    long start = System.nanoTime();
    problem(given().auth().oauth2(TestTokens.cityAdmin()).get("/slow/api/v1/x").then(), 504)
        .body("type", equalTo("urn:jinan-edu:problem:gateway-timeout"));
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(millis >= 450 && millis < 2500, "took " + millis + " ms");
  }

  @Test
  void circuitOpensAfterFailuresAndHalfOpensLater() throws Exception {
    String token = TestTokens.cityAdmin();
    String flaky = ConfigProvider.getConfig().getValue("test.flaky.url", String.class);
    given().post(flaky + "/admin/fail?on=true").then().statusCode(200);
    try {
      for (int i = 0; i < 3; i++) {
        given().auth().oauth2(token).get("/flaky/x").then().statusCode(503).body(equalTo("flaky"));
      }
      long hits = Long.parseLong(given().get(flaky + "/admin/hits").asString());
      // Open: refused at the gateway without reaching the backend.
      problem(given().auth().oauth2(token).get("/flaky/x").then(), 503)
          .header("Retry-After", notNullValue())
          .body("detail", containsString("circuit is open"));
      assertEquals(hits, Long.parseLong(given().get(flaky + "/admin/hits").asString()));
    } finally {
      given().post(flaky + "/admin/fail?on=false").then().statusCode(200);
    }
    Thread.sleep(1_100);
    // Half-open: one trial call goes through, succeeds and closes the circuit.
    given().auth().oauth2(token).get("/flaky/x").then().statusCode(200).body(equalTo("flaky"));
    given().auth().oauth2(token).get("/flaky/x").then().statusCode(200);
  }

  // ---- body size ----------------------------------------------------------------------------

  @Test
  void bodyOverTheRouteLimitIs413() {
    String token = TestTokens.as("city-admin").client("size-" + UUID.randomUUID()).sign();
    problem(
        given().auth().oauth2(token).body(new byte[2048]).post("/tight/api/v1/upload").then(), 413);
    String token2 = TestTokens.as("city-admin").client("size-" + UUID.randomUUID()).sign();
    // Chunked, without Content-Length: counted while streaming.
    problem(
        given()
            .auth()
            .oauth2(token2)
            .body(new ByteArrayInputStream(new byte[64 * 1024]))
            .post("/tight/api/v1/upload")
            .then(),
        413);
  }

  @Test
  void uploadStreamsThrough() {
    int size = 20 * 1024 * 1024;
    given()
        .auth()
        .oauth2(TestTokens.dataReporter())
        .contentType("text/csv")
        .body(new ByteArrayInputStream(new byte[size]))
        .post("/registry/api/v1/imports")
        .then()
        .statusCode(200)
        .body("bodyBytes", equalTo(size));
  }

  // ---- docs, health, metrics, headers -------------------------------------------------------

  @Test
  void mergedOpenApiHasEveryServiceWithPrefixedPathsAndValidRefs() throws Exception {
    String json = given().get("/openapi/merged.json").then().statusCode(200).extract().asString();
    var doc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
    assertTrue(doc.at("/paths").has("/registry/api/v1/units"), json);
    assertTrue(doc.at("/paths").has("/milestone/api/v1/milestones"), json);
    assertTrue(doc.at("/paths").has("/quality/api/v1/dashboard"), json);
    assertTrue(doc.at("/servers/0/url").asText().startsWith("http://localhost:"), json);
    var schemas = doc.at("/components/schemas");
    assertTrue(schemas.has("registry_Item") && schemas.has("milestone_Item"), json);
    assertFalse(schemas.has("Item"), json);
    assertEquals(
        "#/components/schemas/milestone_Item",
        doc.at(
                "/paths/~1milestone~1api~1v1~1milestones/get/responses/200/content/application~1json/schema/$ref")
            .asText());
    assertEquals(
        "milestone_list",
        doc.at("/paths/~1milestone~1api~1v1~1milestones/get/operationId").asText());
    assertEquals(
        java.util.List.of(),
        cn.jinan.edu.gateway.domain.OpenApiMerger.danglingRefs(doc),
        "every $ref resolves");
    given()
        .get("/openapi/services")
        .then()
        .statusCode(200)
        .body("service", org.hamcrest.Matchers.hasItems("registry", "milestone", "quality"));
    given()
        .get("/openapi/registry.json")
        .then()
        .statusCode(200)
        .body("servers[0].url", org.hamcrest.Matchers.endsWith("/registry"))
        .body("paths", hasKey("/api/v1/units"));
    problem(given().get("/openapi/nothing.json").then(), 404);
  }

  @Test
  void readinessIncludesBackendsLivenessDoesNot() {
    management()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.find { it.name == 'gateway backends' }.data.registry", startsWith("UP"))
        .body("checks.find { it.name == 'gateway backends' }.data.dead", startsWith("DOWN"));
    management()
        .get("/q/health/live")
        .then()
        .statusCode(200)
        .body("checks.find { it.name == 'gateway backends' }", nullValue());
  }

  @Test
  void metricsPerRouteAndStatus() {
    given().get("/registry/api/v1/units").then().statusCode(200);
    management()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .body(containsString("gateway_requests_seconds_count{"))
        .body(containsString("route=\"/registry/**\""))
        .body(containsString("status=\"200\""))
        // Proxied paths are reported by route template only, never one series per path.
        .body(containsString("uri=\"/registry/**\""))
        .body(not(containsString("uri=\"/registry/api/v1/units\"")));
  }

  @Test
  void locationHeadersNameTheGatewayNotTheBackend() {
    String location =
        given()
            .auth()
            .oauth2(TestTokens.cityAdmin())
            .redirects()
            .follow(false)
            .post("/registry/api/v1/created")
            .then()
            .statusCode(201)
            .extract()
            .header("Location");
    assertTrue(
        location.matches(
            "http://[^/]+:" + gateway.getPort() + "/registry/api/v1/things/7\\?view=full"),
        location);
  }

  @Test
  void oneJsonAccessLogLinePerRequest() throws Exception {
    List<String> lines = new CopyOnWriteArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord r) {
            lines.add(r.getMessage());
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger access = Logger.getLogger("gateway.access");
    access.addHandler(capture);
    try {
      given()
          .auth()
          .oauth2(TestTokens.cityAdmin())
          .header("X-Request-Id", "log-check-1")
          .get("/registry/api/v1/things/42?q=1")
          .then()
          .statusCode(200);
      given().get("/no/such/route").then().statusCode(404);
    } finally {
      access.removeHandler(capture);
    }
    ObjectMapper json = new ObjectMapper();
    JsonNode proxied =
        lines.stream()
            .map(l -> readTree(json, l))
            .filter(n -> "log-check-1".equals(n.path("requestId").asText()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no access line in " + lines));
    assertEquals("GET", proxied.path("method").asText());
    assertEquals("/registry/**", proxied.path("path").asText(), "the route, not the raw path");
    assertEquals(200, proxied.path("status").asInt());
    assertTrue(proxied.path("durationMs").isNumber());
    assertTrue(proxied.path("bytes").asLong() > 0);
    assertFalse(proxied.path("clientId").asText().isEmpty());
    assertTrue(proxied.path("time").asText().endsWith("Z"));
    // Requests outside every route are logged too.
    assertTrue(
        lines.stream().map(l -> readTree(json, l)).anyMatch(n -> n.path("status").asInt() == 404),
        lines.toString());
  }

  private static JsonNode readTree(ObjectMapper json, String line) {
    try {
      return json.readTree(line);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + line, e);
    }
  }

  @Test
  void securityHeadersAndCors() {
    given()
        .get("/registry/api/v1/units")
        .then()
        .header("X-Content-Type-Options", "nosniff")
        .header("Strict-Transport-Security", nullValue())
        .header("Server", nullValue());
    given()
        .header("X-Forwarded-Proto", "https")
        .get("/registry/api/v1/units")
        .then()
        .header("Strict-Transport-Security", startsWith("max-age="));
    given()
        .header("Origin", "https://portal.example.gov.cn")
        .header("Access-Control-Request-Method", "GET")
        .options("/registry/api/v1/units")
        .then()
        .statusCode(lessThan(300))
        .header("Access-Control-Allow-Origin", "https://portal.example.gov.cn");
  }

  @Test
  void unknownPathsStayProblems() {
    problem(given().get("/registryx/api").then(), 404);
    assertEquals(Map.of(), Map.of());
  }
}
