package cn.jinan.edu.quality.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The registry client against a real small HTTP server that the test starts and stops (a stopped
 * server refuses connections, as a registry that is down does), and its fallbacks.
 */
@QuarkusTest
@TestProfile(RegistryClientTests.Stub.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RegistryClientTests {
  private static final String PORT = "registry-client-tests.port";

  /** The client pointed at the stub, with the static token and a short timeout. */
  public static class Stub implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "%test.quarkus.rest-client.registry.url", "http://127.0.0.1:" + port(),
          "platform.peer.token", "peer-token-1",
          "%test.platform.peer.timeout", "500ms",
          "%test.quality.registry.statistics-freshness", "1h");
    }
  }

  static synchronized int port() {
    String chosen = System.getProperty(PORT);
    if (chosen == null) {
      try (ServerSocket s = new ServerSocket(0)) {
        chosen = Integer.toString(s.getLocalPort());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      System.setProperty(PORT, chosen);
    }
    return Integer.parseInt(chosen);
  }

  static HttpServer server;
  static final List<String> authorizations = new CopyOnWriteArrayList<>();
  static final AtomicInteger registrationCalls = new AtomicInteger();
  static volatile long delayMillis;

  @Inject RegistryClient client;
  @Inject CircuitBreakerMaintenance breakers;

  @Inject
  @CacheName(RegistryClient.STATISTICS_CACHE)
  Cache statisticsCache;

  @BeforeEach
  void start() throws IOException {
    up();
    delayMillis = 0;
    authorizations.clear();
    registrationCalls.set(0);
    breakers.resetAll();
    statisticsCache.invalidateAll().await().indefinitely();
  }

  @AfterAll
  static void stopAll() {
    down();
  }

  static synchronized void up() throws IOException {
    if (server != null) {
      return;
    }
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", port()), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext(
        "/api/v1/public/statistics",
        ex -> {
          authorizations.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
          sleep();
          reply(
              ex,
              200,
              "{\"asOf\":\"2025-12-31\",\"deadline\":\"2025-12-31\",\"city\":{\"districtCode\":\"370100\","
                  + "\"nameZh\":\"济南市\",\"byState\":{},\"filed\":8,\"expected\":10,\"shareFiled\":0.8,"
                  + "\"schoolsInFiledGroups\":25},\"districts\":[]}");
        });
    server.createContext(
        "/api/v1/public/registrations",
        ex -> {
          registrationCalls.incrementAndGet();
          authorizations.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
          String query = ex.getRequestURI().getQuery();
          if (query.contains("after=1")) {
            reply(
                ex,
                200,
                "{\"items\":["
                    + item("0002", "12370103MB000001XX")
                    + "],\"nextCursor\":null,\"limit\":200}");
          } else {
            reply(
                ex,
                200,
                "{\"items\":["
                    + item("0001", "12370102MB0000017P")
                    + "],\"nextCursor\":\"1\",\"limit\":200}");
          }
        });
    server.createContext(
        "/api/v1/units",
        ex -> {
          if (!"all=true".equals(ex.getRequestURI().getQuery())) {
            reply(ex, 400, "{}");
            return;
          }
          reply(
              ex,
              200,
              "[{\"code\":\"370102\",\"nameZh\":\"历下区\",\"kind\":\"DISTRICT\","
                  + "\"validFrom\":\"2000-01-01\",\"validTo\":null},"
                  + "{\"code\":\"370171\",\"nameZh\":\"高新区\",\"kind\":\"FUNCTIONAL_ZONE\","
                  + "\"validFrom\":\"2026-01-01\",\"validTo\":\"2030-01-01\"}]");
        });
    server.start();
  }

  /** Stops the stub: its port refuses connections from now on. */
  static synchronized void down() {
    if (server != null) {
      server.stop(0);
      server = null;
    }
  }

  private static String item(String seq, String lead) {
    return "{\"filingNumber\":\"济教集备〔2025〕"
        + seq
        + "号\",\"filingNumberAscii\":\"JJJB-2025-"
        + seq
        + "\",\"name\":\"集团"
        + seq
        + "\",\"mode\":\"GROUP\",\"modeZh\":\"集团化办学\","
        + "\"leadSchool\":{\"uscc\":\""
        + lead
        + "\",\"nameZh\":\"牵头校\",\"districtCode\":\"370102\"},"
        + "\"memberSchools\":[{\"uscc\":\"91110000600037341L\",\"nameZh\":\"成员校\",\"districtCode\":\"370102\"}],"
        + "\"partners\":[],\"termStart\":\"2025-09-01\",\"termEnd\":\"2028-08-31\","
        + "\"filingDate\":\"2025-11-20\",\"state\":\"FILED\"}";
  }

  private static void sleep() {
    try {
      Thread.sleep(delayMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void reply(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    ex.getResponseBody().write(bytes);
    ex.close();
  }

  @Test
  @Order(1) // before any list was read: there is no last good one to fall back to
  void unreachableRegistryFallsBack() {
    down();
    assertTrue(client.statistics(LocalDate.of(2025, 12, 31)).isEmpty());
    RegistryClient.Groups g = client.registrations();
    assertFalse(g.live());
    assertEquals("unavailable", g.source());
    assertTrue(g.groups().isEmpty());
  }

  @Test
  void readsStatisticsWithTheBearerToken() {
    Optional<RegistryClient.Statistics> s = client.statistics(LocalDate.of(2025, 12, 31));
    assertTrue(s.isPresent());
    assertEquals(8, s.get().filed());
    assertEquals(10, s.get().expected());
    assertEquals("Bearer peer-token-1", authorizations.get(0));
  }

  @Test
  void readsEveryPeriodOfEveryUnit() {
    List<RegistryClient.RegistryUnit> units = client.units().orElseThrow();
    assertEquals(2, units.size());
    assertEquals(
        new RegistryClient.RegistryUnit(
            "370171", "高新区", "FUNCTIONAL_ZONE", LocalDate.of(2026, 1, 1), LocalDate.of(2030, 1, 1)),
        units.get(1));
    assertEquals(null, units.get(0).validTo());
    down();
    assertTrue(
        client.units().isEmpty(),
        "a registry that cannot be read gives no list, never an empty one");
  }

  @Test
  void followsCursorsThroughAllPages() {
    RegistryClient.Groups g = client.registrations();
    assertTrue(g.live());
    assertEquals("registry-service", g.source());
    assertEquals(2, g.groups().size());
    assertEquals("12370102MB0000017P", g.groups().get(0).leadSchoolUscc());
    assertEquals(List.of("91110000600037341L"), g.groups().get(0).memberSchoolUsccs());
    assertEquals("济教集备〔2025〕0002号", g.groups().get(1).filingNumber());
    assertEquals(List.of("Bearer peer-token-1", "Bearer peer-token-1"), authorizations);
  }

  @Test
  void theLastGoodListIsUsedWhenRegistryGoesDown() {
    assertEquals(2, client.registrations().groups().size());
    down();
    RegistryClient.Groups g = client.registrations();
    assertFalse(g.live());
    assertEquals(2, g.groups().size());
    assertTrue(g.source().contains("cached"));
  }

  @Test
  void timeoutGivesEmptyStatistics() {
    delayMillis = 1500;
    long start = System.nanoTime();
    // Two attempts of 500 ms (platform.peer.timeout here), not the stub's 1.5 s.
    assertTrue(client.statistics(LocalDate.of(2025, 12, 31)).isEmpty());
    assertTrue(
        Duration.ofNanos(System.nanoTime() - start).toMillis() < 1400, "gave up at the timeout");
  }

  @Test
  void statisticsAreReusedWhileFreshButFailuresAreNot() {
    LocalDate day = LocalDate.of(2026, 6, 30);
    assertTrue(client.statistics(day).isPresent());
    assertTrue(client.statistics(day).isPresent());
    assertEquals(1, authorizations.size(), "the second read came from the freshness cache");

    LocalDate other = LocalDate.of(2026, 7, 1);
    down();
    assertTrue(client.statistics(other).isEmpty());
    breakers.resetAll();
    try {
      up();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertTrue(client.statistics(other).isPresent(), "the failure was not remembered");
    assertEquals(2, authorizations.size());
  }

  @Test
  void aRegistryThatKeepsFailingOpensTheCircuitAndIsNoLongerAsked() throws IOException {
    assertEquals(2, client.registrations().groups().size());
    down();
    // Two reads of two attempts each: four failures in the window of four open the circuit.
    assertFalse(client.registrations().live());
    assertFalse(client.registrations().live());
    assertEquals(
        CircuitBreakerState.OPEN, breakers.currentState(RegistryClient.REGISTRATIONS_BREAKER));

    up();
    registrationCalls.set(0);
    long start = System.nanoTime();
    RegistryClient.Groups g = client.registrations();
    assertFalse(g.live(), "while open the fallback answers");
    assertEquals(2, g.groups().size(), "with the last good list");
    assertEquals(0, registrationCalls.get(), "an open circuit does not call the registry");
    assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 500, "answered at once");
    // The other reads have their own circuits.
    assertTrue(client.units().isPresent());

    breakers.reset(RegistryClient.REGISTRATIONS_BREAKER);
    assertTrue(client.registrations().live());
  }
}
