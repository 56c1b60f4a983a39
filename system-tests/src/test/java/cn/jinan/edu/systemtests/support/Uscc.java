package cn.jinan.edu.systemtests.support;

/** Unified Social Credit Codes (GB 32100-2015) for test schools: 17 characters plus the check. */
public final class Uscc {
  private static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] WEIGHTS = {
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
  };

  private Uscc() {}

  /** The 18-character code for the first 17 characters, with its check character appended. */
  public static String complete(String first17) {
    if (first17.length() != 17) {
      throw new IllegalArgumentException("17 characters expected: " + first17);
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      int value = CHARSET.indexOf(first17.charAt(i));
      if (value < 0) {
        throw new IllegalArgumentException("not a USCC character: " + first17.charAt(i));
      }
      sum += value * WEIGHTS[i];
    }
    return first17 + CHARSET.charAt((31 - sum % 31) % 31);
  }
}
