package cn.jinan.edu.platform.ids;

import java.util.Optional;

/**
 * 统一社会信用代码 Unified Social Credit Code (GB 32100-2015): 18 characters from a 31-letter alphabet
 * without I, O, S, V, Z; the 18th is a check character over the first 17.
 */
public final class Uscc {
  static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] WEIGHTS = {
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
  };

  private Uscc() {}

  /** Why the code is invalid, or empty when it is a valid USCC. */
  public static Optional<String> problem(String code) {
    if (code == null || code.isEmpty()) {
      return Optional.of("统一社会信用代码不能为空 (USCC is required)");
    }
    if (code.length() != 18) {
      return Optional.of("统一社会信用代码应为18位 (USCC must have 18 characters, got " + code.length() + ")");
    }
    for (int i = 0; i < 18; i++) {
      if (ALPHABET.indexOf(code.charAt(i)) < 0) {
        return Optional.of(
            "统一社会信用代码第"
                + (i + 1)
                + "位字符'"
                + code.charAt(i)
                + "'不允许 (character not allowed; I, O, S, V, Z and lower case are never used)");
      }
    }
    char expected = checkCharacter(code.substring(0, 17));
    if (code.charAt(17) != expected) {
      return Optional.of("统一社会信用代码校验位错误 (wrong check character: expected " + expected + ")");
    }
    return Optional.empty();
  }

  public static boolean isValid(String code) {
    return problem(code).isEmpty();
  }

  /** The full 18-character code: the first 17 characters and their check character. */
  public static String complete(String first17) {
    return first17 + checkCharacter(first17);
  }

  /** The check character for the first 17 characters: (31 − Σ value×weight mod 31) mod 31. */
  public static char checkCharacter(String first17) {
    if (first17.length() != 17) {
      throw new IllegalArgumentException("need 17 characters");
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      int value = ALPHABET.indexOf(first17.charAt(i));
      if (value < 0) {
        throw new IllegalArgumentException("character not allowed: " + first17.charAt(i));
      }
      sum += value * WEIGHTS[i];
    }
    return ALPHABET.charAt((31 - sum % 31) % 31);
  }
}
