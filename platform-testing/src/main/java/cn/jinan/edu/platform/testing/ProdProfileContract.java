package cn.jinan.edu.platform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Runs the packaged service in the prod profile: it records its ahead-of-time cache, must refuse to
 * start without an OIDC issuer, and with one it must start with the cache and serve health, Swagger
 * UI and problem+json 401s.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public abstract class ProdProfileContract {

  /** Environment the service needs besides OIDC, e.g. its database name. */
  protected abstract Map<String, String> environment();

  /** Swagger UI: on the management interface of a domain service (the gateway overrides this). */
  protected HttpResponse<String> swaggerUi(PackagedService service, HttpClient client)
      throws Exception {
    return service.management(client, "/q/swagger-ui/");
  }

  @Test
  @Order(2)
  void refusesToStartWithoutIssuer() throws Exception {
    try (PackagedService service = PackagedService.start(environment())) {
      int exit = service.awaitExit(Duration.ofSeconds(60));
      String output = service.output();
      assertNotEquals(-1, exit, "still running after 60 s without an issuer:\n" + output);
      assertNotEquals(0, exit, output);
      // quarkus-oidc stops the start-up naming the property that OIDC_ISSUER_URL sets.
      assertTrue(
          output.contains("'quarkus.oidc.auth-server-url' property must be configured"), output);
    }
  }

  /**
   * The training run of the JDK's ahead-of-time cache, as src/main/docker/Dockerfile.jvm and
   * ./run.sh do it: a start without database or reachable issuer (migrations and schema validation
   * skipped for this run only) that exits by itself, after which the JVM assembles the cache. It
   * writes target/quarkus-app/app.aot, which the later starts of this build use. First, so that
   * they do.
   */
  @Test
  @Order(1)
  void recordsTheAotCacheAndExits() throws Exception {
    Files.deleteIfExists(PackagedService.AOT_CACHE);
    Map<String, String> env = new HashMap<>(environment());
    env.put("OIDC_ISSUER_URL", "http://127.0.0.1:9/realms/none");
    env.put("DB_HOST", "127.0.0.1");
    env.put("DB_PORT", "9");
    List<String> options =
        List.of(
            "-XX:AOTCacheOutput=" + PackagedService.AOT_CACHE,
            "-Dplatform.exit-after-start=true",
            "-Dquarkus.flyway.migrate-at-start=false",
            "-Dquarkus.hibernate-orm.schema-management.strategy=none");
    try (PackagedService service = PackagedService.start(env, options)) {
      int exit = service.awaitExit(Duration.ofSeconds(240));
      String output = service.output();
      assertEquals(0, exit, "the training run must start, exit and assemble the cache:\n" + output);
      assertTrue(output.contains("AOTCache creation is complete"), output);
      long size = Files.size(PackagedService.AOT_CACHE);
      assertTrue(size > 10_000_000, "AOT cache of " + size + " bytes");
    }
  }

  /** Also: it starts with the cache just recorded ({@code AOTMode=on} refuses to start without). */
  @Test
  @Order(3)
  void servesHealthSwaggerAndProblemsInProd() throws Exception {
    Map<String, String> env = new HashMap<>(environment());
    // An issuer that is not reachable: the service must still start and answer without tokens.
    env.put("OIDC_ISSUER_URL", "http://127.0.0.1:9/realms/edu");
    List<String> aot = List.of("-XX:AOTMode=on", "-Xlog:aot=info");
    try (PackagedService service = PackagedService.start(env, aot)) {
      service.awaitManagement200("/q/health/live", Duration.ofSeconds(60));
      HttpClient client = HttpClient.newHttpClient();
      assertEquals(200, swaggerUi(service, client).statusCode());
      assertEquals(
          404, service.get(client, "/q/health/live").statusCode(), "no health on the public port");
      HttpResponse<String> me = service.get(client, "/api/v1/me");
      assertEquals(401, me.statusCode(), me.body());
      assertTrue(
          me.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
          me.headers().toString());
      assertTrue(service.output().contains("\"level\""), "prod logs are JSON");
      assertTrue(
          service.output().contains("Using AOT-linked classes: true"),
          "started with the AOT cache:\n" + service.output());
    }
  }
}
