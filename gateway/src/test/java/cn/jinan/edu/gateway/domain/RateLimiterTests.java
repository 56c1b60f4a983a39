package cn.jinan.edu.gateway.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTests {
  final AtomicLong now = new AtomicLong(1_000_000);
  final RateLimiter limiter = new RateLimiter(2, Duration.ofSeconds(60), 10, now::get);

  @Test
  void countsDownAndRefusesWithTheTimeToReset() {
    assertEquals(new RateLimiter.Decision(true, 2, 1, 60), limiter.tryAcquire("a"));
    now.addAndGet(15_000);
    assertEquals(new RateLimiter.Decision(true, 2, 0, 45), limiter.tryAcquire("a"));
    RateLimiter.Decision refused = limiter.tryAcquire("a");
    assertFalse(refused.allowed());
    assertEquals(45, refused.resetSeconds());
    assertTrue(limiter.tryAcquire("b").allowed(), "quotas are per key");
  }

  @Test
  void windowRestarts() {
    limiter.tryAcquire("a");
    limiter.tryAcquire("a");
    now.addAndGet(60_000);
    assertEquals(1, limiter.tryAcquire("a").remaining());
  }

  @Test
  void expiredWindowsAreForgotten() {
    for (int i = 0; i < 10; i++) {
      limiter.tryAcquire("k" + i);
    }
    now.addAndGet(61_000);
    limiter.tryAcquire("new");
    assertEquals(1, limiter.trackedKeys());
  }
}
