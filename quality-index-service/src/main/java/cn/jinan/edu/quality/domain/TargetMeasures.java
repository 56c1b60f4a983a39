package cn.jinan.edu.quality.domain;

import static cn.jinan.edu.quality.domain.Decimals.plain;
import static cn.jinan.edu.quality.domain.Decimals.text;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a target's value is measured from approved observations (one method per {@link TargetKind}):
 * plain calculations, so that every rule is unit-tested without a database. The caller picks the
 * observations (approved, latest period ≤ the year) and the units in scope, by code → name.
 */
public final class TargetMeasures {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private TargetMeasures() {}

  /** One approved value of a subject (a unit's code or a school's USCC). */
  public record Obs(String subject, String districtCode, int period, BigDecimal value) {}

  /** One unit or school and why it counts or not. */
  public record Counted(
      String code,
      String nameZh,
      String districtCode,
      Integer period,
      BigDecimal value,
      String reason) {}

  /** A target's computed outcome at one date. */
  public record Outcome(
      BigDecimal current,
      BigDecimal required,
      boolean met,
      BigDecimal gap,
      String explanation,
      String unit,
      int considered,
      List<Counted> counting,
      List<Counted> notCounting,
      List<String> ignored,
      String source) {

    /** current ÷ required, 4 decimals rounded down, at most 1; a zero requirement is 1 when met. */
    public BigDecimal progress() {
      if (required.signum() == 0) {
        return met ? BigDecimal.ONE : BigDecimal.ZERO;
      }
      return plain(current.divide(required, 4, RoundingMode.DOWN).min(BigDecimal.ONE));
    }
  }

  /** Latest observation per subject with period ≤ year (rows ordered by period). */
  public static Map<String, Obs> latest(List<Obs> rows, int year) {
    Map<String, Obs> out = new LinkedHashMap<>();
    for (Obs o : rows) {
      if (o.period() <= year) {
        out.put(o.subject(), o);
      }
    }
    return out;
  }

  /** UNIT_SHARE: percent of the units in scope whose value reaches qualifyingValue. */
  public static Outcome unitShare(
      BigDecimal percent,
      BigDecimal qualifyingValue,
      Map<String, String> units,
      Map<String, Obs> values,
      String source) {
    List<String> qualifying = new ArrayList<>();
    values.forEach(
        (subject, o) -> {
          if (o.value().compareTo(qualifyingValue) >= 0) {
            qualifying.add(subject);
          }
        });
    ShareTarget.Evaluation e =
        new ShareTarget(percent, "districts").evaluate(units.keySet(), qualifying);
    List<Counted> counting = new ArrayList<>();
    for (String code : e.counting()) {
      Obs o = values.get(code);
      counting.add(unitValue(code, units.get(code), o, compared(o, true, qualifyingValue)));
    }
    List<Counted> notCounting = new ArrayList<>();
    for (String code : e.notCounting()) {
      Obs o = values.get(code);
      notCounting.add(
          o == null
              ? new Counted(code, units.get(code), code, null, null, "no approved value")
              : unitValue(code, units.get(code), o, compared(o, false, qualifyingValue)));
    }
    return share(e, "districts", counting, notCounting, e.ignored(), source);
  }

  /**
   * SCHOOL_SHARE: percent of the reported schools (in a district in scope) whose value reaches
   * qualifyingValue; schools of districts out of scope are ignored.
   */
  public static Outcome schoolShare(
      BigDecimal percent,
      BigDecimal qualifyingValue,
      Map<String, String> units,
      Map<String, Obs> values,
      String source) {
    List<String> schools = new ArrayList<>();
    List<String> qualifying = new ArrayList<>();
    List<String> ignored = new ArrayList<>();
    values.forEach(
        (uscc, o) -> {
          if (!units.containsKey(o.districtCode())) {
            ignored.add(uscc);
            return;
          }
          schools.add(uscc);
          if (o.value().compareTo(qualifyingValue) >= 0) {
            qualifying.add(uscc);
          }
        });
    if (schools.isEmpty()) {
      return new Outcome(
          BigDecimal.ZERO,
          BigDecimal.ZERO,
          false,
          BigDecimal.ZERO,
          "no schools reported yet, so nothing can be counted",
          "schools",
          0,
          List.of(),
          List.of(),
          ignored,
          source);
    }
    ShareTarget.Evaluation e = new ShareTarget(percent, "schools").evaluate(schools, qualifying);
    List<Counted> counting = new ArrayList<>();
    List<Counted> notCounting = new ArrayList<>();
    for (String uscc : schools) {
      Obs o = values.get(uscc);
      boolean counts = e.counting().contains(uscc);
      String reason = compared(o, counts, qualifyingValue);
      (counts ? counting : notCounting)
          .add(new Counted(uscc, null, o.districtCode(), o.period(), plain(o.value()), reason));
    }
    return share(e, "schools", counting, notCounting, ignored, source);
  }

  /**
   * RATIO_OF_SUMS: Σ numerator ÷ Σ denominator over the units in scope that reported both, in
   * percent; the codes name what is missing in a unit's reason.
   */
  public static Outcome ratioOfSums(
      BigDecimal percent,
      String numeratorCode,
      String denominatorCode,
      Map<String, String> units,
      Map<String, Obs> numerators,
      Map<String, Obs> denominators,
      String source) {
    BigDecimal num = BigDecimal.ZERO;
    BigDecimal den = BigDecimal.ZERO;
    List<Counted> counting = new ArrayList<>();
    List<Counted> notCounting = new ArrayList<>();
    for (Map.Entry<String, String> unit : units.entrySet()) {
      Obs n = numerators.get(unit.getKey());
      Obs d = denominators.get(unit.getKey());
      if (n == null || d == null) {
        String missing = "no approved " + (n == null ? numeratorCode : denominatorCode);
        notCounting.add(
            new Counted(unit.getKey(), unit.getValue(), unit.getKey(), null, null, missing));
        continue;
      }
      num = num.add(n.value());
      den = den.add(d.value());
      String reason =
          text(n.value())
              + " of "
              + text(d.value())
              + " (approved "
              + n.period()
              + "/"
              + d.period()
              + ")";
      counting.add(unitValue(unit.getKey(), unit.getValue(), n, reason));
    }
    return ratio(percent, num, den, counting, notCounting, source, "");
  }

  /**
   * num ÷ den against percent, compared exactly (100·num ≥ percent·den); the shown percentage is
   * rounded down to 2 decimals. A zero den is "no data yet", never met.
   *
   * @param noun what is counted, appended to the numbers in the explanation (" registrations
   *     filed"), or ""
   */
  public static Outcome ratio(
      BigDecimal percent,
      BigDecimal num,
      BigDecimal den,
      List<Counted> counting,
      List<Counted> notCounting,
      String source,
      String noun) {
    if (den.signum() == 0) {
      return new Outcome(
          BigDecimal.ZERO,
          percent,
          false,
          percent,
          "no data yet: nothing reported to count" + noun,
          "%",
          counting.size(),
          counting,
          notCounting,
          List.of(),
          source);
    }
    BigDecimal shown = num.multiply(HUNDRED).divide(den, 2, RoundingMode.DOWN);
    boolean met = num.multiply(HUNDRED).compareTo(percent.multiply(den)) >= 0;
    BigDecimal neededNum = percent.multiply(den).divide(HUNDRED, 0, RoundingMode.CEILING);
    BigDecimal more = neededNum.subtract(num).max(BigDecimal.ZERO);
    String text =
        text(num)
            + " of "
            + text(den)
            + noun
            + " ("
            + text(shown)
            + "%), "
            + text(percent)
            + "% required, "
            + (met ? "met" : text(more) + " more needed");
    return new Outcome(
        shown,
        percent,
        met,
        met ? BigDecimal.ZERO : percent.subtract(shown),
        text,
        "%",
        counting.size(),
        counting,
        notCounting,
        List.of(),
        source);
  }

  /**
   * Filing when nothing is expected: registry-service reports shareFiled 1.0 then, and the target
   * follows it (100%, met).
   */
  public static Outcome nothingToFile(BigDecimal percent, String source) {
    return new Outcome(
        HUNDRED,
        percent,
        true,
        BigDecimal.ZERO,
        "0 of 0 registrations expected, nothing to file (registry-service counts this as 100%)",
        "%",
        0,
        List.of(),
        List.of(),
        List.of(),
        source);
  }

  /** SUM_AT_LEAST: Σ value over the units in scope reaches required; a unit counts when > 0. */
  public static Outcome sumAtLeast(
      BigDecimal required, Map<String, String> units, Map<String, Obs> values, String source) {
    BigDecimal sum = BigDecimal.ZERO;
    List<Counted> counting = new ArrayList<>();
    List<Counted> notCounting = new ArrayList<>();
    for (Map.Entry<String, String> unit : units.entrySet()) {
      String code = unit.getKey();
      Obs o = values.get(code);
      if (o == null) {
        notCounting.add(new Counted(code, unit.getValue(), code, null, null, "no approved value"));
      } else if (o.value().signum() == 0) {
        notCounting.add(unitValue(code, unit.getValue(), o, "approved " + o.period() + " value 0"));
      } else {
        sum = sum.add(o.value());
        String reason = "approved " + o.period() + " value " + text(o.value());
        counting.add(unitValue(code, unit.getValue(), o, reason));
      }
    }
    boolean met = sum.compareTo(required) >= 0;
    BigDecimal gap = met ? BigDecimal.ZERO : required.subtract(sum);
    String text =
        text(sum)
            + " so far across "
            + units.size()
            + " districts, "
            + text(required)
            + " required, "
            + (met ? "met" : text(gap) + " more needed");
    return new Outcome(
        sum,
        required,
        met,
        gap,
        text,
        "count",
        units.size(),
        counting,
        notCounting,
        List.of(),
        source);
  }

  /** A unit (its own district) with the value used. */
  private static Counted unitValue(String code, String name, Obs o, String reason) {
    return new Counted(code, name, code, o.period(), plain(o.value()), reason);
  }

  /** E.g. "approved 2026 value 1 ≥ 1". */
  private static String compared(Obs o, boolean reaches, BigDecimal qualifyingValue) {
    return "approved "
        + o.period()
        + " value "
        + text(o.value())
        + (reaches ? " ≥ " : " < ")
        + text(qualifyingValue);
  }

  private static Outcome share(
      ShareTarget.Evaluation e,
      String unit,
      List<Counted> counting,
      List<Counted> notCounting,
      List<String> ignored,
      String source) {
    return new Outcome(
        BigDecimal.valueOf(e.count()),
        BigDecimal.valueOf(e.required()),
        e.met(),
        BigDecimal.valueOf(e.shortfall()),
        e.explanation(),
        unit,
        e.inScope(),
        counting,
        notCounting,
        ignored,
        source);
  }
}
