package cn.jinan.edu.gateway.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CircuitBreakerTests {
  final AtomicLong now = new AtomicLong();
  final CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(10), now::get);

  void fail(int times) {
    for (int i = 0; i < times; i++) {
      assertTrue(breaker.tryAcquire().allowed());
      breaker.onFailure();
    }
  }

  @Test
  void opensAfterConsecutiveFailuresOnly() {
    fail(2);
    assertTrue(breaker.tryAcquire().allowed());
    breaker.onSuccess(); // resets the count
    fail(2);
    assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
    fail(1);
    assertEquals(CircuitBreaker.State.OPEN, breaker.state());
    CircuitBreaker.Permit refused = breaker.tryAcquire();
    assertFalse(refused.allowed());
    assertEquals(10_000, refused.retryAfterMillis());
  }

  @Test
  void halfOpensAfterTheOpenDurationWithOneTrial() {
    fail(3);
    now.addAndGet(Duration.ofSeconds(10).toNanos());
    assertEquals(CircuitBreaker.State.HALF_OPEN, breaker.state());
    assertTrue(breaker.tryAcquire().allowed());
    assertFalse(breaker.tryAcquire().allowed(), "only one trial at a time");
    breaker.onSuccess();
    assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
    assertTrue(breaker.tryAcquire().allowed());
  }

  @Test
  void failedTrialReopens() {
    fail(3);
    now.addAndGet(Duration.ofSeconds(11).toNanos());
    assertTrue(breaker.tryAcquire().allowed());
    breaker.onFailure();
    assertEquals(CircuitBreaker.State.OPEN, breaker.state());
    assertFalse(breaker.tryAcquire().allowed());
  }

  @Test
  void ignoredTrialFreesTheSlot() {
    fail(3);
    now.addAndGet(Duration.ofSeconds(11).toNanos());
    assertTrue(breaker.tryAcquire().allowed());
    breaker.onIgnored();
    assertTrue(breaker.tryAcquire().allowed());
  }
}
