package cn.jinan.edu.milestone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinan.edu.milestone.client.Sources;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The peer facade against a real HTTP stub (StubSources): the static token goes with every call, a
 * read is tried platform.peer.attempts times, a hanging peer is given up at the timeout, and a peer
 * that keeps failing opens its circuit and is not asked again until the delay has passed.
 */
@QuarkusTest
class SourcesTests {
  @Inject Sources sources;
  @Inject CircuitBreakerMaintenance breakers;

  @BeforeEach
  @AfterEach
  void closed() {
    StubSources.mode(StubSources.Mode.UP);
    breakers.resetAll();
  }

  @Test
  void theStaticTokenGoesWithEveryCall() {
    assertEquals(8, sources.filingStatistics("2025-12-31").city().filed());
    assertEquals("Bearer test-peer-token", StubSources.lastAuthorization());
    assertEquals("MET", sources.evaluation("TECH_HIGH_SCHOOL", "2026-03-01").status());
    assertEquals("Bearer test-peer-token", StubSources.lastAuthorization());
  }

  @Test
  void aFailingReadIsRetriedThenUnavailable() {
    StubSources.mode(StubSources.Mode.ERROR);
    int before = StubSources.calls();
    assertThrows(
        Sources.Unavailable.class, () -> sources.evaluation("TECH_HIGH_SCHOOL", "2026-03-01"));
    assertEquals(2, StubSources.calls() - before, "platform.peer.attempts = 2");
  }

  @Test
  void aHangingPeerIsGivenUpAtTheTimeout() {
    StubSources.mode(StubSources.Mode.HANG);
    long started = System.nanoTime();
    assertThrows(Sources.Unavailable.class, () -> sources.filingStatistics("2025-12-31"));
    long millis = (System.nanoTime() - started) / 1_000_000;
    // Two attempts of 700 ms (platform.peer.timeout in tests), not two of the stub's 1.5 s.
    assertTrue(millis < 2500, "took " + millis + " ms");
  }

  @Test
  void aPeerThatKeepsFailingOpensItsCircuitAndIsNoLongerAsked() {
    StubSources.mode(StubSources.Mode.DROP);
    // Two reads of two attempts: four failures in the window of four open the circuit.
    for (int i = 0; i < 2; i++) {
      assertThrows(
          Sources.Unavailable.class, () -> sources.evaluation("TECH_HIGH_SCHOOL", "2026-03-01"));
    }
    assertEquals(CircuitBreakerState.OPEN, breakers.currentState(Sources.QUALITY_BREAKER));

    StubSources.mode(StubSources.Mode.UP);
    int before = StubSources.calls();
    long started = System.nanoTime();
    Sources.Unavailable open =
        assertThrows(
            Sources.Unavailable.class, () -> sources.evaluation("TECH_HIGH_SCHOOL", "2026-03-01"));
    long millis = (System.nanoTime() - started) / 1_000_000;
    assertInstanceOf(CircuitBreakerOpenException.class, open.getCause());
    assertEquals(before, StubSources.calls(), "an open circuit does not call the peer");
    assertTrue(millis < 500, "answered at once, took " + millis + " ms");

    // Each source has its own circuit: registry-service is still asked.
    assertEquals(8, sources.filingStatistics("2025-12-31").city().filed());
    assertEquals(CircuitBreakerState.CLOSED, breakers.currentState(Sources.REGISTRY_BREAKER));

    // Closed again (as after the delay and a successful trial call), the peer answers.
    breakers.reset(Sources.QUALITY_BREAKER);
    assertEquals("MET", sources.evaluation("TECH_HIGH_SCHOOL", "2026-03-01").status());
  }
}
