package cn.jinan.edu.gateway.domain;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Fixed-window request quota (限流) per client key: at most {@code limit} requests per {@code
 * window}. A fixed window maps one-to-one onto the RateLimit-Limit/Remaining/Reset headers of the
 * IETF draft. State lives in this process only, so with N replicas a client may get up to N times
 * the limit.
 */
public final class RateLimiter {
  /** The answer for one request; {@code resetSeconds} is the time until the window restarts. */
  public record Decision(boolean allowed, int limit, int remaining, long resetSeconds) {}

  private static final class Window {
    long start;
    int used;
  }

  private final int limit;
  private final long windowMillis;
  private final int maxKeys;
  private final LongSupplier millisClock;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  public RateLimiter(int limit, Duration window, int maxKeys, LongSupplier millisClock) {
    if (limit < 1 || window.isZero() || window.isNegative()) {
      throw new IllegalArgumentException("limit and window must be positive");
    }
    this.limit = limit;
    this.windowMillis = window.toMillis();
    this.maxKeys = maxKeys;
    this.millisClock = millisClock;
  }

  public RateLimiter(int limit, Duration window) {
    this(limit, window, 100_000, System::currentTimeMillis);
  }

  public Decision tryAcquire(String key) {
    long now = millisClock.getAsLong();
    if (windows.size() >= maxKeys) {
      evictExpired(now);
    }
    Window w = windows.computeIfAbsent(key, k -> new Window());
    synchronized (w) {
      if (w.used == 0 || now - w.start >= windowMillis) {
        w.start = now;
        w.used = 0;
      }
      long resetMillis = w.start + windowMillis - now;
      long resetSeconds = Math.max(1, (resetMillis + 999) / 1000);
      if (w.used >= limit) {
        return new Decision(false, limit, 0, resetSeconds);
      }
      w.used++;
      return new Decision(true, limit, limit - w.used, resetSeconds);
    }
  }

  /** Drops windows that have ended; called when the key table is full and periodically. */
  public void evictExpired(long now) {
    windows.entrySet().removeIf(e -> now - e.getValue().start >= windowMillis);
  }

  public void evictExpired() {
    evictExpired(millisClock.getAsLong());
  }

  public int trackedKeys() {
    return windows.size();
  }
}
