package cn.jinan.edu.gateway.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VerifiedTokensTests {
  @Test
  void aTokenIsTrustedOnlyUntilItExpires() {
    VerifiedTokens cache = new VerifiedTokens(10);
    cache.remember("t", new VerifiedTokens.Entry("client", 1000), 900);
    assertEquals("client", cache.lookup("t", 999).orElseThrow().clientId());
    assertTrue(cache.lookup("t", 1000).isEmpty());
    assertEquals(0, cache.size(), "expired entries are dropped");
  }

  @Test
  void expiredOrUnknownTokensAreNeverRemembered() {
    VerifiedTokens cache = new VerifiedTokens(10);
    cache.remember("old", new VerifiedTokens.Entry("c", 100), 200);
    assertTrue(cache.lookup("old", 50).isEmpty());
    assertTrue(cache.lookup("never-seen", 50).isEmpty());
  }

  @Test
  void staysWithinItsCapacity() {
    VerifiedTokens cache = new VerifiedTokens(3);
    for (int i = 0; i < 10; i++) {
      cache.remember("t" + i, new VerifiedTokens.Entry("c", 1000), 0);
    }
    assertTrue(cache.size() <= 3);
  }
}
