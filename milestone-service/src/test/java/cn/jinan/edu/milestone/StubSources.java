package cn.jinan.edu.milestone;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A real HTTP server standing in for quality-index-service and registry-service, serving the JSON
 * their OpenAPI documents describe. Tests switch its behaviour through system properties (shared
 * across the test class loaders): {@link #mode(Mode)}. The last Authorization header received is
 * kept likewise.
 */
@QuarkusTestResource(StubSources.Resource.class)
public final class StubSources {
  private StubSources() {}

  public enum Mode {
    /** Answers with the contract JSON. */
    UP,
    /** 500 on every call. */
    ERROR,
    /** Accepts the connection and closes it without a response, as a dead peer would. */
    DROP,
    /** Answers after longer than the clients' read timeout. */
    HANG
  }

  private static final String MODE = "stubsources.mode";
  private static final String AUTH = "stubsources.authorization";
  private static final String CALLS = "stubsources.calls";

  public static void mode(Mode mode) {
    System.setProperty(MODE, mode.name());
  }

  public static String lastAuthorization() {
    return System.getProperty(AUTH, "");
  }

  public static int calls() {
    return Integer.parseInt(System.getProperty(CALLS, "0"));
  }

  static String evaluation(String code, String asOf) {
    return switch (code) {
      case "PRESCHOOL_INCLUSIVE_COUNTY" ->
          evaluation(
              code,
              "国家学前教育普及普惠县",
              asOf,
              "2027-12-31",
              "ON_TRACK",
              false,
              7,
              10,
              0.7,
              "7 of 12 districts, 10 required, 3 more needed");
      case "COMPULSORY_BALANCED_COUNTY" ->
          evaluation(
              code,
              "国家义务教育优质均衡发展县",
              asOf,
              "2027-12-31",
              "AT_RISK",
              false,
              2,
              8,
              0.25,
              "2 of 12 districts, 8 required, 6 more needed");
      case "TECH_HIGH_SCHOOL" ->
          evaluation(
              code, "科技高中", asOf, "2027-12-31", "MET", true, 2, 2, 1.0, "2 built, 2 required");
      case "SPECIAL_SCHOOL_STANDARD" ->
          evaluation(
              code,
              "特殊教育学校达标",
              asOf,
              "2025-12-31",
              "ON_TRACK",
              false,
              5,
              10,
              0.5,
              "5 of 10 schools meet the provincial standard");
      default -> null;
    };
  }

  private static String evaluation(
      String code,
      String name,
      String asOf,
      String deadline,
      String status,
      boolean met,
      int current,
      int required,
      double progress,
      String explanation) {
    // "scope" is not used by the milestone service: the contract allows more fields.
    return String.format(
        "{\"code\":\"%s\",\"nameZh\":\"%s\",\"asOf\":\"%s\",\"deadline\":\"%s\",\"status\":\"%s\","
            + "\"met\":%s,\"currentValue\":%d,\"requiredValue\":%d,\"progress\":%s,"
            + "\"explanation\":\"%s\",\"scope\":\"city\"}",
        code, name, asOf, deadline, status, met, current, required, progress, explanation);
  }

  static String statistics(String asOf) {
    return "{\"asOf\":\""
        + asOf
        + "\",\"deadline\":\"2025-12-31\","
        + "\"city\":{\"districtCode\":\"370100\",\"nameZh\":\"济南市\",\"byState\":{\"DRAFT\":1,"
        + "\"FILED\":8},\"filed\":8,\"expected\":10,\"shareFiled\":0.8,\"schoolsInFiledGroups\":25},"
        + "\"districts\":["
        + "{\"districtCode\":\"370102\",\"nameZh\":\"历下区\",\"byState\":{\"FILED\":3},\"filed\":3,"
        + "\"expected\":3,\"shareFiled\":1.0,\"schoolsInFiledGroups\":9},"
        + "{\"districtCode\":\"370103\",\"nameZh\":\"市中区\",\"byState\":{\"FILED\":1},\"filed\":1,"
        + "\"expected\":2,\"shareFiled\":0.5,\"schoolsInFiledGroups\":4}]}";
  }

  public static class Resource implements QuarkusTestResourceLifecycleManager {
    private HttpServer server;

    @Override
    public Map<String, String> start() {
      mode(Mode.UP);
      try {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      server.createContext("/", Resource::handle);
      server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
      server.start();
      String url = "http://127.0.0.1:" + server.getAddress().getPort();
      return Map.of(
          "quarkus.rest-client.quality.url", url, "quarkus.rest-client.registry.url", url);
    }

    private static void handle(HttpExchange ex) throws IOException {
      synchronized (StubSources.class) {
        System.setProperty(CALLS, Integer.toString(calls() + 1));
      }
      String auth = ex.getRequestHeaders().getFirst("Authorization");
      System.setProperty(AUTH, auth == null ? "" : auth);
      Mode mode = Mode.valueOf(System.getProperty(MODE, "UP"));
      switch (mode) {
        case DROP -> {
          ex.close();
          return;
        }
        case ERROR -> {
          send(ex, 500, "{\"status\":500}");
          return;
        }
        case HANG -> {
          try {
            Thread.sleep(1500);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        default -> {}
      }
      String path = ex.getRequestURI().getPath();
      String query = ex.getRequestURI().getQuery();
      String asOf = query != null && query.startsWith("asOf=") ? query.substring(5) : "2025-12-31";
      if (path.equals("/api/v1/public/statistics")) {
        send(ex, 200, statistics(asOf));
        return;
      }
      String prefix = "/api/v1/targets/";
      if (path.startsWith(prefix) && path.endsWith("/evaluation")) {
        String code = path.substring(prefix.length(), path.length() - "/evaluation".length());
        String body = evaluation(code, asOf);
        if (body != null) {
          send(ex, 200, body);
          return;
        }
      }
      send(ex, 404, "{\"status\":404}");
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", "application/json");
      ex.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    }

    @Override
    public void stop() {
      if (server != null) {
        server.stop(0);
      }
    }
  }
}
