package cn.jinan.edu.quality.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinan.edu.quality.domain.PreschoolCriteria.Assessment;
import cn.jinan.edu.quality.domain.PreschoolCriteria.Criterion;
import cn.jinan.edu.quality.domain.PreschoolCriteria.Indicators;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PreschoolCriteriaTests {

  private static Assessment assess(String gross, String inclusive, String publicShare) {
    return PreschoolCriteria.assess(
        new Indicators("370102", 2026, dec(gross), dec(inclusive), dec(publicShare)));
  }

  private static BigDecimal dec(String s) {
    return s == null ? null : new BigDecimal(s);
  }

  @Test
  void valuesExactlyAtTheThresholdsPass() {
    Assessment a = assess("85", "80", "50");
    assertTrue(a.passed());
    assertFalse(a.incomplete());
    assertEquals(3, a.checks().size());
    assertTrue(a.failing().isEmpty());
  }

  @Test
  void eachCheckIsExplained() {
    Assessment a = assess("92.3", "79.9", "61");
    assertFalse(a.passed());
    assertEquals(
        "学前三年毛入园率 (gross preschool enrolment): 92.3% vs ≥ 85%: pass",
        a.checks().get(0).explanation());
    assertEquals(
        "普惠性幼儿园覆盖率 (inclusive coverage): 79.9% vs ≥ 80%: fail", a.checks().get(1).explanation());
    assertEquals(Criterion.INCLUSIVE_COVERAGE, a.failing().get(0).criterion());
    assertEquals(1, a.failing().size());
  }

  @Test
  void justBelowEachThresholdFails() {
    assertFalse(assess("84.99", "90", "60").passed());
    assertFalse(assess("90", "79.99", "60").passed());
    assertFalse(assess("90", "90", "49.99").passed());
  }

  @Test
  void missingValueIsNoDataNotAPass() {
    Assessment a = assess("90", null, "60");
    assertFalse(a.passed());
    assertTrue(a.incomplete());
    PreschoolCriteria.Check missing = a.checks().get(1);
    assertEquals(CheckOutcome.NO_DATA, missing.outcome());
    assertNull(missing.value());
    assertEquals("普惠性幼儿园覆盖率 (inclusive coverage): no data, ≥ 80% required", missing.explanation());
  }

  @Test
  void percentFromCountsTruncatesSoRoundingCannotCreateAPass() {
    assertEquals(0, new BigDecimal("85").compareTo(PreschoolCriteria.percent(17, 20)));
    // 84.9999999% truncates to 84.999999, still below 85.
    BigDecimal almost = PreschoolCriteria.percent(849_999_999L, 1_000_000_000L);
    assertEquals(new BigDecimal("84.999999"), almost);
    assertFalse(
        PreschoolCriteria.assess(new Indicators("370102", 2026, almost, dec("90"), dec("60")))
            .passed());
    assertThrows(IllegalArgumentException.class, () -> PreschoolCriteria.percent(1, 0));
  }
}
