package cn.jinan.edu.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VerifiedTokensTests {
  @Test
  void aTokenIsTrustedOnlyUntilItExpires() {
    VerifiedTokens<String> cache = new VerifiedTokens<>(10);
    cache.remember("t", "client", 1000, 900);
    assertEquals("client", cache.lookup("t", 999).orElseThrow());
    assertTrue(cache.lookup("t", 1000).isEmpty());
    assertEquals(0, cache.size(), "expired entries are dropped");
  }

  @Test
  void aLongLivedTokenIsVerifiedAgainAfterTheMaximumAge() {
    VerifiedTokens<String> cache = new VerifiedTokens<>(10);
    cache.remember("t", "client", 100_000, 0);
    assertTrue(cache.lookup("t", VerifiedTokens.MAX_AGE_SECONDS - 1).isPresent());
    assertTrue(cache.lookup("t", VerifiedTokens.MAX_AGE_SECONDS).isEmpty());
  }

  @Test
  void expiredOrUnknownTokensAreNeverRemembered() {
    VerifiedTokens<String> cache = new VerifiedTokens<>(10);
    cache.remember("old", "c", 100, 200);
    assertTrue(cache.lookup("old", 50).isEmpty());
    assertTrue(cache.lookup("never-seen", 50).isEmpty());
  }

  @Test
  void staysWithinItsCapacity() {
    VerifiedTokens<String> cache = new VerifiedTokens<>(3);
    for (int i = 0; i < 10; i++) {
      cache.remember("t" + i, "c", 1000, 0);
    }
    assertTrue(cache.size() <= 3);
  }
}
