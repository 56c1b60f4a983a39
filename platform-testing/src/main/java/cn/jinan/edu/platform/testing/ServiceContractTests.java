package cn.jinan.edu.platform.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * What every service promises, run by each service's own {@code @QuarkusTest} subclass: the
 * security model of /api/v1/me, the error format at the HTTP layer, request ids, OpenAPI and
 * health.
 */
public abstract class ServiceContractTests {
  static final String PROBLEM_JSON = "application/problem+json";

  static ValidatableResponse assertProblem(ValidatableResponse response, int status) {
    return response
        .statusCode(status)
        .contentType(startsWith(PROBLEM_JSON))
        .body("status", equalTo(status))
        .body("type", startsWith("urn:jinan-edu:problem:"))
        .body("title", notNullValue())
        .body("requestId", notNullValue());
  }

  @Test
  void meWithoutTokenIs401Problem() {
    assertProblem(given().when().get("/api/v1/me").then(), 401)
        .header("WWW-Authenticate", startsWith("Bearer"))
        .body("instance", equalTo("/api/v1/me"));
  }

  @Test
  void meWithDistrictReviewerTokenShowsRolesAndScope() {
    given()
        .auth()
        .oauth2(TestTokens.as("district-reviewer").district("370102").subject("rev-1").sign())
        .when()
        .get("/api/v1/me")
        .then()
        .statusCode(200)
        .body("subject", equalTo("rev-1"))
        .body("clientId", equalTo("test-client"))
        .body("issuer", equalTo(TestTokens.ISSUER))
        .body("roles", containsInAnyOrder("district-reviewer"))
        .body("districtCode", equalTo("370102"))
        .body("expiresAt", notNullValue());
  }

  @Test
  void meReadsTopLevelRolesAndSchoolClaim() {
    given()
        .auth()
        .oauth2(
            TestTokens.as("school-applicant").school("12370102MB0000001X").topLevelRoles().sign())
        .when()
        .get("/api/v1/me")
        .then()
        .statusCode(200)
        .body("roles", containsInAnyOrder("school-applicant"))
        .body("schoolCode", equalTo("12370102MB0000001X"));
  }

  @Test
  void aVerifiedTokenIsReusedButNeverPastItsExpiry() throws InterruptedException {
    // Whole seconds: JWT expiry has no finer resolution.
    Instant expiry = Instant.ofEpochSecond(Instant.now().getEpochSecond() + 3);
    String token = TestTokens.as("auditor").subject("cached-1").expiresAt(expiry).sign();
    double hitsBefore = verifiedTokenHits();
    for (int i = 0; i < 3; i++) {
      given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200);
    }
    assertTrue(
        verifiedTokenHits() >= hitsBefore + 2, "the second and third call reuse the verification");
    long wait = expiry.toEpochMilli() - System.currentTimeMillis() + 1_100;
    Thread.sleep(Math.max(0, wait));
    assertProblem(given().auth().oauth2(token).get("/api/v1/me").then(), 401);
  }

  private static double verifiedTokenHits() {
    String metrics =
        management().accept("text/plain").get("/q/metrics").then().extract().asString();
    return metrics
        .lines()
        .filter(
            l -> l.startsWith("platform_verified_tokens_total{") && l.contains("result=\"hit\""))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }

  @Test
  void tokenSignedByAnotherKeyIs401() {
    assertProblem(
        given()
            .auth()
            .oauth2(TestTokens.as("city-admin").foreignKey().sign())
            .get("/api/v1/me")
            .then(),
        401);
  }

  @Test
  void expiredTokenIs401() {
    assertProblem(
        given()
            .auth()
            .oauth2(TestTokens.as("city-admin").expired().sign())
            .get("/api/v1/me")
            .then(),
        401);
  }

  @Test
  void tokenFromAnotherIssuerIs401() {
    assertProblem(
        given()
            .auth()
            .oauth2(TestTokens.as("city-admin").issuer("https://evil.invalid/realms/edu").sign())
            .get("/api/v1/me")
            .then(),
        401);
  }

  @Test
  void unsignedTokenIs401() {
    assertProblem(
        given().auth().oauth2(TestTokens.as("city-admin").unsigned()).get("/api/v1/me").then(),
        401);
  }

  @Test
  void garbageTokenIs401() {
    assertProblem(given().auth().oauth2("not-a-jwt").get("/api/v1/me").then(), 401);
  }

  @Test
  void unknownRouteIs404Problem() {
    assertProblem(given().get("/api/v1/no-such-thing").then(), 404)
        .body("instance", equalTo("/api/v1/no-such-thing"));
    assertProblem(given().get("/nothing/here").then(), 404);
  }

  @Test
  void wrongMethodIs405Problem() {
    assertProblem(given().auth().oauth2(TestTokens.cityAdmin()).delete("/api/v1/me").then(), 405);
  }

  @Test
  void requestIdIsEchoedOrGenerated() {
    given()
        .header("X-Request-Id", "caller-chosen-42")
        .get("/api/v1/me")
        .then()
        .header("X-Request-Id", equalTo("caller-chosen-42"))
        .body("requestId", equalTo("caller-chosen-42"));
    given().get("/api/v1/me").then().header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
    // An id that could inject into logs is replaced, not echoed.
    given()
        .header("X-Request-Id", "bad id\twith tab")
        .get("/api/v1/me")
        .then()
        .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
  }

  @Test
  void openApiDeclaresBearerScheme() {
    docs()
        .accept("application/json")
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .body("openapi", startsWith("3."))
        .body("components.securitySchemes", hasKey("bearerAuth"))
        .body("components.securitySchemes.bearerAuth.type", equalTo("http"))
        .body("components.securitySchemes.bearerAuth.scheme", equalTo("bearer"))
        .body("paths", hasKey("/api/v1/me"));
  }

  @Test
  void healthMetricsAndOpenApiOnTheManagementPortOnly() {
    management().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    management().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    docs().get("/q/swagger-ui/").then().statusCode(200);
    management().get("/q/metrics").then().statusCode(200);
    given().get("/q/health/live").then().statusCode(404);
    given().get("/q/health/ready").then().statusCode(404);
    given().get("/q/metrics").then().statusCode(404);
    if (openApiOnManagement()) {
      given().get("/q/openapi").then().statusCode(404);
    }
  }

  /**
   * Whether the OpenAPI document and Swagger UI are on the management interface (the domain
   * services) or on the public port (the gateway, whose API docs are public on purpose).
   */
  protected boolean openApiOnManagement() {
    return true;
  }

  private RequestSpecification docs() {
    return openApiOnManagement() ? management() : given();
  }

  /** Requests to the management interface of the application under test. */
  public static RequestSpecification management() {
    return given().port(managementPort());
  }

  static int managementPort() {
    return ConfigProvider.getConfig()
        .getOptionalValue("quarkus.management.test-port", Integer.class)
        .orElse(9001);
  }
}
