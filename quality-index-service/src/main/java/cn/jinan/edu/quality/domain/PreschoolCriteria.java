package cn.jinan.edu.quality.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

/**
 * Readiness of a district for the title 国家学前教育普及普惠县 (preschool universal and inclusive county,
 * Ministry of Education 2020), per district and year.
 *
 * <p>Only the three headline ratios are checked here; the further criteria (funding per child, pay
 * of non-established teachers, class sizes, staffing ratio, social recognition) are not numeric
 * data in this service. All values are percentages ({@code 85} means 85%) and are compared exactly
 * as given.
 */
public final class PreschoolCriteria {

  private PreschoolCriteria() {}

  /** The three headline criteria with their national thresholds (minimums, inclusive). */
  public enum Criterion {
    /** 学前三年毛入园率 ≥ 85%. */
    GROSS_ENROLMENT("gross preschool enrolment", "学前三年毛入园率", "85"),
    /** 普惠性幼儿园覆盖率 ≥ 80%: children in public plus inclusive private kindergartens ÷ all. */
    INCLUSIVE_COVERAGE("inclusive coverage", "普惠性幼儿园覆盖率", "80"),
    /** 公办园在园幼儿占比 ≥ 50%. */
    PUBLIC_ENROLMENT_SHARE("public kindergarten enrolment share", "公办园在园幼儿占比", "50");

    private final String english;
    private final String chinese;
    private final BigDecimal thresholdPercent;

    Criterion(String english, String chinese, String thresholdPercent) {
      this.english = english;
      this.chinese = chinese;
      this.thresholdPercent = new BigDecimal(thresholdPercent);
    }

    public String english() {
      return english;
    }

    public String chinese() {
      return chinese;
    }

    public BigDecimal thresholdPercent() {
      return thresholdPercent;
    }
  }

  /**
   * A district's reported ratios for one year; any value may be {@code null} (not reported).
   *
   * @param districtCode GB/T 2260 code, e.g. "370102"
   */
  public record Indicators(
      String districtCode,
      int year,
      BigDecimal grossEnrolmentPercent,
      BigDecimal inclusiveCoveragePercent,
      BigDecimal publicEnrolmentSharePercent) {

    public Indicators {
      Objects.requireNonNull(districtCode, "districtCode");
    }

    public BigDecimal value(Criterion criterion) {
      return switch (criterion) {
        case GROSS_ENROLMENT -> grossEnrolmentPercent;
        case INCLUSIVE_COVERAGE -> inclusiveCoveragePercent;
        case PUBLIC_ENROLMENT_SHARE -> publicEnrolmentSharePercent;
      };
    }
  }

  /** One criterion's check; {@code value} is null when not reported. */
  public record Check(Criterion criterion, BigDecimal value, CheckOutcome outcome) {

    /** E.g. "学前三年毛入园率 (gross preschool enrolment): 86.2% vs ≥ 85%: pass", or "…: no data". */
    public String explanation() {
      String name = criterion.chinese() + " (" + criterion.english() + ")";
      String threshold = "≥ " + criterion.thresholdPercent().toPlainString() + "%";
      if (value == null) {
        return name + ": no data, " + threshold + " required";
      }
      String shown = value.stripTrailingZeros().toPlainString() + "%";
      return name + ": " + shown + " vs " + threshold + ": " + outcome.label();
    }
  }

  /** The district's assessment; it passes only when every check passes. */
  public record Assessment(String districtCode, int year, List<Check> checks) {

    public Assessment {
      checks = List.copyOf(checks);
    }

    public boolean passed() {
      return checks.stream().allMatch(c -> c.outcome() == CheckOutcome.PASS);
    }

    /** True when some value is missing, so a failing result may just mean "not reported". */
    public boolean incomplete() {
      return checks.stream().anyMatch(c -> c.outcome() == CheckOutcome.NO_DATA);
    }

    public List<Check> failing() {
      return checks.stream().filter(c -> c.outcome() != CheckOutcome.PASS).toList();
    }
  }

  public static Assessment assess(Indicators indicators) {
    List<Check> checks =
        List.of(Criterion.values()).stream().map(c -> check(c, indicators.value(c))).toList();
    return new Assessment(indicators.districtCode(), indicators.year(), checks);
  }

  static Check check(Criterion criterion, BigDecimal value) {
    if (value == null) {
      return new Check(criterion, null, CheckOutcome.NO_DATA);
    }
    boolean pass = value.compareTo(criterion.thresholdPercent()) >= 0;
    return new Check(criterion, value, pass ? CheckOutcome.PASS : CheckOutcome.FAIL);
  }

  /**
   * part ÷ whole as a percentage, truncated to 6 decimals. Truncation (not rounding) keeps the
   * comparison honest: 84.9999996% must not become 85.000000% and pass.
   *
   * @throws IllegalArgumentException if whole ≤ 0 or part &lt; 0
   */
  public static BigDecimal percent(long part, long whole) {
    if (whole <= 0 || part < 0) {
      throw new IllegalArgumentException("need part ≥ 0 and whole > 0");
    }
    return BigDecimal.valueOf(part)
        .multiply(BigDecimal.valueOf(100))
        .divide(BigDecimal.valueOf(whole), 6, RoundingMode.DOWN);
  }
}
