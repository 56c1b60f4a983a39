package cn.jinan.edu.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinan.edu.platform.testing.PackagedService;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A 100 MB upload through the packaged gateway running with a 64 MB heap: it can only pass if the
 * body streams instead of being held in memory.
 */
class UploadStreamingIT {
  static final long SIZE = 100L * 1024 * 1024;

  @Test
  void hundredMegabytesStreamThroughA64MegabyteHeap() throws Exception {
    Vertx vertx = Vertx.vertx();
    AtomicLong received = new AtomicLong();
    try {
      HttpServer backend =
          vertx
              .createHttpServer()
              .requestHandler(
                  req -> {
                    if (req.path().equals("/q/health/live")) {
                      req.response().end("{\"status\":\"UP\"}");
                      return;
                    }
                    AtomicLong count = new AtomicLong();
                    req.handler(b -> count.addAndGet(b.length()));
                    req.endHandler(
                        v -> {
                          received.set(count.get());
                          req.response().setStatusCode(201).end(Long.toString(count.get()));
                        });
                  })
              .listen(0, "127.0.0.1")
              .toCompletionStage()
              .toCompletableFuture()
              .get(10, TimeUnit.SECONDS);
      String backendUrl = "http://127.0.0.1:" + backend.actualPort();
      Map<String, String> env =
          Map.of(
              "OIDC_ISSUER_URL", "http://127.0.0.1:9/realms/edu",
              "REGISTRY_URL", backendUrl,
              "REGISTRY_MANAGEMENT_URL", backendUrl,
              // A route group without edge authentication, configured only through the environment.
              "GATEWAY_ROUTES_UPLOAD_PREFIX", "/upload",
              "GATEWAY_ROUTES_UPLOAD_BACKEND", "registry",
              "GATEWAY_ROUTES_UPLOAD_AUTH", "false",
              "GATEWAY_ROUTES_UPLOAD_MAX_BODY_SIZE", "150M",
              "GATEWAY_ROUTES_UPLOAD_PUBLIC_RATE_LIMIT_GROUP", "default");
      // A 64 MB heap (the later -Xmx wins): the upload must stream, never be held.
      try (PackagedService gateway =
          PackagedService.start(env, List.of("-Xmx64m", "-XX:+ExitOnOutOfMemoryError"))) {
        gateway.awaitManagement200("/q/health/live", Duration.ofSeconds(60));

        HttpURLConnection c =
            (HttpURLConnection)
                URI.create("http://127.0.0.1:" + gateway.port + "/upload/api/v1/imports")
                    .toURL()
                    .openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setFixedLengthStreamingMode(SIZE);
        c.setRequestProperty("Content-Type", "text/csv");
        c.setReadTimeout(60_000);
        byte[] line = "370102,济南市示范学校,2025-12-31,42\n".getBytes(StandardCharsets.UTF_8);
        byte[] chunk = new byte[64 * 1024];
        for (int i = 0; i < chunk.length; i++) {
          chunk[i] = line[i % line.length];
        }
        try (OutputStream out = c.getOutputStream()) {
          long left = SIZE;
          while (left > 0) {
            int n = (int) Math.min(chunk.length, left);
            out.write(chunk, 0, n);
            left -= n;
          }
        }
        int status = c.getResponseCode();
        String body = new String(c.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(201, status, body);
        assertEquals(Long.toString(SIZE), body);
        assertEquals(SIZE, received.get());
        assertTrue(gateway.isAlive(), gateway.output());
      }
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }
}
