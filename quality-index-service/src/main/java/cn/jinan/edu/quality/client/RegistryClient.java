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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Reads registry-service's public API (contracts.md): statistics for GROUP_REGISTRATION_DONE and
 * the cooperations in force for group value added. Every call has a timeout; on failure the caller
 * gets a fallback, never an exception: statistics → empty (the target then reads reported data),
 * registrations → the last list read successfully, or an empty one marked unavailable.
 */
public class RegistryClient {
  private static final Logger LOG = Logger.getLogger(RegistryClient.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String baseUrl;
  private final Duration timeout;
  private final Supplier<Optional<String>> tokens;
  private final int maxPages;
  private final HttpClient http;

  private volatile Groups lastGood;
  private volatile Duration statisticsFreshness = Duration.ZERO;
  private final java.util.concurrent.ConcurrentHashMap<LocalDate, Fresh> recentStatistics =
      new java.util.concurrent.ConcurrentHashMap<>();

  private record Fresh(Statistics statistics, long readAtNanos) {}

  /** Reuses statistics read within {@code freshness}; failures are never remembered. */
  public RegistryClient withStatisticsFreshness(Duration freshness) {
    this.statisticsFreshness = freshness;
    return this;
  }

  public RegistryClient(
      String baseUrl, Duration timeout, Supplier<Optional<String>> tokens, int maxPages) {
    this.baseUrl = baseUrl.replaceAll("/+$", "");
    this.timeout = timeout;
    this.tokens = tokens;
    this.maxPages = maxPages;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** City-wide registration counts (filed = ever filed; expected = all but rejected/revoked). */
  public record Statistics(LocalDate asOf, long filed, long expected, double shareFiled) {}

  /** A cooperation in force: lead school and member schools by USCC. */
  public record Group(
      String filingNumber,
      String name,
      String mode,
      String leadSchoolUscc,
      String leadDistrictCode,
      List<String> memberSchoolUsccs) {}

  /**
   * The cooperations in force.
   *
   * @param source "registry-service", "registry-service (cached at …)" or "unavailable"
   */
  public record Groups(List<Group> groups, boolean live, String source) {}

  public Optional<Statistics> statistics(LocalDate asOf) {
    Fresh fresh = recentStatistics.get(asOf);
    if (fresh != null && System.nanoTime() - fresh.readAtNanos() < statisticsFreshness.toNanos()) {
      return Optional.of(fresh.statistics());
    }
    Optional<Statistics> read = readStatistics(asOf);
    if (read.isPresent() && !statisticsFreshness.isZero()) {
      if (recentStatistics.size() > 1000) {
        recentStatistics.clear();
      }
      recentStatistics.put(asOf, new Fresh(read.get(), System.nanoTime()));
    }
    return read;
  }

  private Optional<Statistics> readStatistics(LocalDate asOf) {
    try {
      JsonNode body = get("/api/v1/public/statistics?asOf=" + asOf);
      JsonNode city = body.path("city");
      if (!city.has("filed") || !city.has("expected")) {
        throw new IOException("statistics without city.filed / city.expected");
      }
      return Optional.of(
          new Statistics(
              asOf,
              city.path("filed").asLong(),
              city.path("expected").asLong(),
              city.path("shareFiled").asDouble()));
    } catch (IOException | RuntimeException e) {
      LOG.warnf("registry-service statistics unavailable (%s); using reported data", e.toString());
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** One period of a unit as registry-service (the owner of units) publishes it. */
  public record RegistryUnit(
      String code, String nameZh, String kind, LocalDate validFrom, LocalDate validTo) {}

  /**
   * Every period of every unit (public GET /api/v1/units?all=true); empty when the registry cannot
   * be read or answers something that is not a unit list, so that a failure never looks like "no
   * units".
   */
  public Optional<List<RegistryUnit>> units() {
    try {
      JsonNode body = get("/api/v1/units?all=true");
      if (!body.isArray()) {
        throw new IOException("units: not a JSON array");
      }
      List<RegistryUnit> out = new ArrayList<>();
      for (JsonNode u : body) {
        if (!u.hasNonNull("code") || !u.hasNonNull("validFrom")) {
          throw new IOException("units: an item without code or validFrom");
        }
        out.add(
            new RegistryUnit(
                u.path("code").asText(),
                u.path("nameZh").asText(),
                u.path("kind").asText(),
                LocalDate.parse(u.path("validFrom").asText()),
                u.hasNonNull("validTo") ? LocalDate.parse(u.path("validTo").asText()) : null));
      }
      return Optional.of(out);
    } catch (IOException | RuntimeException e) {
      LOG.warnf("registry-service units unavailable (%s); keeping the units held", e.toString());
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  public Groups registrations() {
    try {
      List<Group> out = new ArrayList<>();
      Set<String> seenCursors = new HashSet<>();
      String cursor = null;
      for (int page = 0; page < maxPages; page++) {
        String path =
            "/api/v1/public/registrations?limit=200"
                + (cursor == null
                    ? ""
                    : "&after=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        JsonNode body = get(path);
        for (JsonNode item : body.path("items")) {
          List<String> members = new ArrayList<>();
          item.path("memberSchools").forEach(m -> members.add(m.path("uscc").asText()));
          out.add(
              new Group(
                  item.path("filingNumber").asText(),
                  item.path("name").asText(null),
                  item.path("mode").asText(null),
                  item.path("leadSchool").path("uscc").asText(),
                  item.path("leadSchool").path("districtCode").asText(null),
                  members));
        }
        JsonNode next = body.path("nextCursor");
        if (next.isMissingNode() || next.isNull() || !seenCursors.add(next.asText())) {
          Groups groups = new Groups(List.copyOf(out), true, "registry-service");
          lastGood = groups;
          return groups;
        }
        cursor = next.asText();
      }
      throw new IOException("more than " + maxPages + " pages of registrations");
    } catch (IOException | RuntimeException e) {
      LOG.warnf("registry-service registrations unavailable (%s)", e.toString());
      return fallback();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fallback();
    }
  }

  private Groups fallback() {
    Groups cached = lastGood;
    if (cached != null) {
      return new Groups(cached.groups(), false, "registry-service (cached, read earlier)");
    }
    return new Groups(List.of(), false, "unavailable");
  }

  private JsonNode get(String path) throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(timeout)
            .header("Accept", "application/json")
            .GET();
    tokens.get().ifPresent(t -> request.header("Authorization", "Bearer " + t));
    Instant start = Instant.now();
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException(
          "GET "
              + path
              + " answered "
              + response.statusCode()
              + " after "
              + Duration.between(start, Instant.now()).toMillis()
              + " ms");
    }
    return JSON.readTree(response.body());
  }
}
