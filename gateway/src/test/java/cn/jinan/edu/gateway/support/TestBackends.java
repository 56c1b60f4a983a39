package cn.jinan.edu.gateway.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Real HTTP backends for the gateway's tests, each a Vert.x HttpServer on a free port: three echo
 * services (registry, milestone, quality) that describe the request they received and serve an
 * OpenAPI document with clashing schema names, a slow one that never answers in time, and a flaky
 * one whose failures can be switched on through {@code /admin/fail}.
 */
public class TestBackends implements QuarkusTestResourceLifecycleManager {
  private Vertx vertx;

  @Override
  public Map<String, String> start() {
    vertx = Vertx.vertx();
    Map<String, String> config = new HashMap<>();
    for (String service : new String[] {"registry", "milestone", "quality"}) {
      int port = listen(req -> echo(service, req));
      config.put("gateway.backends." + service + ".url", "http://127.0.0.1:" + port);
    }
    int slow = listen(req -> vertx.setTimer(5_000, id -> req.response().end("late")));
    config.put("gateway.backends.slow.url", "http://127.0.0.1:" + slow);

    AtomicBoolean failing = new AtomicBoolean();
    AtomicLong hits = new AtomicLong();
    int flaky =
        listen(
            req -> {
              if (req.path().equals("/admin/fail")) {
                failing.set(Boolean.parseBoolean(req.getParam("on")));
                req.response().end();
              } else if (req.path().equals("/admin/hits")) {
                req.response().end(Long.toString(hits.get()));
              } else {
                hits.incrementAndGet();
                req.response().setStatusCode(failing.get() ? 503 : 200).end("flaky");
              }
            });
    config.put("gateway.backends.flaky.url", "http://127.0.0.1:" + flaky);
    config.put("test.flaky.url", "http://127.0.0.1:" + flaky);
    return config;
  }

  private int listen(io.vertx.core.Handler<HttpServerRequest> handler) {
    try {
      HttpServer server =
          vertx
              .createHttpServer()
              .requestHandler(handler)
              .listen(0, "127.0.0.1")
              .toCompletionStage()
              .toCompletableFuture()
              .get(10, TimeUnit.SECONDS);
      return server.actualPort();
    } catch (Exception e) {
      throw new IllegalStateException("cannot start a test backend", e);
    }
  }

  private void echo(String service, HttpServerRequest req) {
    switch (req.path()) {
      case "/q/health/live" -> {
        req.response()
            .putHeader("Content-Type", "application/json")
            .end("{\"status\":\"UP\",\"checks\":[]}");
        return;
      }
      case "/q/openapi" -> {
        req.response()
            .putHeader("Content-Type", "application/json")
            .end(OpenApiFixtures.document(service).encode());
        return;
      }
      case "/api/v1/created" -> {
        // Quarkus builds Location from the Host it was called with: the backend's own address.
        req.response()
            .setStatusCode(201)
            .putHeader(
                "Location",
                "http://127.0.0.1:" + req.localAddress().port() + "/api/v1/things/7?view=full")
            .end();
        return;
      }
      case "/hop" -> {
        req.response()
            .putHeader("Connection", "X-Backend-Hop")
            .putHeader("X-Backend-Hop", "secret")
            .putHeader("Server", "test-backend/1.0")
            .putHeader("X-Request-Id", "backend-own-id")
            .end("hop");
        return;
      }
      default -> {
        // Count the body while it streams; never hold it.
        AtomicLong bytes = new AtomicLong();
        req.handler(b -> bytes.addAndGet(b.length()));
        req.endHandler(
            v -> {
              JsonObject headers = new JsonObject();
              req.headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
              JsonObject body =
                  new JsonObject()
                      .put("service", service)
                      .put("method", req.method().name())
                      .put("uri", req.uri())
                      .put("path", req.path())
                      .put("query", req.query())
                      .put("headers", headers)
                      .put("bodyBytes", bytes.get());
              req.response().putHeader("Content-Type", "application/json").end(body.encode());
            });
      }
    }
  }

  @Override
  public void stop() {
    if (vertx != null) {
      vertx.close().toCompletionStage().toCompletableFuture().join();
    }
  }
}
