package cn.jinan.edu.quality.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class EvaluationCacheTests {
  static final LocalDate DAY = LocalDate.of(2026, 6, 30);
  final AtomicLong clock = new AtomicLong();
  final EvaluationCache<String> cache = new EvaluationCache<>(Duration.ofSeconds(30), clock::get);

  @Test
  void reusedAtTheSameVersionAndDate() {
    cache.put(DAY, 7, List.of("a"));
    assertEquals(List.of("a"), cache.get(DAY, 7).orElseThrow());
    assertTrue(cache.get(DAY.plusDays(1), 7).isEmpty(), "another date is another entry");
  }

  @Test
  void anyChangeOfVersionIsAMiss() {
    cache.put(DAY, 7, List.of("a"));
    assertTrue(cache.get(DAY, 8).isEmpty());
    assertTrue(cache.get(DAY, 6).isEmpty());
  }

  @Test
  void expiresAfterItsTimeToLive() {
    cache.put(DAY, 7, List.of("a"));
    clock.addAndGet(Duration.ofSeconds(29).toNanos());
    assertTrue(cache.get(DAY, 7).isPresent());
    clock.addAndGet(Duration.ofSeconds(1).toNanos());
    assertTrue(cache.get(DAY, 7).isEmpty());
  }

  @Test
  void zeroTimeToLiveDisablesIt() {
    EvaluationCache<String> off = new EvaluationCache<>(Duration.ZERO, clock::get);
    off.put(DAY, 1, List.of("a"));
    assertFalse(off.enabled());
    assertTrue(off.get(DAY, 1).isEmpty());
  }

  @Test
  void boundedNumberOfDates() {
    for (int i = 0; i <= EvaluationCache.MAX_ENTRIES; i++) {
      cache.put(DAY.plusDays(i), 1, List.of("x"));
    }
    assertTrue(cache.get(DAY.plusDays(EvaluationCache.MAX_ENTRIES), 1).isPresent());
    assertTrue(cache.get(DAY, 1).isEmpty(), "the oldest entries were dropped");
  }
}
