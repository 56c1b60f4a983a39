package cn.jinan.edu.quality.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The registry client against a real small HTTP server, and its fallbacks. */
class RegistryClientTests {
  HttpServer server;
  final List<String> authorizations = new CopyOnWriteArrayList<>();
  volatile long delayMillis;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/api/v1/public/statistics",
        ex -> {
          authorizations.add(ex.getRequestHeaders().getFirst("Authorization"));
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
          authorizations.add(ex.getRequestHeaders().getFirst("Authorization"));
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

  @AfterEach
  void stop() {
    server.stop(0);
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

  private void sleep() {
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

  private RegistryClient client(String url, Duration timeout) {
    return new RegistryClient(url, timeout, PeerTokens.ofStatic("peer-token-1"), 10);
  }

  private String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Test
  void readsStatisticsWithTheBearerToken() {
    Optional<RegistryClient.Statistics> s =
        client(url(), Duration.ofSeconds(2)).statistics(LocalDate.of(2025, 12, 31));
    assertTrue(s.isPresent());
    assertEquals(8, s.get().filed());
    assertEquals(10, s.get().expected());
    assertEquals("Bearer peer-token-1", authorizations.get(0));
  }

  @Test
  void readsEveryPeriodOfEveryUnit() throws IOException {
    List<RegistryClient.RegistryUnit> units =
        client(url(), Duration.ofSeconds(2)).units().orElseThrow();
    assertEquals(2, units.size());
    assertEquals(
        new RegistryClient.RegistryUnit(
            "370171", "高新区", "FUNCTIONAL_ZONE", LocalDate.of(2026, 1, 1), LocalDate.of(2030, 1, 1)),
        units.get(1));
    assertEquals(null, units.get(0).validTo());
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    assertTrue(
        client("http://127.0.0.1:" + closedPort, Duration.ofSeconds(1)).units().isEmpty(),
        "a registry that cannot be read gives no list, never an empty one");
  }

  @Test
  void followsCursorsThroughAllPages() {
    RegistryClient.Groups g = client(url(), Duration.ofSeconds(2)).registrations();
    assertTrue(g.live());
    assertEquals("registry-service", g.source());
    assertEquals(2, g.groups().size());
    assertEquals("12370102MB0000017P", g.groups().get(0).leadSchoolUscc());
    assertEquals(List.of("91110000600037341L"), g.groups().get(0).memberSchoolUsccs());
    assertEquals("济教集备〔2025〕0002号", g.groups().get(1).filingNumber());
  }

  @Test
  void unreachableRegistryFallsBack() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    RegistryClient c = client("http://127.0.0.1:" + closedPort, Duration.ofSeconds(1));
    assertTrue(c.statistics(LocalDate.of(2025, 12, 31)).isEmpty());
    RegistryClient.Groups g = c.registrations();
    assertFalse(g.live());
    assertEquals("unavailable", g.source());
    assertTrue(g.groups().isEmpty());
  }

  @Test
  void theLastGoodListIsUsedWhenRegistryGoesDown() {
    RegistryClient c = client(url(), Duration.ofSeconds(2));
    assertEquals(2, c.registrations().groups().size());
    server.stop(0);
    RegistryClient.Groups g = c.registrations();
    assertFalse(g.live());
    assertEquals(2, g.groups().size());
    assertTrue(g.source().contains("cached"));
  }

  @Test
  void timeoutGivesEmptyStatistics() {
    delayMillis = 1500;
    long start = System.nanoTime();
    assertTrue(
        client(url(), Duration.ofMillis(300)).statistics(LocalDate.of(2025, 12, 31)).isEmpty());
    assertTrue(
        Duration.ofNanos(System.nanoTime() - start).toMillis() < 1400, "gave up at the timeout");
  }
}
