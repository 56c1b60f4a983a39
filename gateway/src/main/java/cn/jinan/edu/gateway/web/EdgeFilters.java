package cn.jinan.edu.gateway.web;

import cn.jinan.edu.gateway.config.GatewayConfig;
import cn.jinan.edu.platform.web.RequestIds;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
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
    if (route != null) {
      Timer.builder("gateway.requests")
          .description("Requests through the gateway by route and status")
          .tag("route", route)
          .tag("method", request.method().name())
          .tag("status", closedEarly ? "closed" : Integer.toString(status))
          .register(registry)
          .record(nanos, TimeUnit.NANOSECONDS);
    }
    if (ACCESS.isInfoEnabled()) {
      JsonObject line =
          new JsonObject()
              .put("time", Instant.now().toString())
              .put("method", request.method().name())
              .put("path", template)
              .put("status", status)
              .put("durationMs", Math.round(nanos / 1e4) / 100.0)
              .put("bytes", response.bytesWritten())
              .put("bytesIn", request.bytesRead())
              .put(
                  "clientId",
                  client != null ? client.toString() : "addr:" + ProxyRoutes.remoteHost(request))
              .put("requestId", requestId == null ? null : requestId.toString());
      if (closedEarly) {
        line.put("closedEarly", true);
      }
      ACCESS.info(line.encode());
    }
  }
}
