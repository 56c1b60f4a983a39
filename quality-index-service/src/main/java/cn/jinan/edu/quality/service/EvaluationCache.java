package cn.jinan.edu.quality.service;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Target evaluations per as-of date, reused while the database's evaluation version is unchanged
 * and the entry is younger than its time to live (which bounds how old registry figures inside it
 * can be). Plain Java so that its rules are unit-tested without Quarkus.
 */
public final class EvaluationCache<V> {
  /** More distinct dates than any dashboard asks for; beyond it the cache starts again. */
  static final int MAX_ENTRIES = 256;

  private record Entry<V>(long version, long createdNanos, List<V> value) {}

  private final Map<LocalDate, Entry<V>> entries = new ConcurrentHashMap<>();
  private final Duration timeToLive;
  private final LongSupplier nanoTime;

  public EvaluationCache(Duration timeToLive, LongSupplier nanoTime) {
    this.timeToLive = timeToLive;
    this.nanoTime = nanoTime;
  }

  public boolean enabled() {
    return !timeToLive.isZero() && !timeToLive.isNegative();
  }

  /** The evaluations of asOf computed at this version, if still fresh. */
  public Optional<List<V>> get(LocalDate asOf, long version) {
    if (!enabled()) {
      return Optional.empty();
    }
    Entry<V> e = entries.get(asOf);
    if (e == null
        || e.version() != version
        || nanoTime.getAsLong() - e.createdNanos() >= timeToLive.toNanos()) {
      return Optional.empty();
    }
    return Optional.of(e.value());
  }

  /** Remembers evaluations of asOf that were computed after reading version. */
  public void put(LocalDate asOf, long version, List<V> value) {
    if (!enabled()) {
      return;
    }
    if (entries.size() >= MAX_ENTRIES) {
      entries.clear();
    }
    entries.put(asOf, new Entry<>(version, nanoTime.getAsLong(), List.copyOf(value)));
  }
}
