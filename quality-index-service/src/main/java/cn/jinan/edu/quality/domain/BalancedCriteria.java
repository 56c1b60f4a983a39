package cn.jinan.edu.quality.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Readiness of a district for the title 国家义务教育优质均衡发展县 (high-quality balanced compulsory education
 * county, 教督〔2017〕6号), assessed for primary (小学) and junior (初中) schools separately.
 *
 * <p>Only the seven resource indicators (资源配置七项指标) are checked: each school against the standards
 * (at least 6 of 7 met, and the remaining one at ≥ 85% of its standard), and each indicator's
 * enrolment-weighted coefficient of variation (差异系数) across the district's schools. The further
 * conditions (basic-balance title held ≥ 3 years, social recognition, vetoes) are not assessed
 * here. Values and standards are {@link BigDecimal} so that a value exactly at a threshold is
 * judged exactly.
 */
public final class BalancedCriteria {

  private BalancedCriteria() {}

  /** Share of the standard that the one unmet indicator must still reach. */
  public static final BigDecimal TOLERATED_SHARE = new BigDecimal("0.85");

  /** Indicators a school may miss (while still at ≥ 85%) and pass. */
  public static final int MAY_MISS = 1;

  // 34 significant digits: boundary cases such as CV exactly 0.50 come out exact in practice.
  private static final MathContext MC = MathContext.DECIMAL128;

  /** School stage, with the maximum coefficient of variation allowed between its schools. */
  public enum Stage {
    /** 小学: CV ≤ 0.50. */
    PRIMARY("小学", "0.50"),
    /** 初中: CV ≤ 0.45. */
    JUNIOR("初中", "0.45");

    private final String chinese;
    private final BigDecimal maxCv;

    Stage(String chinese, String maxCv) {
      this.chinese = chinese;
      this.maxCv = new BigDecimal(maxCv);
    }

    public String chinese() {
      return chinese;
    }

    public BigDecimal maxCv() {
      return maxCv;
    }
  }

  /** The seven resource indicators with their minimum standards (primary / junior). */
  public enum Indicator {
    /** 每百名学生拥有高于规定学历教师数: 4.2 / 5.3. */
    QUALIFIED_TEACHERS_PER_100(
        "teachers above required qualification per 100 students", "每百名学生拥有高于规定学历教师数", "4.2", "5.3"),
    /** 每百名学生拥有县级及以上骨干教师数: 1 / 1. */
    KEY_TEACHERS_PER_100(
        "county-level or higher key teachers per 100 students", "每百名学生拥有县级及以上骨干教师数", "1", "1"),
    /** 每百名学生拥有体育、艺术（美术、音乐）专任教师数: 0.9 / 0.9. */
    PE_ART_TEACHERS_PER_100(
        "PE and art teachers per 100 students", "每百名学生拥有体育、艺术（美术、音乐）专任教师数", "0.9", "0.9"),
    /** 生均教学及辅助用房面积 (m²): 4.5 / 5.8. */
    FLOOR_SPACE_PER_STUDENT(
        "teaching and auxiliary floor space per student (m²)", "生均教学及辅助用房面积", "4.5", "5.8"),
    /** 生均体育运动场馆面积 (m²): 7.5 / 10.2. */
    SPORTS_GROUND_PER_STUDENT("sports ground per student (m²)", "生均体育运动场馆面积", "7.5", "10.2"),
    /** 生均教学仪器设备值 (yuan): 2000 / 2500. */
    EQUIPMENT_VALUE_PER_STUDENT(
        "teaching equipment value per student (yuan)", "生均教学仪器设备值", "2000", "2500"),
    /** 每百名学生拥有网络多媒体教室数: 2.3 / 2.4. */
    MULTIMEDIA_CLASSROOMS_PER_100(
        "networked multimedia classrooms per 100 students", "每百名学生拥有网络多媒体教室数", "2.3", "2.4");

    private final String english;
    private final String chinese;
    private final BigDecimal primary;
    private final BigDecimal junior;

    Indicator(String english, String chinese, String primary, String junior) {
      this.english = english;
      this.chinese = chinese;
      this.primary = new BigDecimal(primary);
      this.junior = new BigDecimal(junior);
    }

    public String english() {
      return english;
    }

    public String chinese() {
      return chinese;
    }

    public BigDecimal standard(Stage stage) {
      return stage == Stage.PRIMARY ? primary : junior;
    }
  }

  /**
   * A school's resource indicators, already normalised (per student or per 100 students).
   *
   * @param students enrolment, the weight in the coefficient of variation
   * @param values indicator values; a missing entry means not reported
   */
  public record School(String schoolUscc, long students, Map<Indicator, BigDecimal> values) {

    public School {
      Objects.requireNonNull(schoolUscc, "schoolUscc");
      if (students <= 0) {
        throw new IllegalArgumentException("students must be > 0 for " + schoolUscc);
      }
      values = Map.copyOf(values);
    }

    public BigDecimal value(Indicator indicator) {
      return values.get(indicator);
    }
  }

  /** How one value stands against its standard. */
  public enum Level {
    MEETS_STANDARD,
    /** Below the standard but at ≥ 85% of it: tolerated once. */
    AT_LEAST_85_PERCENT,
    BELOW_85_PERCENT,
    NO_DATA
  }

  /** One school indicator against its standard; {@code value} null when not reported. */
  public record IndicatorCheck(
      Indicator indicator, BigDecimal value, BigDecimal standard, Level level) {

    public String explanation() {
      String shown =
          value == null
              ? "no data"
              : value.stripTrailingZeros().toPlainString()
                  + " ("
                  + value
                      .multiply(BigDecimal.valueOf(100))
                      .divide(standard, 1, RoundingMode.DOWN)
                      .toPlainString()
                  + "% of standard)";
      return indicator.chinese()
          + ": "
          + shown
          + " vs standard "
          + standard.stripTrailingZeros().toPlainString()
          + ": "
          + level.name().toLowerCase().replace('_', ' ');
    }
  }

  /** A school's result: pass when ≥ 6 of 7 meet the standard and the other is at ≥ 85%. */
  public record SchoolResult(String schoolUscc, long students, List<IndicatorCheck> checks) {

    public SchoolResult {
      checks = List.copyOf(checks);
    }

    public long metCount() {
      return checks.stream().filter(c -> c.level() == Level.MEETS_STANDARD).count();
    }

    /** Indicators not meeting the standard (including a tolerated one and missing ones). */
    public List<Indicator> belowStandard() {
      return checks.stream()
          .filter(c -> c.level() != Level.MEETS_STANDARD)
          .map(IndicatorCheck::indicator)
          .toList();
    }

    public boolean passed() {
      List<IndicatorCheck> missed =
          checks.stream().filter(c -> c.level() != Level.MEETS_STANDARD).toList();
      return missed.size() <= MAY_MISS
          && missed.stream().allMatch(c -> c.level() == Level.AT_LEAST_85_PERCENT);
    }

    public String explanation() {
      StringBuilder out =
          new StringBuilder(
              schoolUscc + ": meets " + metCount() + " of " + checks.size() + " standards");
      for (IndicatorCheck c : checks) {
        if (c.level() != Level.MEETS_STANDARD) {
          out.append("; ").append(c.explanation());
        }
      }
      return out.append(passed() ? ": pass" : ": fail").toString();
    }
  }

  /** Enrolment-weighted mean, standard deviation and coefficient of variation. */
  public record Dispersion(
      long students, BigDecimal mean, BigDecimal standardDeviation, BigDecimal cv) {

    /** CV is undefined when the mean is zero; {@code cv} is then null. */
    public boolean cvDefined() {
      return cv != null;
    }
  }

  /** One school's weight (students) and value for the dispersion. */
  public record Observation(long students, BigDecimal value) {
    public Observation {
      Objects.requireNonNull(value, "value");
      if (students <= 0) {
        throw new IllegalArgumentException("students must be > 0");
      }
    }
  }

  /**
   * Enrolment-weighted dispersion as the national rule defines it: P = Σ Pᵢ, X̄ = Σ PᵢXᵢ / P, S =
   * √( Σ (Pᵢ/P)(Xᵢ − X̄)² ), CV = S / X̄. Computed to 34 significant digits.
   */
  public static Dispersion dispersion(List<Observation> observations) {
    if (observations.isEmpty()) {
      throw new IllegalArgumentException("no observations");
    }
    long p = 0;
    BigDecimal weighted = BigDecimal.ZERO;
    for (Observation o : observations) {
      p = Math.addExact(p, o.students());
      weighted = weighted.add(BigDecimal.valueOf(o.students()).multiply(o.value()));
    }
    BigDecimal total = BigDecimal.valueOf(p);
    BigDecimal mean = weighted.divide(total, MC);
    // Centred on the mean first, so large values with small spread lose nothing.
    BigDecimal squares = BigDecimal.ZERO;
    for (Observation o : observations) {
      BigDecimal d = o.value().subtract(mean, MC);
      squares = squares.add(BigDecimal.valueOf(o.students()).multiply(d.multiply(d, MC), MC), MC);
    }
    BigDecimal sd = squares.divide(total, MC).sqrt(MC);
    BigDecimal cv = mean.signum() == 0 ? null : sd.divide(mean, MC);
    return new Dispersion(p, mean, sd, cv);
  }

  /** One indicator's between-school variation in the district. */
  public record IndicatorResult(
      Indicator indicator,
      BigDecimal maxCv,
      Dispersion dispersion,
      List<String> schoolsWithoutData,
      CheckOutcome outcome) {

    public IndicatorResult {
      schoolsWithoutData = List.copyOf(schoolsWithoutData);
    }

    public String explanation() {
      String head = indicator.chinese() + " CV ";
      String limit = " vs ≤ " + maxCv.toPlainString() + ": " + outcome.label();
      if (!schoolsWithoutData.isEmpty()) {
        return head + "not computed, no data for " + schoolsWithoutData + limit;
      }
      if (!dispersion.cvDefined()) {
        return head + "undefined (mean is zero)" + limit;
      }
      return head + dispersion.cv().setScale(4, RoundingMode.HALF_UP).toPlainString() + limit;
    }
  }

  /** A district's assessment for one stage. */
  public record Assessment(
      String districtCode,
      Stage stage,
      List<SchoolResult> schools,
      List<IndicatorResult> indicators) {

    public Assessment {
      schools = List.copyOf(schools);
      indicators = List.copyOf(indicators);
    }

    public List<SchoolResult> failingSchools() {
      return schools.stream().filter(s -> !s.passed()).toList();
    }

    public List<Indicator> failingIndicators() {
      return indicators.stream()
          .filter(i -> i.outcome() != CheckOutcome.PASS)
          .map(IndicatorResult::indicator)
          .toList();
    }

    /** Every school passes and every indicator's CV is within the limit. */
    public boolean passed() {
      return failingSchools().isEmpty() && failingIndicators().isEmpty();
    }
  }

  /** Checks one school against the standards of its stage. */
  public static SchoolResult assessSchool(Stage stage, School school) {
    List<IndicatorCheck> checks = new ArrayList<>();
    for (Indicator indicator : Indicator.values()) {
      BigDecimal standard = indicator.standard(stage);
      BigDecimal value = school.value(indicator);
      Level level;
      if (value == null) {
        level = Level.NO_DATA;
      } else if (value.compareTo(standard) >= 0) {
        level = Level.MEETS_STANDARD;
      } else if (value.compareTo(standard.multiply(TOLERATED_SHARE)) >= 0) {
        level = Level.AT_LEAST_85_PERCENT;
      } else {
        level = Level.BELOW_85_PERCENT;
      }
      checks.add(new IndicatorCheck(indicator, value, standard, level));
    }
    return new SchoolResult(school.schoolUscc(), school.students(), checks);
  }

  /**
   * Assesses a district's schools of one stage.
   *
   * <p>An indicator with a value missing for any school gets {@link CheckOutcome#NO_DATA}: a CV
   * over only the reporting schools could hide exactly the outlier the rule is meant to catch.
   */
  public static Assessment assess(String districtCode, Stage stage, List<School> schools) {
    if (schools.isEmpty()) {
      throw new IllegalArgumentException("no schools for " + districtCode);
    }
    List<SchoolResult> schoolResults = schools.stream().map(s -> assessSchool(stage, s)).toList();
    List<IndicatorResult> indicatorResults = new ArrayList<>();
    for (Indicator indicator : Indicator.values()) {
      List<Observation> observations = new ArrayList<>();
      List<String> missing = new ArrayList<>();
      for (School s : schools) {
        BigDecimal v = s.value(indicator);
        if (v == null) {
          missing.add(s.schoolUscc());
        } else {
          observations.add(new Observation(s.students(), v));
        }
      }
      Dispersion d = missing.isEmpty() ? dispersion(observations) : null;
      CheckOutcome outcome;
      if (d == null) {
        outcome = CheckOutcome.NO_DATA;
      } else if (d.cvDefined() && d.cv().compareTo(stage.maxCv()) <= 0) {
        outcome = CheckOutcome.PASS;
      } else {
        outcome = CheckOutcome.FAIL;
      }
      indicatorResults.add(new IndicatorResult(indicator, stage.maxCv(), d, missing, outcome));
    }
    return new Assessment(districtCode, stage, schoolResults, indicatorResults);
  }
}
