package cn.jinan.edu.quality.domain;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The pseudonymous student key of an assessment record: a hash made by the caller. Anything that
 * looks like a national ID number (17 digits + digit or X) or a name (CJK characters) is refused,
 * so personal data cannot enter by mistake.
 */
public final class StudentKey {
  private static final Pattern NATIONAL_ID = Pattern.compile("\\d{17}[\\dXx]");
  private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_\\-+/=:.]{8,128}");

  private StudentKey() {}

  /** Why the key is refused, or empty when it is acceptable. */
  public static Optional<String> problem(String key) {
    if (key == null || key.isBlank()) {
      return Optional.of("学生标识必填 (studentKey is required)");
    }
    String k = key.trim();
    if (plainHash(k)) {
      return Optional.empty();
    }
    if (NATIONAL_ID.matcher(k).matches()) {
      return Optional.of("疑似身份证号，拒收 (looks like a national ID number; send a hash instead)");
    }
    if (k.codePoints().anyMatch(StudentKey::isCjk)) {
      return Optional.of("含汉字，疑似姓名，拒收 (contains CJK characters, looks like a name; send a hash)");
    }
    if (!ALLOWED.matcher(k).matches()) {
      return Optional.of("学生标识应为8–128位哈希字符 (a hash of 8–128 characters: letters, digits, _-+/=:.)");
    }
    return Optional.empty();
  }

  /**
   * The fast path taken by millions of imported records: allowed characters only, 8–128 long, and
   * not the 17-digits-plus-check shape of a national ID number.
   */
  private static boolean plainHash(String k) {
    int n = k.length();
    if (n < 8 || n > 128) {
      return false;
    }
    int digits = 0;
    for (int i = 0; i < n; i++) {
      char c = k.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      } else if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || "_-+/=:.".indexOf(c) >= 0)) {
        return false;
      }
    }
    return n != 18 || digits < 17;
  }

  static boolean isCjk(int codePoint) {
    Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
    return script == Character.UnicodeScript.HAN
        || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA
        || script == Character.UnicodeScript.HANGUL
        || Character.UnicodeBlock.of(codePoint)
            == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION;
  }
}
