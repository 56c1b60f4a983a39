package cn.jinan.edu.quality.service;

import cn.jinan.edu.platform.problem.ProblemException;
import cn.jinan.edu.quality.api.TargetViews;
import cn.jinan.edu.quality.config.QualityConfig;
import cn.jinan.edu.quality.domain.Decimals;
import cn.jinan.edu.quality.domain.Target;
import cn.jinan.edu.quality.domain.TargetKind;
import cn.jinan.edu.quality.domain.TargetMeasures;
import cn.jinan.edu.quality.domain.TargetMeasures.Obs;
import cn.jinan.edu.quality.domain.TargetMeasures.Outcome;
import cn.jinan.edu.quality.domain.TargetStatus;
import cn.jinan.edu.quality.domain.Unit;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CompositeCacheKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
  /**
   * All targets' evaluations per (as-of date, evaluation version), reused for at most
   * quality.evaluation-cache (application.properties), which also bounds the age of the registry
   * figures inside them.
   */
  public static final String EVALUATIONS_CACHE = "target-evaluations";

  @Inject QualityConfig config;
  @Inject ApprovedValues approved;
  @Inject RegistryFigures registry;

  @Inject
  @CacheName(EVALUATIONS_CACHE)
  Cache evaluations;

  public TargetViews.EvaluationView evaluate(String code, LocalDate asOf) {
    Target t = Target.byCode(code).orElseThrow(() -> ProblemException.notFound("Target", code));
    return evaluate(t, asOf, unitsAll());
  }

  public List<TargetViews.EvaluationView> evaluateAll(LocalDate asOf) {
    Duration reuse = config.evaluationCache();
    if (reuse.isZero() || reuse.isNegative()) {
      // 0 = always compute: explicit rather than relying on how the cache treats a zero expiry.
      return evaluateAllNow(asOf);
    }
    // Read the version before the data: a change committed in between makes the entry look older
    // than it is (a later miss), never newer. Any change makes a new key, so it shows at once.
    CompositeCacheKey key = new CompositeCacheKey(asOf, approved.evaluationVersion());
    return evaluations.get(key, k -> evaluateAllNow(asOf)).await().indefinitely();
  }

  public TargetViews.DashboardView dashboard(LocalDate asOf) {
    List<TargetViews.EvaluationView> all = evaluateAll(asOf);
    Map<TargetStatus, Long> byStatus = new EnumMap<>(TargetStatus.class);
    for (TargetStatus s : TargetStatus.values()) {
      byStatus.put(s, all.stream().filter(e -> e.status() == s).count());
    }
    return new TargetViews.DashboardView(asOf, byStatus, all);
  }

  private List<TargetViews.EvaluationView> evaluateAllNow(LocalDate asOf) {
    List<Unit> units = unitsAll();
    return Target.<Target>list("order by id").stream().map(t -> evaluate(t, asOf, units)).toList();
  }

  private static List<Unit> unitsAll() {
    return Unit.list("order by code");
  }

  private TargetViews.EvaluationView evaluate(Target t, LocalDate asOf, List<Unit> units) {
    int year = asOf.getYear();
    Map<String, List<Obs>> data = new HashMap<>();
    if (t.indicatorCode != null) {
      data.put(t.indicatorCode, approved.of(t.indicatorCode, year));
    }
    if (t.denominatorCode != null) {
      data.put(t.denominatorCode, approved.of(t.denominatorCode, year));
    }
    Outcome live =
        t.kind == TargetKind.REGISTRY_FILED ? registry.filed(t, asOf).orElse(null) : null;
    Outcome now = live != null ? live : compute(t, asOf, units, data);
    List<TargetViews.TrajectoryPoint> trajectory = new ArrayList<>();
    for (int y = Math.min(config.trajectoryFromYear(), year); y <= year; y++) {
      LocalDate yearEnd = LocalDate.of(y, 12, 31);
      Outcome o;
      if (y == year) {
        o = now;
      } else if (live != null) {
        // While registry-service answers, past years are its figures too.
        o = registry.filed(t, yearEnd).orElseGet(() -> compute(t, yearEnd, units, data));
      } else {
        o = compute(t, yearEnd, units, data);
      }
      trajectory.add(new TargetViews.TrajectoryPoint(y, o.current(), o.required(), o.met()));
    }
    return view(t, asOf, now, trajectory);
  }

  private TargetViews.EvaluationView view(
      Target t, LocalDate asOf, Outcome now, List<TargetViews.TrajectoryPoint> trajectory) {
    TargetStatus status =
        t.deadline == null
            // An ongoing requirement is due now: unmet means at risk, never "missed" for good.
            ? (now.met() ? TargetStatus.MET : TargetStatus.AT_RISK)
            : TargetStatus.evaluate(t.deadline, asOf, now.met(), config.atRiskWindowDays());
    return new TargetViews.EvaluationView(
        t.code,
        t.nameZh,
        t.nameEn,
        asOf,
        t.deadline,
        status,
        now.met(),
        Decimals.plain(now.current()),
        Decimals.plain(now.required()),
        now.progress(),
        Decimals.plain(now.gap()),
        now.explanation(),
        now.unit(),
        t.scope,
        now.source(),
        now.considered(),
        counts(now.counting()),
        counts(now.notCounting()),
        now.ignored(),
        trajectory);
  }

  private static List<TargetViews.UnitCount> counts(List<TargetMeasures.Counted> in) {
    return in.stream()
        .map(
            c ->
                new TargetViews.UnitCount(
                    c.code(), c.nameZh(), c.districtCode(), c.period(), c.value(), c.reason()))
        .toList();
  }

  /** The measure from approved data of the latest period ≤ the date's year, units in scope then. */
  private static Outcome compute(
      Target t, LocalDate date, List<Unit> units, Map<String, List<Obs>> data) {
    int year = date.getYear();
    Map<String, String> names = new LinkedHashMap<>();
    units.stream().filter(u -> inScopeOn(u, date)).forEach(u -> names.put(u.code, u.nameZh));
    String source = "approved data, latest period ≤ " + year;
    Map<String, Obs> values = TargetMeasures.latest(data.get(t.indicatorCode), year);
    return switch (t.kind) {
      case UNIT_SHARE ->
          TargetMeasures.unitShare(t.threshold, t.qualifyingValue, names, values, source);
      case SCHOOL_SHARE ->
          TargetMeasures.schoolShare(t.threshold, t.qualifyingValue, names, values, source);
      case RATIO_OF_SUMS, REGISTRY_FILED ->
          TargetMeasures.ratioOfSums(
              t.threshold,
              t.indicatorCode,
              t.denominatorCode,
              names,
              values,
              TargetMeasures.latest(data.get(t.denominatorCode), year),
              t.kind == TargetKind.REGISTRY_FILED
                  ? "reported data (registry-service unreachable): " + source
                  : source);
      case SUM_AT_LEAST -> TargetMeasures.sumAtLeast(t.threshold, names, values, source);
    };
  }

  private static boolean inScopeOn(Unit u, LocalDate date) {
    return !u.validFrom.isAfter(date) && (u.validTo == null || u.validTo.isAfter(date));
  }
}
