package cn.jinan.edu.quality.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ShareTargetTests {

  /** Jinan's 12 county-level divisions (GB/T 2260). */
  static final List<String> JINAN =
      List.of(
          "370102", "370103", "370104", "370105", "370112", "370113", "370114", "370115", "370116",
          "370117", "370124", "370126");

  /** The 12 plus three functional zones, should the scope ever widen to 15. */
  static final List<String> FIFTEEN = concat(JINAN, List.of("ZONE-A", "ZONE-B", "ZONE-C"));

  static final ShareTarget EIGHTY = ShareTarget.ofPercent("80");
  static final ShareTarget SIXTY = ShareTarget.ofPercent("60");
  static final ShareTarget ALL = ShareTarget.ofPercent("100");

  @Test
  void requiredCountIsTheExactCeiling() {
    assertEquals(10, EIGHTY.requiredCount(12)); // 9.6 → 10
    assertEquals(8, SIXTY.requiredCount(12)); // 7.2 → 8
    assertEquals(12, EIGHTY.requiredCount(15)); // exactly 12, must not round up to 13
    assertEquals(9, SIXTY.requiredCount(15)); // exactly 9
    assertEquals(12, ALL.requiredCount(12));
    assertEquals(15, ALL.requiredCount(15));
    assertEquals(8, ShareTarget.ofPercent("50").requiredCount(15)); // 7.5 → 8
    assertEquals(6, ShareTarget.ofPercent("33.4").requiredCount(15)); // 5.01 → 6
    assertEquals(5, ShareTarget.ofPercent("33.3").requiredCount(15)); // 4.995 → 5
  }

  @Test
  void nineOfTwelveIsNotEightyPercentButTenIs() {
    ShareTarget.Evaluation nine = EIGHTY.evaluate(JINAN, JINAN.subList(0, 9));
    assertFalse(nine.met());
    assertEquals(1, nine.shortfall());
    assertEquals("9 of 12 districts, 10 required, 1 more needed", nine.explanation());

    ShareTarget.Evaluation ten = EIGHTY.evaluate(JINAN, JINAN.subList(0, 10));
    assertTrue(ten.met());
    assertEquals(0, ten.shortfall());
    assertEquals("10 of 12 districts, 10 required, met", ten.explanation());
  }

  @Test
  void sevenOfTwelveIsNotSixtyPercentButEightIs() {
    assertFalse(SIXTY.evaluate(JINAN, JINAN.subList(0, 7)).met());
    assertEquals(
        "7 of 12 districts, 8 required, 1 more needed",
        SIXTY.evaluate(JINAN, JINAN.subList(0, 7)).explanation());
    assertTrue(SIXTY.evaluate(JINAN, JINAN.subList(0, 8)).met());
  }

  @Test
  void gapIsExplainedInPlainTerms() {
    assertEquals(
        "7 of 12 districts, 10 required, 3 more needed",
        EIGHTY.evaluate(JINAN, JINAN.subList(0, 7)).explanation());
  }

  @Test
  void fifteenUnitsInScope() {
    assertFalse(EIGHTY.evaluate(FIFTEEN, FIFTEEN.subList(0, 11)).met());
    assertTrue(EIGHTY.evaluate(FIFTEEN, FIFTEEN.subList(0, 12)).met());
    assertFalse(SIXTY.evaluate(FIFTEEN, FIFTEEN.subList(0, 8)).met());
    assertTrue(SIXTY.evaluate(FIFTEEN, FIFTEEN.subList(0, 9)).met());
  }

  @Test
  void hundredPercentNeedsEveryUnit() {
    ShareTarget.Evaluation eleven = ALL.evaluate(JINAN, JINAN.subList(0, 11));
    assertFalse(eleven.met());
    assertEquals(List.of("370126"), eleven.notCounting());
    assertTrue(ALL.evaluate(JINAN, JINAN).met());
  }

  @Test
  void listsCountingNonCountingAndIgnoredUnits() {
    ShareTarget.Evaluation e =
        EIGHTY.evaluate(
            List.of("370102", "370103", "370104"), List.of("370104", "370102", "ZONE-A"));
    assertEquals(List.of("370102", "370104"), e.counting()); // scope order
    assertEquals(List.of("370103"), e.notCounting());
    assertEquals(List.of("ZONE-A"), e.ignored()); // outside the scope: does not count
    assertEquals(3, e.required()); // 2.4 → 3
    assertFalse(e.met());
  }

  @Test
  void duplicatesCountOnce() {
    ShareTarget.Evaluation e =
        ALL.evaluate(List.of("370102", "370102", "370103"), List.of("370102", "370102"));
    assertEquals(2, e.inScope());
    assertEquals(1, e.count());
  }

  @Test
  void rejectsMeaninglessInput() {
    assertThrows(IllegalArgumentException.class, () -> ShareTarget.ofPercent("0"));
    assertThrows(IllegalArgumentException.class, () -> ShareTarget.ofPercent("100.01"));
    assertThrows(
        IllegalArgumentException.class, () -> new ShareTarget(new BigDecimal("-5"), "districts"));
    assertThrows(IllegalArgumentException.class, () -> EIGHTY.evaluate(List.of(), List.of()));
    assertThrows(IllegalArgumentException.class, () -> EIGHTY.requiredCount(-1));
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return Stream.concat(a.stream(), b.stream()).toList();
  }
}
