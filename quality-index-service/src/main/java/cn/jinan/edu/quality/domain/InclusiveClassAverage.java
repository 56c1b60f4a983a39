package cn.jinan.edu.quality.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The plan's average for classes with special-needs students in regular classes (随班就读, measure 十三):
 * their scores count in the numerator but not in the denominator (只计入分子，不计入分母), so plan average = Σ
 * scores of all students ÷ number of students without special needs. The conventional average (Σ
 * all ÷ all) is kept beside it for comparison.
 *
 * <p>Totals and counts are exact; averages are rounded once, to {@value #SCALE} decimals half-up.
 *
 * @param totalScore Σ scores of all students, special needs included
 * @param students all students
 * @param specialNeedsStudents students with special needs (随班就读学生)
 */
public record InclusiveClassAverage(
    BigDecimal totalScore, long students, long specialNeedsStudents) {

  /** Decimals of the reported averages. */
  public static final int SCALE = 4;

  /** No students. */
  public static final InclusiveClassAverage EMPTY =
      new InclusiveClassAverage(BigDecimal.ZERO, 0, 0);

  public InclusiveClassAverage {
    Objects.requireNonNull(totalScore, "totalScore");
    if (students < 0 || specialNeedsStudents < 0 || specialNeedsStudents > students) {
      throw new IllegalArgumentException("need 0 ≤ specialNeedsStudents ≤ students");
    }
  }

  /** One student's score. */
  public record Score(BigDecimal score, boolean specialNeeds) {
    public Score {
      Objects.requireNonNull(score, "score");
      if (score.signum() < 0) {
        throw new IllegalArgumentException("score must be ≥ 0");
      }
    }
  }

  public static InclusiveClassAverage of(Iterable<Score> scores) {
    InclusiveClassAverage result = EMPTY;
    for (Score s : scores) {
      result = result.plus(s);
    }
    return result;
  }

  public InclusiveClassAverage plus(Score s) {
    return new InclusiveClassAverage(
        totalScore.add(s.score()), students + 1, specialNeedsStudents + (s.specialNeeds() ? 1 : 0));
  }

  /** Pooling: the same as putting both groups' students into one. */
  public InclusiveClassAverage plus(InclusiveClassAverage other) {
    return new InclusiveClassAverage(
        totalScore.add(other.totalScore),
        students + other.students,
        specialNeedsStudents + other.specialNeedsStudents);
  }

  /** The plan's denominator. */
  public long studentsWithoutSpecialNeeds() {
    return students - specialNeedsStudents;
  }

  /** Σ all ÷ students without special needs; empty when there are none (denominator zero). */
  public Optional<BigDecimal> planAverage() {
    return divide(studentsWithoutSpecialNeeds());
  }

  /** Σ all ÷ all students; empty when there are no students. */
  public Optional<BigDecimal> conventionalAverage() {
    return divide(students);
  }

  private Optional<BigDecimal> divide(long denominator) {
    return denominator == 0
        ? Optional.empty()
        : Optional.of(
            totalScore.divide(BigDecimal.valueOf(denominator), SCALE, RoundingMode.HALF_UP));
  }

  public String explanation() {
    if (students == 0) {
      return "no students, no average";
    }
    String total = totalScore.stripTrailingZeros().toPlainString();
    String conventional =
        "conventional average "
            + conventionalAverage().orElseThrow().toPlainString()
            + " = "
            + total
            + " ÷ "
            + students
            + " students";
    if (studentsWithoutSpecialNeeds() == 0) {
      return "no plan average: all "
          + students
          + " students are special-needs students (随班就读), so the plan's denominator is zero; "
          + conventional;
    }
    return "plan average "
        + planAverage().orElseThrow().toPlainString()
        + " = "
        + total
        + " ÷ "
        + studentsWithoutSpecialNeeds()
        + " students without special needs ("
        + specialNeedsStudents
        + " special-needs students counted in the numerator only); "
        + conventional;
  }

  /** A score with where it belongs. */
  public record ScoreRecord(
      String districtCode,
      String schoolUscc,
      String classId,
      BigDecimal score,
      boolean specialNeeds) {
    public ScoreRecord {
      Objects.requireNonNull(districtCode, "districtCode");
      Objects.requireNonNull(schoolUscc, "schoolUscc");
      Objects.requireNonNull(classId, "classId");
    }
  }

  /** A class is identified within its school. */
  public record ClassKey(String schoolUscc, String classId) {}

  /**
   * Figures for every class, school, district and the city.
   *
   * <p>School, district and city figures pool the students (Σ all scores ÷ Σ students without
   * special needs), i.e. the plan's rule applied to the larger group, rather than averaging class
   * averages: that weights every student equally, and a class made up only of special-needs
   * students, which has no average of its own, still contributes its scores as the rule says.
   */
  public record Report(
      Map<ClassKey, InclusiveClassAverage> classes,
      Map<String, InclusiveClassAverage> schools,
      Map<String, InclusiveClassAverage> districts,
      InclusiveClassAverage city) {}

  /**
   * Aggregates scores by class, school and district.
   *
   * @throws IllegalArgumentException if a school appears under two districts
   */
  public static Report aggregate(Iterable<ScoreRecord> records) {
    Map<ClassKey, InclusiveClassAverage> classes = new LinkedHashMap<>();
    Map<String, InclusiveClassAverage> schools = new TreeMap<>();
    Map<String, InclusiveClassAverage> districts = new TreeMap<>();
    Map<String, String> districtOfSchool = new HashMap<>();
    InclusiveClassAverage city = EMPTY;
    for (ScoreRecord r : records) {
      String known = districtOfSchool.putIfAbsent(r.schoolUscc(), r.districtCode());
      if (known != null && !known.equals(r.districtCode())) {
        throw new IllegalArgumentException(
            "school " + r.schoolUscc() + " is under both " + known + " and " + r.districtCode());
      }
      Score s = new Score(r.score(), r.specialNeeds());
      classes.merge(
          new ClassKey(r.schoolUscc(), r.classId()), EMPTY.plus(s), InclusiveClassAverage::plus);
      schools.merge(r.schoolUscc(), EMPTY.plus(s), InclusiveClassAverage::plus);
      districts.merge(r.districtCode(), EMPTY.plus(s), InclusiveClassAverage::plus);
      city = city.plus(s);
    }
    return new Report(
        Collections.unmodifiableMap(classes),
        Collections.unmodifiableMap(schools),
        Collections.unmodifiableMap(districts),
        city);
  }
}
