package cn.jinan.edu.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class RequestIdsTests {
  @Test
  void safeIdsAreKeptOthersReplaced() {
    assertEquals("abc-123_x.y:z", RequestIds.acceptOrGenerate("abc-123_x.y:z"));
    assertNotEquals("a\nb", RequestIds.acceptOrGenerate("a\nb"));
    assertNotEquals("x".repeat(129), RequestIds.acceptOrGenerate("x".repeat(129)));
    assertEquals(36, RequestIds.acceptOrGenerate(null).length());
  }
}
