package cn.jinan.edu.gateway.domain;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens the edge has already verified, until their own expiry. A signed JWT cannot change
 * once issued, so checking the same token again before it expires proves nothing new; skipping the
 * signature check is what lets the gateway keep up with a plain proxy. Services still verify every
 * request themselves. Bounded: when full, the cache is emptied rather than grown.
 */
public final class VerifiedTokens {
  /** What the edge needs to know about a verified token. */
  public record Entry(String clientId, long expiresAtEpochSecond) {}

  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
  private final int capacity;

  public VerifiedTokens(int capacity) {
    this.capacity = capacity;
  }

  public Optional<Entry> lookup(String token, long nowEpochSecond) {
    Entry e = entries.get(token);
    if (e == null) {
      return Optional.empty();
    }
    if (e.expiresAtEpochSecond() <= nowEpochSecond) {
      entries.remove(token, e);
      return Optional.empty();
    }
    return Optional.of(e);
  }

  /** Remembers a token only while it has a known expiry in the future. */
  public void remember(String token, Entry entry, long nowEpochSecond) {
    if (entry.expiresAtEpochSecond() <= nowEpochSecond) {
      return;
    }
    if (entries.size() >= capacity) {
      entries.clear();
    }
    entries.put(token, entry);
  }

  public int size() {
    return entries.size();
  }
}
