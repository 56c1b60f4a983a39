package cn.jinan.edu.gateway.web;

import cn.jinan.edu.gateway.config.GatewayConfig;
import cn.jinan.edu.platform.web.RequestIds;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Runs for every request (proxied or not): security headers on the way out, one JSON access-log
 * line on the {@code gateway.access} logger, and a Prometheus timer per route and status.
 */
@ApplicationScoped
public class EdgeFilters {
  /** Dedicated category so operators can route access logs separately. */
  public static final String ACCESS_LOGGER = "gateway.access";

  private static final Logger ACCESS = Logger.getLogger(ACCESS_LOGGER);
  // After the platform's request-id filter (10 000), so the id is known.
  private static final int PRIORITY = 9_000;

  private final MeterRegistry registry;
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();
  private final String hsts;

  EdgeFilters(MeterRegistry registry, GatewayConfig config) {
    this.registry = registry;
    this.hsts = "max-age=" + config.hstsMaxAgeSeconds() + "; includeSubDomains";
  }

  void register(@Observes Filters filters) {
    filters.register(this::handle, PRIORITY);
  }

  private void handle(RoutingContext ctx) {
    long start = System.nanoTime();
    HttpServerRequest request = ctx.request();
    HttpServerResponse response = ctx.response();
    boolean tls =
        request.isSSL() || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"));
    ctx.addHeadersEndHandler(
        v -> {
          response.headers().remove("Server");
          response.headers().set("X-Content-Type-Options", "nosniff");
          if (tls) {
            response.headers().set("Strict-Transport-Security", hsts);
          }
        });
    ctx.addEndHandler(v -> record(ctx, start));
    ctx.next();
  }

  private void record(RoutingContext ctx, long start) {
    long nanos = System.nanoTime() - start;
    HttpServerRequest request = ctx.request();
    HttpServerResponse response = ctx.response();
    int status = response.getStatusCode();
    boolean closedEarly = !response.ended();
    String route = ctx.get(ProxyRoutes.ROUTE_KEY);
    String template = route != null ? route : status == 404 ? "(unmatched)" : request.path();
    Object requestId = ctx.get(RequestIds.MDC_KEY);
    Object client = ctx.get(ProxyRoutes.CLIENT_KEY);
    String method = request.method().name();
    String statusTag = closedEarly ? "closed" : Integer.toString(status);
    if (route != null) {
      timers
          .computeIfAbsent(
              route + ' ' + method + ' ' + statusTag,
              k ->
                  Timer.builder("gateway.requests")
                      .description("Requests through the gateway by route and status")
                      // Buckets for the p99-per-route alert (histogram_quantile).
                      .publishPercentileHistogram()
                      .minimumExpectedValue(Duration.ofMillis(1))
                      .maximumExpectedValue(Duration.ofSeconds(30))
                      .tag("route", route)
                      .tag("method", method)
                      .tag("status", statusTag)
                      .register(registry))
          .record(nanos, TimeUnit.NANOSECONDS);
    }
    if (ACCESS.isInfoEnabled()) {
      // Written by hand: this runs for every request, and a JSON tree per line costs more than
      // the proxying itself.
      StringBuilder line = new StringBuilder(256).append('{');
      field(line, "time", Instant.now().toString()).append(',');
      field(line, "method", method).append(',');
      field(line, "path", template).append(',');
      line.append("\"status\":").append(status).append(',');
      line.append("\"durationMs\":").append(Math.round(nanos / 1e4) / 100.0).append(',');
      line.append("\"bytes\":").append(response.bytesWritten()).append(',');
      line.append("\"bytesIn\":").append(request.bytesRead()).append(',');
      field(
              line,
              "clientId",
              client != null ? client.toString() : "addr:" + ForwardingHeaders.remoteHost(request))
          .append(',');
      if (requestId == null) {
        line.append("\"requestId\":null");
      } else {
        field(line, "requestId", requestId.toString());
      }
      if (closedEarly) {
        line.append(",\"closedEarly\":true");
      }
      ACCESS.info(line.append('}').toString());
    }
  }

  static StringBuilder field(StringBuilder out, String name, String value) {
    out.append('"').append(name).append("\":\"");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"');
  }
}
