package cn.jinan.edu.faulttests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinan.edu.faulttests.support.FaultSuite;
import cn.jinan.edu.faulttests.support.FaultSuiteExtension;
import cn.jinan.edu.faulttests.support.Http;
import cn.jinan.edu.faulttests.support.Http.Answer;
import cn.jinan.edu.platform.testing.TestTokens;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * registry-service is killed (SIGKILL) behind the gateway: the gateway answers 503 problem+json at
 * once, opens the circuit after the configured number of failures (and says so, with Retry-After),
 * does not call the backend while the circuit is open, and lets a trial call through once the open
 * duration is over and the backend is back, which closes the circuit.
 */
@ExtendWith(FaultSuiteExtension.class)
class BackendKillIT {
  private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(10);
  private static final long ANSWER_LIMIT_MS = 1000;

  @Test
  void killedBackendOpensTheCircuitAndItClosesAfterTheRestart(FaultSuite suite) throws Exception {
    Http http = new Http();
    String token = TestTokens.cityAdmin();
    String url = suite.gateway.baseUrl() + "/registry/api/v1/schools?limit=1";
    HttpRequest read = Http.request(url, token, CLIENT_TIMEOUT).GET().build();
    Answer warm = http.send(read);
    assertEquals(200, warm.status(), () -> "through the gateway first: " + warm.describe());
    assertEquals("CLOSED", circuit(http, suite));

    List<Answer> refused = new ArrayList<>();
    Answer open;
    Answer unasked;
    long openedAt;
    long backAt;
    try {
      suite.registry.kill();

      // Each failure is answered at once: connection refused, no waiting for a timeout.
      for (int i = 1; i <= FaultSuite.FAILURE_THRESHOLD; i++) {
        Answer a = http.send(read);
        refused.add(a);
        int n = i;
        assertEquals(
            503, a.status(), () -> "call " + n + " with the backend dead: " + a.describe());
        assertTrue(a.isProblem(), () -> "not problem+json: " + a.describe());
        assertTrue(a.millis() <= ANSWER_LIMIT_MS, () -> "slower than 1 s: " + a.describe());
        assertFalse(
            circuitOpen(a), () -> "circuit open before the threshold (call " + n + "): " + a);
      }

      // The threshold is reached: the circuit is open and the answer says so.
      open = http.send(read);
      openedAt = open.startNanos();
      assertEquals(503, open.status(), open::describe);
      assertTrue(open.isProblem(), open::describe);
      assertTrue(open.millis() <= ANSWER_LIMIT_MS, open::describe);
      assertTrue(
          circuitOpen(open),
          () -> "after " + FaultSuite.FAILURE_THRESHOLD + " failures: " + open.describe());
      long retryAfter = Long.parseLong(open.header("Retry-After").orElse("0"));
      assertTrue(
          retryAfter >= 1 && retryAfter <= FaultSuite.OPEN_DURATION.toSeconds(),
          () -> "Retry-After: " + open.describe() + " " + open.headers().map());
      assertEquals("OPEN", circuit(http, suite), "gateway readiness reports the circuit");

      // While open, the gateway does not even try: a healthy stand-in on the backend's port
      // receives nothing.
      AtomicInteger calls = new AtomicInteger();
      HttpServer standIn =
          HttpServer.create(
              new InetSocketAddress(InetAddress.getLoopbackAddress(), suite.registry.port), 0);
      standIn.createContext(
          "/api/",
          exchange -> {
            calls.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
          });
      standIn.start();
      try {
        unasked = http.send(read);
      } finally {
        standIn.stop(0);
      }
      assertEquals(503, unasked.status(), unasked::describe);
      assertTrue(circuitOpen(unasked), unasked::describe);
      assertEquals(0, calls.get(), "calls that reached the backend while the circuit was open");
    } finally {
      // A new process on the same port, as a supervisor would restart it.
      suite.registry.start(Duration.ofSeconds(90));
      backAt = System.nanoTime();
    }

    long wait =
        FaultSuite.OPEN_DURATION.toMillis() + 100 - (System.nanoTime() - openedAt) / 1_000_000;
    if (wait > 0) {
      Thread.sleep(wait);
    }
    // Open duration over: the next call is the trial (half-open); it succeeds and closes the
    // circuit.
    assertEquals("HALF_OPEN", circuit(http, suite));
    Answer trial = http.send(read);
    assertEquals(
        200, trial.status(), () -> "trial call after the open duration: " + trial.describe());
    assertEquals("CLOSED", circuit(http, suite));
    for (int i = 0; i < 3; i++) {
      Answer a = http.send(read);
      assertEquals(200, a.status(), () -> "after the circuit closed: " + a.describe());
    }

    System.out.printf(
        "BackendKillIT: with the backend killed the gateway answered 503 in %s ms; circuit open"
            + " after %d failures (503 in %d ms, Retry-After %s s), a call while open answered in"
            + " %d ms without reaching the backend; registry-service restarted and ready %d ms"
            + " after the circuit opened; trial call %d ms after it opened: %d in %d ms%n",
        refused.stream().map(Answer::millis).toList(),
        FaultSuite.FAILURE_THRESHOLD,
        open.millis(),
        open.header("Retry-After").orElse("-"),
        unasked.millis(),
        (backAt - openedAt) / 1_000_000,
        (trial.startNanos() - openedAt) / 1_000_000,
        trial.status(),
        trial.millis());
  }

  private static boolean circuitOpen(Answer a) {
    return a.isProblem() && a.json().path("detail").asText().contains("circuit is open");
  }

  /** The registry backend's circuit state as the gateway's readiness check reports it. */
  private static String circuit(Http http, FaultSuite suite) {
    Answer ready =
        http.send(
            Http.request(suite.gateway.managementUrl() + "/q/health/ready", null, CLIENT_TIMEOUT)
                .GET()
                .build());
    assertTrue(ready.answered(), ready::describe);
    for (var check : ready.json().path("checks")) {
      if (check.path("data").has("registry.circuit")) {
        return check.path("data").path("registry.circuit").asText();
      }
    }
    throw new AssertionError("no registry.circuit in the gateway's readiness: " + ready.describe());
  }
}
