package cn.jinan.edu.systemtests.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens from the real Keycloak: the password grant of the test client for people, client
 * credentials for systems. Reused until a minute before they expire, as the integration guide tells
 * integrators to do.
 */
public final class Tokens {
  private record Cached(String token, Instant renewAt) {}

  private final Http http;
  private final String keycloak;
  private final String issuer;
  private final Map<String, String> secrets;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  Tokens(Http http, String keycloak, String issuer, Map<String, String> secrets) {
    this.http = http;
    this.keycloak = keycloak;
    this.issuer = issuer;
    this.secrets = secrets;
  }

  /** A person's token (realm edu, client e2e-tests). */
  public String user(String username) {
    return cache
        .compute(
            "user:" + username,
            (k, c) ->
                c != null && Instant.now().isBefore(c.renewAt())
                    ? c
                    : fresh(issuer, passwordGrant(Realms.TEST_CLIENT, username)))
        .token();
  }

  /** A system's token: client credentials of one of the realm's confidential clients. */
  public String client(String clientId) {
    String secret = secrets.get(clientId);
    if (secret == null) {
      throw new IllegalArgumentException("no secret for client " + clientId);
    }
    return cache
        .compute(
            "client:" + clientId,
            (k, c) ->
                c != null && Instant.now().isBefore(c.renewAt())
                    ? c
                    : fresh(
                        issuer,
                        Map.of(
                            "grant_type", "client_credentials",
                            "client_id", clientId,
                            "client_secret", secret)))
        .token();
  }

  /** A new token that expires {@value Realms#SHORT_LIFESPAN_SECONDS} seconds after issue. */
  public String shortLived(String username) {
    return fresh(issuer, passwordGrant(Realms.SHORT_LIVED_CLIENT, username)).token();
  }

  /** A city-admin's token from the realm the suite does not trust. */
  public String fromOtherRealm() {
    String other = keycloak + "/realms/" + Realms.OTHER_REALM;
    return fresh(other, passwordGrant(Realms.TEST_CLIENT, TestUsers.INTRUDER.username())).token();
  }

  /** The decoded payload of a JWT, to check what Keycloak put in it. */
  public static JsonNode claims(String jwt) {
    String[] parts = jwt.split("\\.");
    byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
    try {
      return Http.JSON.readTree(new String(payload, StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new IllegalArgumentException("not a JWT", e);
    }
  }

  private static Map<String, String> passwordGrant(String clientId, String username) {
    return Map.of(
        "grant_type",
        "password",
        "client_id",
        clientId,
        "username",
        username,
        "password",
        Realms.password(username));
  }

  private Cached fresh(String realmIssuer, Map<String, String> form) {
    Http.Reply r =
        http.post(realmIssuer + "/protocol/openid-connect/token")
            .body("application/x-www-form-urlencoded", Http.form(form))
            .send();
    if (r.status() != 200) {
      throw new IllegalStateException(
          "Keycloak refused a token (" + form.get("client_id") + "): " + r);
    }
    JsonNode t = r.json();
    long expiresIn = t.path("expires_in").asLong();
    return new Cached(
        t.path("access_token").asText(), Instant.now().plusSeconds(Math.max(0, expiresIn - 60)));
  }
}
