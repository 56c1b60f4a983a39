package cn.jinan.edu.platform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs the packaged service in the prod profile: it must refuse to start without an OIDC issuer,
 * and with one it must serve health, Swagger UI and problem+json 401s.
 */
public abstract class ProdProfileContract {

  /** Environment the service needs besides OIDC, e.g. its database name. */
  protected abstract Map<String, String> environment();

  /** Swagger UI: on the management interface of a domain service (the gateway overrides this). */
  protected HttpResponse<String> swaggerUi(PackagedService service, HttpClient client)
      throws Exception {
    return service.management(client, "/q/swagger-ui/");
  }

  @Test
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
   * What src/main/docker/Dockerfile.jvm runs at image build: a start without database or reachable
   * issuer that records the class-data archive and exits by itself.
   */
  @Test
  void recordsTheClassDataArchiveAndExits() throws Exception {
    Path archive = Files.createTempFile("app-cds", ".jsa");
    Files.delete(archive);
    Map<String, String> env = new HashMap<>(environment());
    env.put("OIDC_ISSUER_URL", "http://127.0.0.1:9/realms/none");
    env.put("DB_HOST", "127.0.0.1");
    env.put("DB_PORT", "9");
    List<String> options =
        List.of(
            "-XX:ArchiveClassesAtExit=" + archive,
            "-Dplatform.exit-after-start=true",
            "-Dquarkus.flyway.migrate-at-start=false",
            "-Dquarkus.hibernate-orm.schema-management.strategy=none");
    try (PackagedService service = PackagedService.start(env, options)) {
      int exit = service.awaitExit(Duration.ofSeconds(90));
      String output = service.output();
      assertEquals(0, exit, "the archive run must start and exit by itself:\n" + output);
      assertTrue(Files.size(archive) > 10_000_000, "archive of " + Files.size(archive) + " bytes");
    } finally {
      Files.deleteIfExists(archive);
    }
  }

  @Test
  void servesHealthSwaggerAndProblemsInProd() throws Exception {
    Map<String, String> env = new HashMap<>(environment());
    // An issuer that is not reachable: the service must still start and answer without tokens.
    env.put("OIDC_ISSUER_URL", "http://127.0.0.1:9/realms/edu");
    try (PackagedService service = PackagedService.start(env)) {
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
    }
  }
}
