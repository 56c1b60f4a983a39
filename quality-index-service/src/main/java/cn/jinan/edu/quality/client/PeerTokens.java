package cn.jinan.edu.quality.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The bearer token for calls to other services, behind one switch: {@code static} sends PEER_TOKEN
 * (local run, tests); {@code client-credentials} asks the OIDC issuer for a client-credentials
 * token on first use and caches it until shortly before it expires. Nothing is contacted at
 * start-up, so the service starts while the issuer is down.
 */
public final class PeerTokens implements Supplier<Optional<String>> {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String mode;
  private final String staticToken;
  private final String issuer;
  private final String clientId;
  private final String clientSecret;
  private final HttpClient http;
  private final Duration timeout;

  private String cached;
  private Instant cachedUntil = Instant.EPOCH;
  private String tokenEndpoint;

  public PeerTokens(
      String mode,
      String staticToken,
      String issuer,
      String clientId,
      String clientSecret,
      Duration timeout) {
    this.mode = mode == null ? "static" : mode;
    this.staticToken = staticToken;
    this.issuer = issuer;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  public static PeerTokens ofStatic(String token) {
    return new PeerTokens("static", token, null, null, null, Duration.ofSeconds(3));
  }

  /** The token to send, or empty when none is configured or the issuer cannot be reached. */
  @Override
  public synchronized Optional<String> get() {
    if (!"client-credentials".equals(mode)) {
      return Optional.ofNullable(staticToken).filter(t -> !t.isBlank());
    }
    if (cached != null && Instant.now().isBefore(cachedUntil)) {
      return Optional.of(cached);
    }
    if (issuer == null || issuer.isBlank() || clientId == null || clientId.isBlank()) {
      return Optional.empty();
    }
    try {
      if (tokenEndpoint == null) {
        JsonNode discovery =
            send(
                HttpRequest.newBuilder(
                        URI.create(
                            issuer.replaceAll("/+$", "") + "/.well-known/openid-configuration"))
                    .timeout(timeout)
                    .GET()
                    .build());
        tokenEndpoint = discovery.path("token_endpoint").asText(null);
      }
      String form =
          "grant_type=client_credentials&client_id="
              + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
              + "&client_secret="
              + URLEncoder.encode(clientSecret == null ? "" : clientSecret, StandardCharsets.UTF_8);
      JsonNode token =
          send(
              HttpRequest.newBuilder(URI.create(tokenEndpoint))
                  .timeout(timeout)
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(form))
                  .build());
      cached = token.path("access_token").asText(null);
      // Renew 30 s early so a token never expires in flight.
      cachedUntil =
          Instant.now().plusSeconds(Math.max(0, token.path("expires_in").asLong(60) - 30));
      return Optional.ofNullable(cached);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private JsonNode send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("issuer answered " + response.statusCode());
    }
    return JSON.readTree(response.body());
  }
}
