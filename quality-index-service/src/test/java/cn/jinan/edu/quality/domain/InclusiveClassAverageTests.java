package cn.jinan.edu.quality.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinan.edu.quality.domain.InclusiveClassAverage.ClassKey;
import cn.jinan.edu.quality.domain.InclusiveClassAverage.Report;
import cn.jinan.edu.quality.domain.InclusiveClassAverage.Score;
import cn.jinan.edu.quality.domain.InclusiveClassAverage.ScoreRecord;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InclusiveClassAverageTests {

  private static Score regular(int score) {
    return new Score(BigDecimal.valueOf(score), false);
  }

  private static Score special(int score) {
    return new Score(BigDecimal.valueOf(score), true);
  }

  private static ScoreRecord rec(
      String district, String school, String cls, int score, boolean sn) {
    return new ScoreRecord(district, school, cls, BigDecimal.valueOf(score), sn);
  }

  @Test
  void specialNeedsScoresCountInTheNumeratorOnly() {
    // Σ = 80 + 90 + 70 + 60 + 40 + 30 = 370; 6 students, 2 with special needs.
    // Plan: 370 / 4 = 92.5. Conventional: 370 / 6 = 61.6666… → 61.6667.
    InclusiveClassAverage a =
        InclusiveClassAverage.of(
            List.of(regular(80), regular(90), regular(70), regular(60), special(40), special(30)));
    assertEquals(new BigDecimal("370"), a.totalScore());
    assertEquals(6, a.students());
    assertEquals(2, a.specialNeedsStudents());
    assertEquals(4, a.studentsWithoutSpecialNeeds());
    assertEquals(Optional.of(new BigDecimal("92.5000")), a.planAverage());
    assertEquals(Optional.of(new BigDecimal("61.6667")), a.conventionalAverage());
    assertEquals(
        "plan average 92.5000 = 370 ÷ 4 students without special needs (2 special-needs"
            + " students counted in the numerator only); conventional average 61.6667 = 370 ÷ 6"
            + " students",
        a.explanation());
  }

  @Test
  void withoutSpecialNeedsBothAveragesAgree() {
    InclusiveClassAverage a = InclusiveClassAverage.of(List.of(regular(70), regular(85)));
    assertEquals(Optional.of(new BigDecimal("77.5000")), a.planAverage());
    assertEquals(a.planAverage(), a.conventionalAverage());
  }

  @Test
  void onlySpecialNeedsStudentsHaveNoPlanAverage() {
    InclusiveClassAverage a = InclusiveClassAverage.of(List.of(special(60), special(90)));
    assertEquals(Optional.empty(), a.planAverage());
    assertEquals(Optional.of(new BigDecimal("75.0000")), a.conventionalAverage());
    assertTrue(a.explanation().startsWith("no plan average: all 2 students are special-needs"));
  }

  @Test
  void noStudentsNoAverages() {
    InclusiveClassAverage a = InclusiveClassAverage.of(List.of());
    assertEquals(Optional.empty(), a.planAverage());
    assertEquals(Optional.empty(), a.conventionalAverage());
    assertEquals("no students, no average", a.explanation());
  }

  @Test
  void schoolAndDistrictFiguresPoolTheStudents() {
    Report r =
        InclusiveClassAverage.aggregate(
            List.of(
                // D1 / S1 / class 1: Σ 370, 6 students, 2 special → plan 92.5
                rec("D1", "S1", "1", 80, false),
                rec("D1", "S1", "1", 90, false),
                rec("D1", "S1", "1", 70, false),
                rec("D1", "S1", "1", 60, false),
                rec("D1", "S1", "1", 40, true),
                rec("D1", "S1", "1", 30, true),
                // D1 / S1 / class 2: only special-needs students, Σ 100 → no plan average
                rec("D1", "S1", "2", 50, true),
                rec("D1", "S1", "2", 50, true),
                // D1 / S2 / class 1: Σ 180, 2 students → plan 90
                rec("D1", "S2", "1", 100, false),
                rec("D1", "S2", "1", 80, false),
                // D2 / S3 / class 1: Σ 150, 2 students, 1 special → plan 150
                rec("D2", "S3", "1", 90, false),
                rec("D2", "S3", "1", 60, true)));

    assertEquals(4, r.classes().size());
    assertEquals(
        Optional.of(new BigDecimal("92.5000")),
        r.classes().get(new ClassKey("S1", "1")).planAverage());
    assertEquals(Optional.empty(), r.classes().get(new ClassKey("S1", "2")).planAverage());

    // S1 pooled: Σ 470 over 8 students, 4 special → 470 / 4 = 117.5; conventional 470 / 8.
    InclusiveClassAverage s1 = r.schools().get("S1");
    assertEquals(Optional.of(new BigDecimal("117.5000")), s1.planAverage());
    assertEquals(Optional.of(new BigDecimal("58.7500")), s1.conventionalAverage());

    // D1 pooled: Σ 650 over 10 students, 4 special → 650 / 6 = 108.3333…; conventional 65.
    InclusiveClassAverage d1 = r.districts().get("D1");
    assertEquals(10, d1.students());
    assertEquals(Optional.of(new BigDecimal("108.3333")), d1.planAverage());
    assertEquals(Optional.of(new BigDecimal("65.0000")), d1.conventionalAverage());

    // City: Σ 800 over 12 students, 5 special → 800 / 7 = 114.2857…
    assertEquals(Optional.of(new BigDecimal("114.2857")), r.city().planAverage());
    assertEquals(List.of("D1", "D2"), List.copyOf(r.districts().keySet()));
  }

  @Test
  void decimalScoresStayExact() {
    InclusiveClassAverage a =
        InclusiveClassAverage.of(
            List.of(
                new Score(new BigDecimal("0.1"), false),
                new Score(new BigDecimal("0.2"), false),
                new Score(new BigDecimal("0.3"), true)));
    assertEquals(new BigDecimal("0.6"), a.totalScore());
    assertEquals(Optional.of(new BigDecimal("0.3000")), a.planAverage());
  }

  @Test
  void aSchoolInTwoDistrictsIsRejected() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            InclusiveClassAverage.aggregate(
                List.of(rec("D1", "S1", "1", 80, false), rec("D2", "S1", "2", 70, false))));
    assertThrows(IllegalArgumentException.class, () -> regular(-1));
  }
}
