package cn.jinan.edu.gateway.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinan.edu.gateway.domain.Quota;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Against the Redis every development and CI machine runs at 127.0.0.1:6379. */
class RateLimitStoreTests {
  private static final Quota QUOTA = new Quota("tight", 3, Duration.ofMinutes(1));
  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  @Test
  void twoReplicasCountOneClientAgainstOneQuota() throws Exception {
    String prefix = "gateway-test-" + UUID.randomUUID() + ":";
    AtomicInteger fallbacks = new AtomicInteger();
    try (RateLimitStore a = store("redis://127.0.0.1:6379", prefix, fallbacks);
        RateLimitStore b = store("redis://127.0.0.1:6379", prefix, fallbacks)) {
      awaitShared(a);
      awaitShared(b);
      List<Boolean> allowed = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        RateLimitStore replica = i % 2 == 0 ? a : b;
        allowed.add(replica.tryConsume(QUOTA, "client:c1").toCompletableFuture().get().allowed());
      }
      // The limit is 3 for the client across both replicas, not 3 on each.
      assertEquals(List.of(true, true, true, false, false, false), allowed);
      Quota.Decision other = a.tryConsume(QUOTA, "client:c2").toCompletableFuture().get();
      assertTrue(other.allowed());
      assertEquals(2, other.remaining());
      assertEquals(0, fallbacks.get(), "Redis answered every call");
    }
  }

  @Test
  void withoutRedisEachReplicaLimitsOnItsOwnAndNothingFails() throws Exception {
    AtomicInteger fallbacks = new AtomicInteger();
    try (RateLimitStore store = store("redis://127.0.0.1:1", "gateway-test:", fallbacks)) {
      List<Boolean> allowed = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        Quota.Decision d = store.tryConsume(QUOTA, "addr:192.0.2.1").toCompletableFuture().get();
        allowed.add(d.allowed());
        assertEquals(3, d.limit());
        assertTrue(d.resetSeconds() >= 1);
      }
      assertEquals(List.of(true, true, true, false), allowed);
      assertFalse(store.shared());
      assertEquals(4, fallbacks.get(), "every call was counted as limited per replica");
    }
  }

  private static RateLimitStore store(String url, String prefix, AtomicInteger fallbacks) {
    return new RateLimitStore(
        new RateLimitStore.Settings(Optional.of(url), prefix, TIMEOUT, Duration.ofMinutes(1)),
        fallbacks::incrementAndGet);
  }

  private static void awaitShared(RateLimitStore store) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!store.shared() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertTrue(store.shared(), "connected to the Redis at 127.0.0.1:6379");
  }
}
