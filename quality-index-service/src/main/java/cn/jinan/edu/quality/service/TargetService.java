package cn.jinan.edu.quality.service;

import cn.jinan.edu.platform.problem.ProblemException;
import cn.jinan.edu.quality.client.RegistryClient;
import cn.jinan.edu.quality.config.QualityConfig;
import cn.jinan.edu.quality.domain.ShareTarget;
import cn.jinan.edu.quality.domain.Target;
import cn.jinan.edu.quality.domain.TargetKind;
import cn.jinan.edu.quality.domain.TargetStatus;
import cn.jinan.edu.quality.domain.Unit;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates the plan's targets live.
 *
 * <p>The value rule: for every district (or school) the value counted is the one of the latest
 * period ≤ the as-of year whose (district, period) is APPROVED (locked) now. A district that
 * obtained a title in 2025 therefore still counts in 2026 until a later approved period says
 * otherwise; values still being filled in or under review never count. The units in scope are those
 * in scope on the as-of date (for trajectory points: on 31 December of that year).
 *
 * <p>GROUP_REGISTRATION_DONE reads registry-service's statistics live (filed ÷ expected as of the
 * date); when registry-service cannot be reached it falls back to the approved reported values
 * GROUP_REGISTRATIONS_FILED ÷ GROUP_REGISTRATIONS_EXPECTED, and says so in dataSource.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class TargetService {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  @Inject EntityManager em;
  @Inject QualityConfig config;
  @Inject RegistryClient registry;

  private EvaluationCache<Views.EvaluationView> cache;

  @PostConstruct
  void init() {
    cache = new EvaluationCache<>(config.evaluationCache(), System::nanoTime);
  }

  /** One approved value. */
  record Obs(String subject, String districtCode, int period, BigDecimal value) {}

  /** A computed outcome at one date. */
  record Outcome(
      BigDecimal current,
      BigDecimal required,
      boolean met,
      BigDecimal gap,
      String explanation,
      String unit,
      int considered,
      List<Views.UnitCount> counting,
      List<Views.UnitCount> notCounting,
      List<String> ignored,
      String source) {}

  public Views.EvaluationView evaluate(String code, LocalDate asOf) {
    Target t = Target.byCode(code).orElseThrow(() -> ProblemException.notFound("Target", code));
    return evaluate(t, asOf, unitsAll());
  }

  public List<Views.EvaluationView> evaluateAll(LocalDate asOf) {
    // Read the version before the data: a change committed in between makes the entry look older
    // than it is (a later miss), never newer.
    long version =
        ((Number)
                em.createNativeQuery("SELECT version FROM evaluation_version WHERE id = 1")
                    .getSingleResult())
            .longValue();
    return cache
        .get(asOf, version)
        .orElseGet(
            () -> {
              List<Unit> units = unitsAll();
              List<Views.EvaluationView> all =
                  Target.<Target>list("order by id").stream()
                      .map(t -> evaluate(t, asOf, units))
                      .toList();
              cache.put(asOf, version, all);
              return all;
            });
  }

  public Views.DashboardView dashboard(LocalDate asOf) {
    List<Views.EvaluationView> all = evaluateAll(asOf);
    Map<TargetStatus, Long> byStatus = new EnumMap<>(TargetStatus.class);
    for (TargetStatus s : TargetStatus.values()) {
      byStatus.put(s, all.stream().filter(e -> e.status() == s).count());
    }
    return new Views.DashboardView(asOf, byStatus, all);
  }

  private static List<Unit> unitsAll() {
    return Unit.list("order by code");
  }

  private Views.EvaluationView evaluate(Target t, LocalDate asOf, List<Unit> units) {
    int year = asOf.getYear();
    Map<String, List<Obs>> data = new HashMap<>();
    if (t.indicatorCode != null) {
      data.put(t.indicatorCode, approved(t.indicatorCode, year));
    }
    if (t.denominatorCode != null) {
      data.put(t.denominatorCode, approved(t.denominatorCode, year));
    }
    boolean registryUp = true;
    Outcome now = null;
    if (t.kind == TargetKind.REGISTRY_FILED) {
      now = fromRegistry(t, asOf).orElse(null);
      registryUp = now != null;
    }
    if (now == null) {
      now = compute(t, asOf, year, units, data);
    }
    List<Views.TrajectoryPoint> trajectory = new ArrayList<>();
    for (int y = Math.min(config.trajectoryFromYear(), year); y <= year; y++) {
      LocalDate date = y == year ? asOf : LocalDate.of(y, 12, 31);
      Outcome o;
      if (y == year) {
        o = now;
      } else if (t.kind == TargetKind.REGISTRY_FILED && registryUp) {
        o = fromRegistry(t, date).orElseGet(() -> compute(t, date, date.getYear(), units, data));
      } else {
        o = compute(t, date, y, units, data);
      }
      trajectory.add(new Views.TrajectoryPoint(y, o.current(), o.required(), o.met()));
    }
    TargetStatus status =
        t.deadline == null
            // An ongoing requirement is due now: unmet means at risk, never "missed" for good.
            ? (now.met() ? TargetStatus.MET : TargetStatus.AT_RISK)
            : TargetStatus.evaluate(t.deadline, asOf, now.met(), config.atRiskWindowDays());
    return new Views.EvaluationView(
        t.code,
        t.nameZh,
        t.nameEn,
        asOf,
        t.deadline,
        status,
        now.met(),
        Numbers.plain(now.current()),
        Numbers.plain(now.required()),
        progress(now),
        Numbers.plain(now.gap()),
        now.explanation(),
        now.unit(),
        t.scope,
        now.source(),
        now.considered(),
        now.counting(),
        now.notCounting(),
        now.ignored(),
        trajectory);
  }

  static BigDecimal progress(Outcome o) {
    if (o.required().signum() == 0) {
      return o.met() ? BigDecimal.ONE : BigDecimal.ZERO;
    }
    BigDecimal p = o.current().divide(o.required(), 4, RoundingMode.DOWN);
    return Numbers.plain(p.min(BigDecimal.ONE));
  }

  @SuppressWarnings("unchecked")
  private List<Obs> approved(String indicatorCode, int maxYear) {
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT v.subject, v.district_code, v.period, v.value FROM data_value v"
                    + " JOIN indicator i ON i.id = v.indicator_id"
                    + " JOIN data_approval a ON a.district_code = v.district_code"
                    + " AND a.period = v.period AND a.state = 'APPROVED'"
                    + " WHERE i.code = :code AND v.period <= :year ORDER BY v.subject, v.period")
            .setParameter("code", indicatorCode)
            .setParameter("year", maxYear)
            .getResultList();
    List<Obs> out = new ArrayList<>(rows.size());
    for (Object[] r : rows) {
      out.add(new Obs((String) r[0], (String) r[1], ((Number) r[2]).intValue(), (BigDecimal) r[3]));
    }
    return out;
  }

  /** Latest approved observation per subject with period ≤ year (rows are ordered by period). */
  static Map<String, Obs> latest(List<Obs> rows, int year) {
    Map<String, Obs> out = new LinkedHashMap<>();
    for (Obs o : rows) {
      if (o.period() <= year) {
        out.put(o.subject(), o);
      }
    }
    return out;
  }

  private Outcome compute(
      Target t, LocalDate date, int year, List<Unit> units, Map<String, List<Obs>> data) {
    List<Unit> scope = units.stream().filter(u -> inScopeOn(u, date)).toList();
    Map<String, String> names = new LinkedHashMap<>();
    scope.forEach(u -> names.put(u.code, u.nameZh));
    String source = "approved data, latest period ≤ " + year;
    return switch (t.kind) {
      case UNIT_SHARE -> unitShare(t, names, latest(data.get(t.indicatorCode), year), source);
      case SCHOOL_SHARE -> schoolShare(t, names, latest(data.get(t.indicatorCode), year), source);
      case RATIO_OF_SUMS, REGISTRY_FILED ->
          ratioOfSums(
              t,
              names,
              latest(data.get(t.indicatorCode), year),
              latest(data.get(t.denominatorCode), year),
              t.kind == TargetKind.REGISTRY_FILED
                  ? "reported data (registry-service unreachable): " + source
                  : source);
      case SUM_AT_LEAST -> sumAtLeast(t, names, latest(data.get(t.indicatorCode), year), source);
    };
  }

  private static boolean inScopeOn(Unit u, LocalDate date) {
    return !u.validFrom.isAfter(date) && (u.validTo == null || u.validTo.isAfter(date));
  }

  private static Outcome unitShare(
      Target t, Map<String, String> names, Map<String, Obs> values, String source) {
    List<String> qualifying = new ArrayList<>();
    values.forEach(
        (subject, o) -> {
          if (o.value().compareTo(t.qualifyingValue) >= 0) {
            qualifying.add(subject);
          }
        });
    ShareTarget.Evaluation e =
        new ShareTarget(t.threshold, "districts").evaluate(names.keySet(), qualifying);
    List<Views.UnitCount> counting = new ArrayList<>();
    for (String code : e.counting()) {
      Obs o = values.get(code);
      counting.add(
          new Views.UnitCount(
              code,
              names.get(code),
              code,
              o.period(),
              Numbers.plain(o.value()),
              "approved "
                  + o.period()
                  + " value "
                  + Numbers.text(o.value())
                  + " ≥ "
                  + Numbers.text(t.qualifyingValue)));
    }
    List<Views.UnitCount> notCounting = new ArrayList<>();
    for (String code : e.notCounting()) {
      Obs o = values.get(code);
      notCounting.add(
          o == null
              ? new Views.UnitCount(code, names.get(code), code, null, null, "no approved value")
              : new Views.UnitCount(
                  code,
                  names.get(code),
                  code,
                  o.period(),
                  Numbers.plain(o.value()),
                  "approved "
                      + o.period()
                      + " value "
                      + Numbers.text(o.value())
                      + " < "
                      + Numbers.text(t.qualifyingValue)));
    }
    return new Outcome(
        BigDecimal.valueOf(e.count()),
        BigDecimal.valueOf(e.required()),
        e.met(),
        BigDecimal.valueOf(e.shortfall()),
        e.explanation(),
        "districts",
        e.inScope(),
        counting,
        notCounting,
        e.ignored(),
        source);
  }

  private static Outcome schoolShare(
      Target t, Map<String, String> names, Map<String, Obs> values, String source) {
    List<String> schools = new ArrayList<>();
    List<String> qualifying = new ArrayList<>();
    List<String> ignored = new ArrayList<>();
    values.forEach(
        (uscc, o) -> {
          if (!names.containsKey(o.districtCode())) {
            ignored.add(uscc);
            return;
          }
          schools.add(uscc);
          if (o.value().compareTo(t.qualifyingValue) >= 0) {
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
    ShareTarget.Evaluation e =
        new ShareTarget(t.threshold, "schools").evaluate(schools, qualifying);
    List<Views.UnitCount> counting = new ArrayList<>();
    List<Views.UnitCount> notCounting = new ArrayList<>();
    for (String uscc : schools) {
      Obs o = values.get(uscc);
      boolean counts = e.counting().contains(uscc);
      (counts ? counting : notCounting)
          .add(
              new Views.UnitCount(
                  uscc,
                  null,
                  o.districtCode(),
                  o.period(),
                  Numbers.plain(o.value()),
                  "approved "
                      + o.period()
                      + " value "
                      + Numbers.text(o.value())
                      + (counts ? " ≥ " : " < ")
                      + Numbers.text(t.qualifyingValue)));
    }
    return new Outcome(
        BigDecimal.valueOf(e.count()),
        BigDecimal.valueOf(e.required()),
        e.met(),
        BigDecimal.valueOf(e.shortfall()),
        e.explanation(),
        "schools",
        e.inScope(),
        counting,
        notCounting,
        ignored,
        source);
  }

  private static Outcome ratioOfSums(
      Target t,
      Map<String, String> names,
      Map<String, Obs> numerators,
      Map<String, Obs> denominators,
      String source) {
    BigDecimal num = BigDecimal.ZERO;
    BigDecimal den = BigDecimal.ZERO;
    List<Views.UnitCount> counting = new ArrayList<>();
    List<Views.UnitCount> notCounting = new ArrayList<>();
    for (Map.Entry<String, String> unit : names.entrySet()) {
      Obs n = numerators.get(unit.getKey());
      Obs d = denominators.get(unit.getKey());
      if (n == null || d == null) {
        notCounting.add(
            new Views.UnitCount(
                unit.getKey(),
                unit.getValue(),
                unit.getKey(),
                null,
                null,
                "no approved " + (n == null ? t.indicatorCode : t.denominatorCode)));
        continue;
      }
      num = num.add(n.value());
      den = den.add(d.value());
      counting.add(
          new Views.UnitCount(
              unit.getKey(),
              unit.getValue(),
              unit.getKey(),
              n.period(),
              Numbers.plain(n.value()),
              Numbers.text(n.value())
                  + " of "
                  + Numbers.text(d.value())
                  + " (approved "
                  + n.period()
                  + "/"
                  + d.period()
                  + ")"));
    }
    return ratio(t.threshold, num, den, counting, notCounting, source, "");
  }

  static Outcome ratio(
      BigDecimal thresholdPercent,
      BigDecimal num,
      BigDecimal den,
      List<Views.UnitCount> counting,
      List<Views.UnitCount> notCounting,
      String source,
      String noun) {
    if (den.signum() == 0) {
      return new Outcome(
          BigDecimal.ZERO,
          thresholdPercent,
          false,
          thresholdPercent,
          "no data yet: nothing reported to count" + noun,
          "%",
          counting.size(),
          counting,
          notCounting,
          List.of(),
          source);
    }
    BigDecimal percent = num.multiply(HUNDRED).divide(den, 2, RoundingMode.DOWN);
    // Exact comparison: num ÷ den ≥ threshold% ⇔ 100·num ≥ threshold·den.
    boolean met = num.multiply(HUNDRED).compareTo(thresholdPercent.multiply(den)) >= 0;
    BigDecimal neededNum = thresholdPercent.multiply(den).divide(HUNDRED, 0, RoundingMode.CEILING);
    BigDecimal more = neededNum.subtract(num).max(BigDecimal.ZERO);
    String text =
        Numbers.text(num)
            + " of "
            + Numbers.text(den)
            + noun
            + " ("
            + Numbers.text(percent)
            + "%), "
            + Numbers.text(thresholdPercent)
            + "% required, "
            + (met ? "met" : Numbers.text(more) + " more needed");
    return new Outcome(
        percent,
        thresholdPercent,
        met,
        met ? BigDecimal.ZERO : thresholdPercent.subtract(percent),
        text,
        "%",
        counting.size(),
        counting,
        notCounting,
        List.of(),
        source);
  }

  private static Outcome sumAtLeast(
      Target t, Map<String, String> names, Map<String, Obs> values, String source) {
    BigDecimal sum = BigDecimal.ZERO;
    List<Views.UnitCount> counting = new ArrayList<>();
    List<Views.UnitCount> notCounting = new ArrayList<>();
    for (Map.Entry<String, String> unit : names.entrySet()) {
      Obs o = values.get(unit.getKey());
      if (o == null || o.value().signum() == 0) {
        notCounting.add(
            new Views.UnitCount(
                unit.getKey(),
                unit.getValue(),
                unit.getKey(),
                o == null ? null : o.period(),
                o == null ? null : Numbers.plain(o.value()),
                o == null ? "no approved value" : "approved " + o.period() + " value 0"));
      } else {
        sum = sum.add(o.value());
        counting.add(
            new Views.UnitCount(
                unit.getKey(),
                unit.getValue(),
                unit.getKey(),
                o.period(),
                Numbers.plain(o.value()),
                "approved " + o.period() + " value " + Numbers.text(o.value())));
      }
    }
    boolean met = sum.compareTo(t.threshold) >= 0;
    BigDecimal gap = met ? BigDecimal.ZERO : t.threshold.subtract(sum);
    String text =
        Numbers.text(sum)
            + " so far across "
            + names.size()
            + " districts, "
            + Numbers.text(t.threshold)
            + " required, "
            + (met ? "met" : Numbers.text(gap) + " more needed");
    return new Outcome(
        sum,
        t.threshold,
        met,
        gap,
        text,
        "count",
        names.size(),
        counting,
        notCounting,
        List.of(),
        source);
  }

  private Optional<Outcome> fromRegistry(Target t, LocalDate date) {
    return registry
        .statistics(date)
        .map(
            s -> {
              if (s.expected() == 0) {
                // registry-service reports shareFiled 1.0 when nothing is expected; follow it.
                return new Outcome(
                    HUNDRED,
                    t.threshold,
                    true,
                    BigDecimal.ZERO,
                    "0 of 0 registrations expected, nothing to file (registry-service counts this as 100%)",
                    "%",
                    0,
                    List.of(),
                    List.of(),
                    List.of(),
                    "registry-service statistics as of " + date);
              }
              return ratio(
                  t.threshold,
                  BigDecimal.valueOf(s.filed()),
                  BigDecimal.valueOf(s.expected()),
                  List.of(),
                  List.of(),
                  "registry-service statistics as of " + date,
                  " registrations filed");
            });
  }
}
