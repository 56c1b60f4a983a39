package cn.jinan.edu.systemtests.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** A plain java.net.http client with Jackson: what an integrator's system would use. */
public final class Http {
  public static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(2))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  public Call get(String url) {
    return new Call("GET", url);
  }

  public Call post(String url) {
    return new Call("POST", url);
  }

  public Call put(String url) {
    return new Call("PUT", url);
  }

  /** application/x-www-form-urlencoded body of a token request. */
  static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  /** One request being built. */
  public final class Call {
    private final String method;
    private final String url;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String body;

    private Call(String method, String url) {
      this.method = method;
      this.url = url;
    }

    public Call bearer(String token) {
      return header("Authorization", "Bearer " + token);
    }

    public Call ifMatch(String etag) {
      return header("If-Match", etag);
    }

    public Call header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    /** A JSON body: a string is sent as it is, anything else serialised by Jackson. */
    public Call json(Object value) {
      headers.put("Content-Type", "application/json");
      try {
        body = value instanceof String s ? s : JSON.writeValueAsString(value);
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException(e);
      }
      return this;
    }

    public Call body(String contentType, String text) {
      headers.put("Content-Type", contentType);
      body = text;
      return this;
    }

    public Reply send() {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create(url))
              .timeout(Duration.ofSeconds(30))
              .method(
                  method,
                  body == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
      headers.forEach(b::header);
      try {
        HttpResponse<String> r =
            client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Reply(method, url, r.statusCode(), r.headers(), r.body());
      } catch (IOException e) {
        throw new UncheckedIOException(method + " " + url, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted: " + method + " " + url, e);
      }
    }

    /** Sends and asserts the status; the message names the request and shows the body. */
    public Reply expect(int status) {
      return send().expect(status);
    }
  }

  /** A response, with what the scenarios read from it. */
  public record Reply(String method, String url, int status, HttpHeaders headers, String body) {

    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (JsonProcessingException e) {
        throw new AssertionError(this + " is not JSON", e);
      }
    }

    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    public String etag() {
      String etag = header("ETag");
      assertTrue(etag != null && !etag.isBlank(), "no ETag on " + this);
      return etag;
    }

    public Reply expect(int expected) {
      assertEquals(expected, status, () -> "unexpected status of " + this);
      return this;
    }

    /**
     * An RFC 9457 problem of the suite's catalogue: the status, {@code application/problem+json},
     * {@code type urn:jinan-edu:problem:<type>} and a body status that agrees.
     */
    public Reply expectProblem(int expected, String type) {
      expect(expected);
      String contentType = header("Content-Type");
      assertTrue(
          contentType != null && contentType.startsWith("application/problem+json"),
          () -> "not problem+json: " + this);
      JsonNode p = json();
      assertEquals("urn:jinan-edu:problem:" + type, p.path("type").asText(), () -> toString());
      assertEquals(expected, p.path("status").asInt(), () -> toString());
      assertTrue(p.hasNonNull("title") && p.hasNonNull("requestId"), () -> toString());
      return this;
    }

    @Override
    public String toString() {
      String shown =
          body == null ? "" : body.length() > 2000 ? body.substring(0, 2000) + "…" : body;
      return method + " " + url + " -> " + status + " " + shown;
    }
  }
}
