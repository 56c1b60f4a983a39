package cn.jinan.edu.gateway.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.circuitbreaker.CircuitBreakerState;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The breaker's rules on a real Vert.x instance: failures are counted on its event loop. */
class BackendCircuitTests {
  static final Duration SHORT_OPEN = Duration.ofMillis(200);
  static Vertx vertx;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get();
  }

  static BackendCircuit circuit(Duration openDuration) {
    return new BackendCircuit(vertx, "test", 3, openDuration);
  }

  static void fail(BackendCircuit circuit, int times) {
    for (int i = 0; i < times; i++) {
      long before = circuit.failureCount();
      BackendCircuit.Call call = circuit.tryAcquire();
      assertNotNull(call, "refused after " + i + " failures");
      call.failed();
      await(() -> circuit.failureCount() > before, "failure counted");
    }
  }

  static void await(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, "timed out waiting for: " + what);
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  static void awaitState(BackendCircuit circuit, CircuitBreakerState state) {
    await(() -> circuit.state() == state, state.name());
  }

  @Test
  void opensAfterConsecutiveFailuresOnly() {
    BackendCircuit circuit = circuit(Duration.ofSeconds(10));
    fail(circuit, 2);
    circuit.tryAcquire().succeeded(); // resets the count
    fail(circuit, 2);
    assertEquals(CircuitBreakerState.CLOSED, circuit.state());
    fail(circuit, 1);
    awaitState(circuit, CircuitBreakerState.OPEN);
    assertNull(circuit.tryAcquire());
    long retryAfter = circuit.retryAfterMillis();
    assertTrue(retryAfter > 9_000 && retryAfter <= 10_000, "retry after " + retryAfter + " ms");
  }

  @Test
  void ignoredCallsLeaveTheCountAlone() {
    BackendCircuit circuit = circuit(Duration.ofSeconds(10));
    fail(circuit, 2);
    circuit.tryAcquire().ignored();
    fail(circuit, 1);
    awaitState(circuit, CircuitBreakerState.OPEN);
  }

  @Test
  void halfOpensAfterTheOpenDurationWithOneTrial() {
    BackendCircuit circuit = circuit(SHORT_OPEN);
    fail(circuit, 3);
    awaitState(circuit, CircuitBreakerState.OPEN);
    long opened = System.nanoTime();
    // Half-open by the breaker's own timer, before anyone calls.
    awaitState(circuit, CircuitBreakerState.HALF_OPEN);
    assertTrue(System.nanoTime() - opened >= SHORT_OPEN.toNanos() / 2);
    BackendCircuit.Call trial = circuit.tryAcquire();
    assertNotNull(trial);
    assertNull(circuit.tryAcquire(), "only one trial at a time");
    assertEquals(SHORT_OPEN.toMillis(), circuit.retryAfterMillis());
    trial.succeeded();
    awaitState(circuit, CircuitBreakerState.CLOSED);
    assertNotNull(circuit.tryAcquire());
  }

  @Test
  void failedTrialReopens() {
    BackendCircuit circuit = circuit(SHORT_OPEN);
    fail(circuit, 3);
    awaitState(circuit, CircuitBreakerState.HALF_OPEN);
    circuit.tryAcquire().failed();
    awaitState(circuit, CircuitBreakerState.OPEN);
    assertNull(circuit.tryAcquire());
  }

  @Test
  void ignoredTrialFreesTheSlot() {
    BackendCircuit circuit = circuit(SHORT_OPEN);
    fail(circuit, 3);
    awaitState(circuit, CircuitBreakerState.HALF_OPEN);
    circuit.tryAcquire().ignored();
    BackendCircuit.Call next = circuit.tryAcquire();
    assertNotNull(next, "the next caller is the trial");
    assertNull(circuit.tryAcquire(), "still one trial at a time");
    next.succeeded();
    awaitState(circuit, CircuitBreakerState.CLOSED);
  }
}
