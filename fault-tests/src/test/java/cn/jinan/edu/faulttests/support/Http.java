package cn.jinan.edu.faulttests.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Plain java.net.http calls that never throw: every call ends as an {@link Answer}, holding either
 * the response or the error (a timeout, a reset), and when it started and ended.
 */
public final class Http {
  public static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client;

  public Http() {
    client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
  }

  /** A request with a bearer token (none when null) and the given client timeout. */
  public static HttpRequest.Builder request(String url, String token, Duration timeout) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(timeout)
            .header("Accept", "application/json, application/problem+json");
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return b;
  }

  public static HttpRequest.BodyPublisher json(Object body) {
    try {
      return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Answer send(HttpRequest request) {
    long start = System.nanoTime();
    try {
      HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(r.statusCode(), r.headers(), r.body(), start, System.nanoTime(), null);
    } catch (IOException e) {
      return new Answer(-1, null, null, start, System.nanoTime(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(-1, null, null, start, System.nanoTime(), e);
    }
  }

  /** One call's outcome; {@code status} is -1 when no response came ({@code error} says why). */
  public record Answer(
      int status,
      HttpHeaders headers,
      String body,
      long startNanos,
      long endNanos,
      Throwable error) {

    public long millis() {
      return (endNanos - startNanos) / 1_000_000;
    }

    public boolean answered() {
      return error == null;
    }

    public boolean ok() {
      return status >= 200 && status < 300;
    }

    public Optional<String> header(String name) {
      return headers == null ? Optional.empty() : headers.firstValue(name);
    }

    public boolean isProblem() {
      return header("Content-Type")
          .map(t -> t.startsWith("application/problem+json"))
          .orElse(false);
    }

    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON (" + status + "): " + body, e);
      }
    }

    /** For assertion messages. */
    public String describe() {
      if (error != null) {
        return "no answer after " + millis() + " ms: " + error;
      }
      String text = body == null ? "" : body;
      return status
          + " "
          + header("Content-Type").orElse("(no content type)")
          + " after "
          + millis()
          + " ms: "
          + (text.length() > 300 ? text.substring(0, 300) + "…" : text);
    }
  }
}
