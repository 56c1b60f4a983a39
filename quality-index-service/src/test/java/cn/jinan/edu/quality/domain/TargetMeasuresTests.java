package cn.jinan.edu.quality.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinan.edu.quality.domain.TargetMeasures.Counted;
import cn.jinan.edu.quality.domain.TargetMeasures.Obs;
import cn.jinan.edu.quality.domain.TargetMeasures.Outcome;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetMeasuresTests {
  static final String SOURCE = "approved data, latest period ≤ 2026";

  /** Districts D1…Dn by code → name. */
  static Map<String, String> districts(int n) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 1; i <= n; i++) {
      out.put("D" + i, "区" + i);
    }
    return out;
  }

  static Map<String, Obs> values(Obs... obs) {
    Map<String, Obs> out = new LinkedHashMap<>();
    for (Obs o : obs) {
      out.put(o.subject(), o);
    }
    return out;
  }

  static Obs obs(String subject, String district, int period, String value) {
    return new Obs(subject, district, period, new BigDecimal(value));
  }

  static BigDecimal n(String v) {
    return new BigDecimal(v);
  }

  static List<String> codes(List<Counted> counted) {
    return counted.stream().map(Counted::code).toList();
  }

  @Test
  void latestTakesTheLastPeriodUpToTheYear() {
    List<Obs> rows =
        List.of(obs("D1", "D1", 2024, "0"), obs("D1", "D1", 2025, "1"), obs("D1", "D1", 2027, "0"));
    assertEquals(2025, TargetMeasures.latest(rows, 2026).get("D1").period());
    assertEquals(2027, TargetMeasures.latest(rows, 2027).get("D1").period());
    assertTrue(TargetMeasures.latest(rows, 2023).isEmpty());
  }

  @Test
  void unitShareMetNotMetAndNoData() {
    Map<String, Obs> yes = values(obs("D1", "D1", 2026, "1"), obs("D2", "D2", 2025, "1"));
    Outcome met = TargetMeasures.unitShare(n("50"), n("1"), districts(4), yes, SOURCE);
    assertTrue(met.met());
    assertEquals("2 of 4 districts, 2 required, met", met.explanation());
    assertEquals(List.of("D1", "D2"), codes(met.counting()));
    assertEquals("approved 2025 value 1 ≥ 1", met.counting().get(1).reason());
    assertEquals(BigDecimal.ONE, met.progress());

    Map<String, Obs> one = values(obs("D1", "D1", 2026, "1"), obs("D2", "D2", 2026, "0"));
    Outcome unmet = TargetMeasures.unitShare(n("80"), n("1"), districts(4), one, SOURCE);
    assertFalse(unmet.met());
    assertEquals(n("4"), unmet.required());
    assertEquals(n("3"), unmet.gap());
    assertEquals("1 of 4 districts, 4 required, 3 more needed", unmet.explanation());
    assertEquals("approved 2026 value 0 < 1", unmet.notCounting().get(0).reason());
    assertEquals("no approved value", unmet.notCounting().get(1).reason());
    assertEquals(n("0.25"), unmet.progress());

    Outcome none = TargetMeasures.unitShare(n("80"), n("1"), districts(4), Map.of(), SOURCE);
    assertFalse(none.met());
    assertEquals(4, none.notCounting().size());
    assertEquals(BigDecimal.ZERO, none.current());
  }

  @Test
  void unitShareIgnoresQualifyingUnitsOutOfScope() {
    Map<String, Obs> v = values(obs("D9", "D9", 2026, "1"));
    Outcome o = TargetMeasures.unitShare(n("50"), n("1"), districts(2), v, SOURCE);
    assertEquals(List.of("D9"), o.ignored());
    assertEquals(2, o.considered());
  }

  @Test
  void schoolShareMetNotMetAndNoData() {
    Map<String, Obs> v =
        values(obs("S1", "D1", 2026, "2"), obs("S2", "D1", 2026, "1"), obs("S3", "D9", 2026, "2"));
    Outcome met = TargetMeasures.schoolShare(n("50"), n("2"), districts(2), v, SOURCE);
    assertTrue(met.met());
    assertEquals("1 of 2 schools, 1 required, met", met.explanation());
    assertEquals(List.of("S3"), met.ignored(), "a school of a district out of scope");
    assertEquals("D1", met.counting().get(0).districtCode());
    assertEquals("approved 2026 value 1 < 2", met.notCounting().get(0).reason());

    Outcome unmet = TargetMeasures.schoolShare(n("100"), n("2"), districts(2), v, SOURCE);
    assertFalse(unmet.met());
    assertEquals(n("1"), unmet.gap());

    Outcome none = TargetMeasures.schoolShare(n("100"), n("2"), districts(2), Map.of(), SOURCE);
    assertFalse(none.met());
    assertEquals("no schools reported yet, so nothing can be counted", none.explanation());
    assertEquals(BigDecimal.ZERO, none.required());
    assertEquals(BigDecimal.ZERO, none.progress(), "nothing required and not met");
  }

  @Test
  void ratioOfSumsMetNotMetAndNoData() {
    Map<String, Obs> num = values(obs("D1", "D1", 2026, "9"), obs("D2", "D2", 2026, "8"));
    Map<String, Obs> den = values(obs("D1", "D1", 2026, "10"), obs("D2", "D2", 2025, "10"));
    Outcome met = TargetMeasures.ratioOfSums(n("85"), "NUM", "DEN", districts(3), num, den, SOURCE);
    assertTrue(met.met());
    assertEquals(n("85.00"), met.current());
    assertEquals("17 of 20 (85%), 85% required, met", met.explanation());
    assertEquals("8 of 10 (approved 2026/2025)", met.counting().get(1).reason());
    assertEquals("no approved NUM", met.notCounting().get(0).reason());

    Outcome unmet =
        TargetMeasures.ratioOfSums(n("90"), "NUM", "DEN", districts(2), num, den, SOURCE);
    assertFalse(unmet.met());
    assertEquals("17 of 20 (85%), 90% required, 1 more needed", unmet.explanation());
    assertEquals(n("5.00"), unmet.gap());

    Outcome none =
        TargetMeasures.ratioOfSums(n("90"), "NUM", "DEN", districts(2), num, Map.of(), SOURCE);
    assertFalse(none.met());
    assertEquals("no data yet: nothing reported to count", none.explanation());
    assertEquals("no approved DEN", none.notCounting().get(0).reason());
    assertEquals(n("90"), none.gap());
  }

  @Test
  void ratioComparesExactlyAndNamesWhatItCounts() {
    // 2 of 3 is 66.66…%: shown rounded down, yet it does not reach 66.67%.
    Outcome o =
        TargetMeasures.ratio(n("66.67"), n("2"), n("3"), List.of(), List.of(), "s", " filed");
    assertFalse(o.met());
    assertEquals(n("66.66"), o.current());
    assertEquals("2 of 3 filed (66.66%), 66.67% required, 1 more needed", o.explanation());
    Outcome none = TargetMeasures.ratio(n("80"), n("0"), n("0"), List.of(), List.of(), "s", " x");
    assertEquals("no data yet: nothing reported to count x", none.explanation());
  }

  @Test
  void nothingToFileIsMet() {
    Outcome o = TargetMeasures.nothingToFile(n("100"), "registry");
    assertTrue(o.met());
    assertEquals(n("100"), o.current());
    assertEquals(BigDecimal.ONE, o.progress());
  }

  @Test
  void sumAtLeastMetNotMetAndNoData() {
    Map<String, Obs> v = values(obs("D1", "D1", 2026, "2"), obs("D2", "D2", 2026, "0"));
    Outcome met = TargetMeasures.sumAtLeast(n("2"), districts(3), v, SOURCE);
    assertTrue(met.met());
    assertEquals("2 so far across 3 districts, 2 required, met", met.explanation());
    assertEquals(List.of("D1"), codes(met.counting()));
    assertEquals("approved 2026 value 0", met.notCounting().get(0).reason());
    assertEquals("no approved value", met.notCounting().get(1).reason());

    Outcome unmet = TargetMeasures.sumAtLeast(n("5"), districts(3), v, SOURCE);
    assertFalse(unmet.met());
    assertEquals(n("3"), unmet.gap());
    assertEquals(n("0.4"), unmet.progress());

    Outcome none = TargetMeasures.sumAtLeast(n("1"), districts(3), Map.of(), SOURCE);
    assertFalse(none.met());
    assertEquals("0 so far across 3 districts, 1 required, 1 more needed", none.explanation());
    assertEquals(3, none.notCounting().size());
  }
}
