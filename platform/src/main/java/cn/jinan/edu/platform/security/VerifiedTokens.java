package cn.jinan.edu.platform.security;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens already verified, with what was learnt from them. A signed JWT cannot change once
 * issued, so checking the same token again before it expires proves nothing new; integrators reuse
 * one token for many calls, and the RS256 check and claim parsing are a large share of a short
 * request. An entry lives until the token's own expiry but never longer than {@link
 * #MAX_AGE_SECONDS}, so a signing key the issuer withdraws stops being trusted within that time.
 * Bounded: when full, the cache is emptied rather than grown.
 *
 * @param <V> what is remembered per token (the gateway: the client id; services: the identity)
 */
public final class VerifiedTokens<V> {
  /** The longest a verification is reused, whatever the token's own lifetime. */
  public static final long MAX_AGE_SECONDS = 300;

  private record Entry<V>(V value, long untilEpochSecond) {}

  private final ConcurrentHashMap<String, Entry<V>> entries = new ConcurrentHashMap<>();
  private final int capacity;

  public VerifiedTokens(int capacity) {
    this.capacity = capacity;
  }

  public Optional<V> lookup(String token, long nowEpochSecond) {
    Entry<V> e = entries.get(token);
    if (e == null) {
      return Optional.empty();
    }
    if (e.untilEpochSecond() <= nowEpochSecond) {
      entries.remove(token, e);
      return Optional.empty();
    }
    return Optional.of(e.value());
  }

  /** Remembers a token only while its expiry is known and in the future. */
  public void remember(String token, V value, long expiresAtEpochSecond, long nowEpochSecond) {
    if (expiresAtEpochSecond <= nowEpochSecond) {
      return;
    }
    if (entries.size() >= capacity) {
      entries.clear();
    }
    entries.put(
        token,
        new Entry<>(value, Math.min(expiresAtEpochSecond, nowEpochSecond + MAX_AGE_SECONDS)));
  }

  public int size() {
    return entries.size();
  }
}
