package cn.jinan.edu.quality.client;

import cn.jinan.edu.quality.config.QualityConfig;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Reads registry-service (platform-peer's recipe): statistics for GROUP_REGISTRATION_DONE, the
 * units it owns and the cooperations in force for group value added. Each read has a timeout, is
 * retried (a GET), sits behind its own circuit breaker, and ends in a fallback, never an exception:
 * statistics → empty (the target then reads reported data), units → empty (the mirror keeps what it
 * holds), registrations → the last list read successfully, or an empty one marked unavailable.
 */
@ApplicationScoped
public class RegistryClient {
  private static final Logger LOG = Logger.getLogger(RegistryClient.class);
  private static final int PAGE_SIZE = 200;

  /**
   * Statistics answered within quality.registry.statistics-freshness are reused (quarkus-cache).
   */
  public static final String STATISTICS_CACHE = "registry-statistics";

  /** Circuit breaker names (CircuitBreakerMaintenance). */
  public static final String STATISTICS_BREAKER = "registry-statistics";

  public static final String UNITS_BREAKER = "registry-units";
  public static final String REGISTRATIONS_BREAKER = "registry-registrations";

  @Inject @RestClient RegistryApi api;
  @Inject QualityConfig config;

  @Inject
  @CacheName(STATISTICS_CACHE)
  Cache recentStatistics;

  private volatile Groups lastGood;

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
   * @param source "registry-service", "registry-service (cached, read earlier)" or "unavailable"
   */
  public record Groups(List<Group> groups, boolean live, String source) {}

  /** One period of a unit as registry-service (the owner of units) publishes it. */
  public record RegistryUnit(
      String code, String nameZh, String kind, LocalDate validFrom, LocalDate validTo) {}

  @Timeout
  @Retry
  @CircuitBreaker
  @CircuitBreakerName(STATISTICS_BREAKER)
  @Fallback(fallbackMethod = "noStatistics")
  public Optional<Statistics> statistics(LocalDate asOf) {
    // Only answers are cached: a failed read throws out of the loader and leaves no entry.
    return Optional.of(recentStatistics.get(asOf, this::readStatistics).await().indefinitely());
  }

  private Statistics readStatistics(LocalDate asOf) {
    RegistryApi.StatisticsBody body = api.statistics(asOf.toString());
    RegistryApi.CityCounts city = body == null ? null : body.city();
    if (city == null || city.filed() == null || city.expected() == null) {
      throw new IllegalStateException("statistics without city.filed / city.expected");
    }
    return new Statistics(
        asOf, city.filed(), city.expected(), city.shareFiled() == null ? 0 : city.shareFiled());
  }

  Optional<Statistics> noStatistics(LocalDate asOf, Throwable cause) {
    LOG.warnf("registry-service statistics unavailable (%s); using reported data", cause);
    return Optional.empty();
  }

  /**
   * Every period of every unit (public GET /api/v1/units?all=true); empty when the registry cannot
   * be read or answers something that is not a unit list, so that a failure never looks like "no
   * units".
   */
  @Timeout
  @Retry
  @CircuitBreaker
  @CircuitBreakerName(UNITS_BREAKER)
  @Fallback(fallbackMethod = "noUnits")
  public Optional<List<RegistryUnit>> units() {
    List<RegistryApi.UnitBody> body = api.units(true);
    if (body == null) {
      throw new IllegalStateException("units: empty response");
    }
    List<RegistryUnit> out = new ArrayList<>();
    for (RegistryApi.UnitBody u : body) {
      if (u == null || u.code() == null || u.validFrom() == null) {
        throw new IllegalStateException("units: an item without code or validFrom");
      }
      out.add(new RegistryUnit(u.code(), u.nameZh(), u.kind(), u.validFrom(), u.validTo()));
    }
    return Optional.of(out);
  }

  Optional<List<RegistryUnit>> noUnits(Throwable cause) {
    LOG.warnf("registry-service units unavailable (%s); keeping the units held", cause);
    return Optional.empty();
  }

  /** Every page of the cooperations in force, following the cursors (a repeated one ends it). */
  @Timeout
  @Retry
  @CircuitBreaker
  @CircuitBreakerName(REGISTRATIONS_BREAKER)
  @Fallback(fallbackMethod = "lastGoodGroups")
  public Groups registrations() {
    int maxPages = config.registry().maxPages();
    List<Group> out = new ArrayList<>();
    Set<String> seenCursors = new HashSet<>();
    String cursor = null;
    for (int page = 0; page < maxPages; page++) {
      RegistryApi.RegistrationsPage body = api.registrations(PAGE_SIZE, cursor);
      if (body == null) {
        throw new IllegalStateException("registrations: empty response");
      }
      if (body.items() != null) {
        body.items().forEach(item -> out.add(group(item)));
      }
      String next = body.nextCursor();
      if (next == null || !seenCursors.add(next)) {
        Groups groups = new Groups(List.copyOf(out), true, "registry-service");
        lastGood = groups;
        return groups;
      }
      cursor = next;
    }
    throw new IllegalStateException("more than " + maxPages + " pages of registrations");
  }

  Groups lastGoodGroups(Throwable cause) {
    LOG.warnf("registry-service registrations unavailable (%s)", cause);
    Groups cached = lastGood;
    if (cached != null) {
      return new Groups(cached.groups(), false, "registry-service (cached, read earlier)");
    }
    return new Groups(List.of(), false, "unavailable");
  }

  private static Group group(RegistryApi.RegistrationItem item) {
    RegistryApi.SchoolRef lead = item.leadSchool();
    List<String> members = new ArrayList<>();
    if (item.memberSchools() != null) {
      item.memberSchools().forEach(m -> members.add(m == null ? "" : text(m.uscc())));
    }
    return new Group(
        text(item.filingNumber()),
        item.name(),
        item.mode(),
        lead == null ? "" : text(lead.uscc()),
        lead == null ? null : lead.districtCode(),
        members);
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }
}
