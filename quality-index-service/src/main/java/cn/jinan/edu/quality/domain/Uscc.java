package cn.jinan.edu.quality.domain;

import java.util.Optional;

/**
 * 统一社会信用代码 (GB 32100-2015) check, for the school codes callers send with values and assessment
 * records. The school directory itself belongs to registry-service.
 */
public final class Uscc {
  private static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] WEIGHTS = {
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
  };

  private Uscc() {}

  /** Why the code is not a valid USCC, or empty when it is. */
  public static Optional<String> problem(String code) {
    if (code == null || code.isBlank()) {
      return Optional.of("统一社会信用代码必填 (USCC is required)");
    }
    if (code.length() != 18) {
      return Optional.of("统一社会信用代码应为18位 (a USCC has 18 characters, got " + code.length() + ")");
    }
    int sum = 0;
    for (int i = 0; i < 18; i++) {
      int v = CHARSET.indexOf(code.charAt(i));
      if (v < 0) {
        return Optional.of(
            "第" + (i + 1) + "位字符不允许 (character '" + code.charAt(i) + "' is not used in a USCC)");
      }
      if (i < 17) {
        sum += v * WEIGHTS[i];
      }
    }
    char check = CHARSET.charAt((31 - sum % 31) % 31);
    return code.charAt(17) == check
        ? Optional.empty()
        : Optional.of("统一社会信用代码校验位错误 (wrong check character, expected " + check + ")");
  }

  public static boolean isValid(String code) {
    return problem(code).isEmpty();
  }
}
