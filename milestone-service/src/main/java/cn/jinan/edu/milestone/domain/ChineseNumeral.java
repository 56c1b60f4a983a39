package cn.jinan.edu.milestone.domain;

/** Measure numerals as the plan writes them: 一 … 九十九 (the catalogue's numeral check). */
public final class ChineseNumeral {
  private static final String DIGITS = "一二三四五六七八九";

  private ChineseNumeral() {}

  public static String of(int n) {
    if (n < 1 || n > 99) {
      throw new IllegalArgumentException("1–99 only");
    }
    if (n < 10) {
      return digit(n);
    }
    String tens = n < 20 ? "十" : digit(n / 10) + "十";
    return n % 10 == 0 ? tens : tens + digit(n % 10);
  }

  private static String digit(int d) {
    return String.valueOf(DIGITS.charAt(d - 1));
  }
}
