package cn.jinan.edu.platform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs the packaged service in the prod profile: it must refuse to start without an OIDC issuer,
 * and with one it must serve health, Swagger UI and problem+json 401s.
 */
public abstract class ProdProfileContract {

  /** Environment the service needs besides OIDC, e.g. its database name. */
  protected abstract Map<String, String> environment();

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

  @Test
  void servesHealthSwaggerAndProblemsInProd() throws Exception {
    Map<String, String> env = new HashMap<>(environment());
    // An issuer that is not reachable: the service must still start and answer without tokens.
    env.put("OIDC_ISSUER_URL", "http://127.0.0.1:9/realms/edu");
    try (PackagedService service = PackagedService.start(env)) {
      service.awaitHttp200("/q/health/live", Duration.ofSeconds(60));
      HttpClient client = HttpClient.newHttpClient();
      assertEquals(200, service.get(client, "/q/swagger-ui/").statusCode());
      HttpResponse<String> me = service.get(client, "/api/v1/me");
      assertEquals(401, me.statusCode(), me.body());
      assertTrue(
          me.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
          me.headers().toString());
      assertTrue(service.output().contains("\"level\""), "prod logs are JSON");
    }
  }
}
