package cn.jinan.edu.quality.domain;

import static cn.jinan.edu.quality.domain.BalancedCriteria.Indicator.EQUIPMENT_VALUE_PER_STUDENT;
import static cn.jinan.edu.quality.domain.BalancedCriteria.Indicator.KEY_TEACHERS_PER_100;
import static cn.jinan.edu.quality.domain.BalancedCriteria.Indicator.MULTIMEDIA_CLASSROOMS_PER_100;
import static cn.jinan.edu.quality.domain.BalancedCriteria.Indicator.SPORTS_GROUND_PER_STUDENT;
import static cn.jinan.edu.quality.domain.BalancedCriteria.Stage.JUNIOR;
import static cn.jinan.edu.quality.domain.BalancedCriteria.Stage.PRIMARY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinan.edu.quality.domain.BalancedCriteria.Assessment;
import cn.jinan.edu.quality.domain.BalancedCriteria.Dispersion;
import cn.jinan.edu.quality.domain.BalancedCriteria.Indicator;
import cn.jinan.edu.quality.domain.BalancedCriteria.IndicatorResult;
import cn.jinan.edu.quality.domain.BalancedCriteria.Level;
import cn.jinan.edu.quality.domain.BalancedCriteria.Observation;
import cn.jinan.edu.quality.domain.BalancedCriteria.School;
import cn.jinan.edu.quality.domain.BalancedCriteria.SchoolResult;
import cn.jinan.edu.quality.domain.BalancedCriteria.Stage;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BalancedCriteriaTests {

  /** Every indicator exactly at its standard. */
  private static Map<Indicator, BigDecimal> atStandard(Stage stage) {
    Map<Indicator, BigDecimal> values = new EnumMap<>(Indicator.class);
    for (Indicator i : Indicator.values()) {
      values.put(i, i.standard(stage));
    }
    return values;
  }

  private static School school(String id, long students, Map<Indicator, BigDecimal> values) {
    return new School(id, students, values);
  }

  private static SchoolResult primaryWith(Indicator indicator, String value) {
    Map<Indicator, BigDecimal> v = atStandard(PRIMARY);
    v.put(indicator, new BigDecimal(value));
    return BalancedCriteria.assessSchool(PRIMARY, school("S", 500, v));
  }

  @Test
  void allSevenMetPasses() {
    SchoolResult r = BalancedCriteria.assessSchool(PRIMARY, school("S", 500, atStandard(PRIMARY)));
    assertTrue(r.passed());
    assertEquals(7, r.metCount());
    assertTrue(r.belowStandard().isEmpty());
  }

  @Test
  void sixMetAndSeventhAtEightyFivePercentPasses() {
    // 0.85 × 7.5 m² = 6.375 m²
    SchoolResult r = primaryWith(SPORTS_GROUND_PER_STUDENT, "6.375");
    assertEquals(6, r.metCount());
    assertEquals(Level.AT_LEAST_85_PERCENT, r.checks().get(4).level());
    assertEquals(List.of(SPORTS_GROUND_PER_STUDENT), r.belowStandard());
    assertTrue(r.passed(), r.explanation());
  }

  @Test
  void sixMetAndSeventhAtEightyFourPointNinePercentFails() {
    // 0.849 × 7.5 m² = 6.3675 m²
    SchoolResult r = primaryWith(SPORTS_GROUND_PER_STUDENT, "6.3675");
    assertEquals(6, r.metCount());
    assertEquals(Level.BELOW_85_PERCENT, r.checks().get(4).level());
    assertFalse(r.passed());
    assertTrue(r.explanation().contains("生均体育运动场馆面积: 6.3675 (84.9% of standard)"));
    assertTrue(r.explanation().endsWith(": fail"));
  }

  @Test
  void fiveMetFailsEvenWhenBothOthersAreClose() {
    Map<Indicator, BigDecimal> v = atStandard(PRIMARY);
    v.put(SPORTS_GROUND_PER_STUDENT, new BigDecimal("7.4"));
    v.put(EQUIPMENT_VALUE_PER_STUDENT, new BigDecimal("1999"));
    SchoolResult r = BalancedCriteria.assessSchool(PRIMARY, school("S", 500, v));
    assertEquals(5, r.metCount());
    assertEquals(
        List.of(SPORTS_GROUND_PER_STUDENT, EQUIPMENT_VALUE_PER_STUDENT), r.belowStandard());
    assertFalse(r.passed());
  }

  @Test
  void missingValueIsNotAPass() {
    Map<Indicator, BigDecimal> v = atStandard(PRIMARY);
    v.remove(MULTIMEDIA_CLASSROOMS_PER_100);
    SchoolResult r = BalancedCriteria.assessSchool(PRIMARY, school("S", 500, v));
    assertEquals(Level.NO_DATA, r.checks().get(6).level());
    assertFalse(r.passed());
  }

  @Test
  void juniorStandardsAreHigher() {
    // 4.2 meets primary but is 79% of junior's 5.3.
    School s = school("S", 500, atStandard(PRIMARY));
    assertTrue(BalancedCriteria.assessSchool(PRIMARY, s).passed());
    assertFalse(BalancedCriteria.assessSchool(JUNIOR, s).passed());
  }

  @Test
  void weightedCoefficientOfVariationOnAHandComputedVector() {
    // Students 100, 300, 600; values 2, 4, 6.
    // P = 1000; X̄ = (100·2 + 300·4 + 600·6) / 1000 = (200 + 1200 + 3600) / 1000 = 5.0
    // S² = 0.1·(2−5)² + 0.3·(4−5)² + 0.6·(6−5)² = 0.9 + 0.3 + 0.6 = 1.8
    // S = √1.8 = 1.3416407864998738…; CV = S / 5 = 0.26832815729997476…
    Dispersion d =
        BalancedCriteria.dispersion(
            List.of(
                new Observation(100, new BigDecimal("2")),
                new Observation(300, new BigDecimal("4")),
                new Observation(600, new BigDecimal("6"))));
    assertEquals(1000, d.students());
    assertEquals(5.0, d.mean().doubleValue(), 1e-9);
    assertEquals(Math.sqrt(1.8), d.standardDeviation().doubleValue(), 1e-9);
    assertEquals(0.26832815729997476, d.cv().doubleValue(), 1e-9);
  }

  @Test
  void cvExactlyAtTheLimitPassesForPrimaryOnly() {
    // Equal weights, key teachers 1 and 3: X̄ = 2, S = 1, CV = 0.50.
    Map<Indicator, BigDecimal> low = atStandard(JUNIOR);
    Map<Indicator, BigDecimal> high = atStandard(JUNIOR);
    high.put(KEY_TEACHERS_PER_100, new BigDecimal("3"));
    List<School> schools = List.of(school("A", 400, low), school("B", 400, high));

    Assessment primary = BalancedCriteria.assess("370102", PRIMARY, schools);
    IndicatorResult key = primary.indicators().get(KEY_TEACHERS_PER_100.ordinal());
    assertEquals(0, new BigDecimal("0.5").compareTo(key.dispersion().cv()));
    assertEquals(CheckOutcome.PASS, key.outcome());
    assertTrue(primary.passed());

    Assessment junior = BalancedCriteria.assess("370102", JUNIOR, schools);
    assertEquals(List.of(KEY_TEACHERS_PER_100), junior.failingIndicators());
    assertTrue(junior.failingSchools().isEmpty());
    assertFalse(junior.passed());
    assertEquals(
        "每百名学生拥有县级及以上骨干教师数 CV 0.5000 vs ≤ 0.45: fail",
        junior.indicators().get(KEY_TEACHERS_PER_100.ordinal()).explanation());
  }

  @Test
  void districtAssessmentListsFailingSchoolsAndIndicators() {
    Map<Indicator, BigDecimal> weak = atStandard(PRIMARY);
    weak.put(SPORTS_GROUND_PER_STUDENT, new BigDecimal("2"));
    Map<Indicator, BigDecimal> strong = atStandard(PRIMARY);
    strong.put(SPORTS_GROUND_PER_STUDENT, new BigDecimal("20"));
    Assessment a =
        BalancedCriteria.assess(
            "370126", PRIMARY, List.of(school("WEAK", 300, weak), school("OK", 300, strong)));
    // X̄ = 11, S = 9, CV = 0.818…
    assertEquals(
        List.of("WEAK"), a.failingSchools().stream().map(SchoolResult::schoolUscc).toList());
    assertEquals(List.of(SPORTS_GROUND_PER_STUDENT), a.failingIndicators());
    assertEquals(9.0 / 11.0, a.indicators().get(4).dispersion().cv().doubleValue(), 1e-12);
    assertEquals(0.0, a.indicators().get(0).dispersion().cv().doubleValue());
    assertFalse(a.passed());
  }

  @Test
  void indicatorMissingForOneSchoolHasNoCv() {
    Map<Indicator, BigDecimal> partial = atStandard(PRIMARY);
    partial.remove(EQUIPMENT_VALUE_PER_STUDENT);
    Assessment a =
        BalancedCriteria.assess(
            "370102",
            PRIMARY,
            List.of(school("A", 300, atStandard(PRIMARY)), school("B", 300, partial)));
    IndicatorResult equipment = a.indicators().get(EQUIPMENT_VALUE_PER_STUDENT.ordinal());
    assertEquals(CheckOutcome.NO_DATA, equipment.outcome());
    assertNull(equipment.dispersion());
    assertEquals(List.of("B"), equipment.schoolsWithoutData());
    assertFalse(a.passed());
  }
}
