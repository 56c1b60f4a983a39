package cn.jinan.edu.quality.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An "X% of districts" target (e.g. ≥ 80% of 区县 created 国家学前教育普及普惠县).
 *
 * <p>The share is a <b>percentage</b> ({@code 80} means 80%), because that is how the plan writes
 * it. The required count is ⌈percent × n / 100⌉, computed in {@link BigDecimal} so that 80% of 15
 * is exactly 12 and never 12.000000001 rounded up to 13. The set of units in scope is passed in at
 * evaluation time because it is data (12 districts today, possibly functional zones later).
 *
 * @param percent the share in percent, 0 &lt; percent ≤ 100
 * @param unitNoun plural noun used in explanations, e.g. "districts"
 */
public record ShareTarget(BigDecimal percent, String unitNoun) {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  public ShareTarget {
    Objects.requireNonNull(percent, "percent");
    Objects.requireNonNull(unitNoun, "unitNoun");
    if (percent.signum() <= 0 || percent.compareTo(HUNDRED) > 0) {
      throw new IllegalArgumentException("percent must be in (0, 100], was " + percent);
    }
  }

  /** A target over districts (区县), e.g. {@code ofPercent("80")}. */
  public static ShareTarget ofPercent(String percent) {
    return new ShareTarget(new BigDecimal(percent), "districts");
  }

  /** ⌈percent × unitsInScope / 100⌉, exact. */
  public int requiredCount(int unitsInScope) {
    if (unitsInScope < 0) {
      throw new IllegalArgumentException("unitsInScope must be ≥ 0, was " + unitsInScope);
    }
    // movePointLeft is an exact division by 100, so the ceiling sees the true value.
    return percent
        .multiply(BigDecimal.valueOf(unitsInScope))
        .movePointLeft(2)
        .setScale(0, RoundingMode.CEILING)
        .intValueExact();
  }

  /**
   * Evaluates the target.
   *
   * @param unitsInScope the assessed units (duplicates ignored; order kept for the lists)
   * @param qualifyingUnits units that meet the criterion; those outside the scope do not count and
   *     are reported in {@link Evaluation#ignored()}
   * @throws IllegalArgumentException if the scope is empty: a share of nothing is not a target
   */
  public Evaluation evaluate(Collection<String> unitsInScope, Collection<String> qualifyingUnits) {
    Set<String> scope = new LinkedHashSet<>(unitsInScope);
    if (scope.isEmpty()) {
      throw new IllegalArgumentException("no units in scope");
    }
    Set<String> qualifying = new LinkedHashSet<>(qualifyingUnits);
    List<String> counting = new ArrayList<>();
    List<String> notCounting = new ArrayList<>();
    for (String unit : scope) {
      (qualifying.contains(unit) ? counting : notCounting).add(unit);
    }
    List<String> ignored = qualifying.stream().filter(u -> !scope.contains(u)).toList();
    return new Evaluation(
        this, scope.size(), requiredCount(scope.size()), counting, notCounting, ignored);
  }

  /**
   * Outcome of {@link #evaluate}.
   *
   * @param counting units in scope that qualify
   * @param notCounting units in scope that do not (yet) qualify
   * @param ignored qualifying units outside the scope
   */
  public record Evaluation(
      ShareTarget target,
      int inScope,
      int required,
      List<String> counting,
      List<String> notCounting,
      List<String> ignored) {

    public Evaluation {
      counting = List.copyOf(counting);
      notCounting = List.copyOf(notCounting);
      ignored = List.copyOf(ignored);
    }

    public int count() {
      return counting.size();
    }

    /** Met only when the count reaches the integer requirement. */
    public boolean met() {
      return count() >= required;
    }

    /** How many more units must qualify; 0 when met. */
    public int shortfall() {
      return Math.max(0, required - count());
    }

    /** E.g. "7 of 12 districts, 10 required, 3 more needed". */
    public String explanation() {
      String head = count() + " of " + inScope + " " + target.unitNoun() + ", " + required;
      return met() ? head + " required, met" : head + " required, " + shortfall() + " more needed";
    }
  }
}
