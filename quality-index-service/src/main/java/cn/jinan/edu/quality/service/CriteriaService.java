package cn.jinan.edu.quality.service;

import cn.jinan.edu.platform.problem.ProblemException;
import cn.jinan.edu.platform.security.Caller;
import cn.jinan.edu.quality.api.TargetViews;
import cn.jinan.edu.quality.domain.BalancedCriteria;
import cn.jinan.edu.quality.domain.CheckOutcome;
import cn.jinan.edu.quality.domain.DataApproval;
import cn.jinan.edu.quality.domain.Decimals;
import cn.jinan.edu.quality.domain.PreschoolCriteria;
import cn.jinan.edu.quality.domain.Unit;
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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The national criteria behind the two county titles, computed from the period's raw values
 * whatever their approval state (readiness is a look ahead of the inspection; the approval state is
 * shown beside each result).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CriteriaService {
  static final List<String> PRESCHOOL_NOT_ASSESSED =
      List.of(
          "生均财政拨款 public funding per child",
          "非在编教师工资 ≥ 75% of established teachers' pay",
          "班额达标率 class-size compliance ≥ 85%",
          "师幼比 teacher:child ratio ≤ 1:15",
          "社会认可度 social recognition ≥ 85%");

  private static final Map<PreschoolCriteria.Criterion, String> PRESCHOOL_CODES =
      Map.of(
          PreschoolCriteria.Criterion.GROSS_ENROLMENT, "PRESCHOOL_GROSS_ENROLMENT_RATE",
          PreschoolCriteria.Criterion.INCLUSIVE_COVERAGE, "PRESCHOOL_INCLUSIVE_COVERAGE",
          PreschoolCriteria.Criterion.PUBLIC_ENROLMENT_SHARE, "PRESCHOOL_PUBLIC_SHARE");

  @Inject EntityManager em;

  private List<Unit> units(Caller caller, String district, int period) {
    String scope = DataScope.readScope(caller, district);
    if (scope != null) {
      List<Unit> one = Unit.list("code = ?1 order by validFrom desc", scope);
      if (one.isEmpty()) {
        throw ProblemException.notFound("Unit", scope);
      }
      return List.of(one.get(0));
    }
    return Unit.inScope(LocalDate.of(period, 12, 31));
  }

  public List<TargetViews.PreschoolReadinessView> preschool(
      Caller caller, int period, String district) {
    List<Unit> units = units(caller, district, period);
    Map<String, Map<String, BigDecimal>> values =
        values(period, List.copyOf(PRESCHOOL_CODES.values()), false);
    List<TargetViews.PreschoolReadinessView> out = new ArrayList<>();
    for (Unit u : units) {
      Map<String, BigDecimal> v = values.getOrDefault(u.code, Map.of());
      PreschoolCriteria.Assessment a =
          PreschoolCriteria.assess(
              new PreschoolCriteria.Indicators(
                  u.code,
                  period,
                  v.get(PRESCHOOL_CODES.get(PreschoolCriteria.Criterion.GROSS_ENROLMENT)),
                  v.get(PRESCHOOL_CODES.get(PreschoolCriteria.Criterion.INCLUSIVE_COVERAGE)),
                  v.get(PRESCHOOL_CODES.get(PreschoolCriteria.Criterion.PUBLIC_ENROLMENT_SHARE))));
      List<TargetViews.CriterionCheck> checks =
          a.checks().stream()
              .map(
                  c ->
                      new TargetViews.CriterionCheck(
                          c.criterion().name(),
                          c.criterion().chinese(),
                          Decimals.plain(c.value()),
                          Decimals.plain(c.criterion().thresholdPercent()),
                          c.outcome().name(),
                          c.explanation()))
              .toList();
      out.add(
          new TargetViews.PreschoolReadinessView(
              u.code,
              u.nameZh,
              period,
              DataApproval.stateOf(u.code, period),
              a.passed(),
              a.incomplete(),
              checks,
              PRESCHOOL_NOT_ASSESSED));
    }
    return out;
  }

  public List<TargetViews.BalancedReadinessView> balanced(
      Caller caller, int period, String district, BalancedCriteria.Stage stage) {
    List<Unit> units = units(caller, district, period);
    List<String> codes = new ArrayList<>();
    for (BalancedCriteria.Indicator i : BalancedCriteria.Indicator.values()) {
      codes.add(i.name());
    }
    codes.add("STUDENTS_PRIMARY");
    codes.add("STUDENTS_JUNIOR");
    // district → school → indicator → value
    Map<String, Map<String, Map<String, BigDecimal>>> byDistrict = new HashMap<>();
    for (Object[] r : rows(period, codes, true)) {
      byDistrict
          .computeIfAbsent((String) r[0], k -> new TreeMap<>())
          .computeIfAbsent((String) r[1], k -> new HashMap<>())
          .put((String) r[2], (BigDecimal) r[3]);
    }
    List<BalancedCriteria.Stage> stages =
        stage == null ? List.of(BalancedCriteria.Stage.values()) : List.of(stage);
    List<TargetViews.BalancedReadinessView> out = new ArrayList<>();
    for (Unit u : units) {
      for (BalancedCriteria.Stage s : stages) {
        String studentsCode =
            s == BalancedCriteria.Stage.PRIMARY ? "STUDENTS_PRIMARY" : "STUDENTS_JUNIOR";
        List<BalancedCriteria.School> schools = new ArrayList<>();
        byDistrict
            .getOrDefault(u.code, Map.of())
            .forEach(
                (uscc, v) -> {
                  BigDecimal students = v.get(studentsCode);
                  if (students == null || students.signum() <= 0) {
                    return;
                  }
                  Map<BalancedCriteria.Indicator, BigDecimal> m =
                      new EnumMap<>(BalancedCriteria.Indicator.class);
                  for (BalancedCriteria.Indicator i : BalancedCriteria.Indicator.values()) {
                    if (v.get(i.name()) != null) {
                      m.put(i, v.get(i.name()));
                    }
                  }
                  schools.add(new BalancedCriteria.School(uscc, students.longValue(), m));
                });
        out.add(view(u, period, s, schools));
      }
    }
    return out;
  }

  private static TargetViews.BalancedReadinessView view(
      Unit u, int period, BalancedCriteria.Stage s, List<BalancedCriteria.School> schools) {
    if (schools.isEmpty()) {
      return noSchoolData(u, period, s);
    }
    BalancedCriteria.Assessment a = BalancedCriteria.assess(u.code, s, schools);
    return new TargetViews.BalancedReadinessView(
        u.code,
        u.nameZh,
        period,
        s.name(),
        DataApproval.stateOf(u.code, period),
        schools.size(),
        a.passed(),
        explanation(a, s, schools.size()),
        a.failingSchools().stream().map(CriteriaService::schoolView).toList(),
        a.failingIndicators().stream().map(Enum::name).toList(),
        a.indicators().stream().map(CriteriaService::variationView).toList());
  }

  private static TargetViews.BalancedReadinessView noSchoolData(
      Unit u, int period, BalancedCriteria.Stage s) {
    return new TargetViews.BalancedReadinessView(
        u.code,
        u.nameZh,
        period,
        s.name(),
        DataApproval.stateOf(u.code, period),
        0,
        false,
        "no school data for "
            + s.chinese()
            + " ("
            + s.name()
            + ") in "
            + period
            + ": report STUDENTS_"
            + (s == BalancedCriteria.Stage.PRIMARY ? "PRIMARY" : "JUNIOR")
            + " and the seven resource indicators per school",
        List.of(),
        List.of(),
        List.of());
  }

  /** E.g. "2 of 9 schools fail the 6-of-7 rule; every CV is within ≤ 0.50: not ready". */
  private static String explanation(
      BalancedCriteria.Assessment a, BalancedCriteria.Stage s, int schools) {
    long cvFailing = a.indicators().stream().filter(i -> i.outcome() != CheckOutcome.PASS).count();
    return a.failingSchools().size()
        + " of "
        + schools
        + " schools fail the 6-of-7 rule; "
        + (cvFailing == 0
            ? "every CV is within ≤ " + s.maxCv().toPlainString()
            : "CV fails or lacks data for " + cvFailing + " indicator(s)")
        + (a.passed() ? ": ready" : ": not ready");
  }

  private static TargetViews.SchoolResultView schoolView(BalancedCriteria.SchoolResult r) {
    return new TargetViews.SchoolResultView(
        r.schoolUscc(),
        r.students(),
        r.metCount(),
        r.passed(),
        r.belowStandard().stream().map(Enum::name).toList(),
        r.explanation(),
        r.checks().stream()
            .map(
                c ->
                    new TargetViews.SchoolIndicatorCheck(
                        c.indicator().name(),
                        c.indicator().chinese(),
                        Decimals.plain(c.value()),
                        Decimals.plain(c.standard()),
                        c.level().name()))
            .toList());
  }

  private static TargetViews.IndicatorVariationView variationView(
      BalancedCriteria.IndicatorResult i) {
    return new TargetViews.IndicatorVariationView(
        i.indicator().name(),
        i.indicator().chinese(),
        i.dispersion() == null ? null : round(i.dispersion().mean()),
        i.dispersion() == null ? null : round(i.dispersion().standardDeviation()),
        i.dispersion() == null ? null : round(i.dispersion().cv()),
        Decimals.plain(i.maxCv()),
        i.outcome().name(),
        i.schoolsWithoutData(),
        i.explanation());
  }

  private static BigDecimal round(BigDecimal v) {
    return v == null ? null : Decimals.plain(v.setScale(6, RoundingMode.HALF_UP));
  }

  /** district → indicator → value (district-level values of the period). */
  private Map<String, Map<String, BigDecimal>> values(
      int period, List<String> codes, boolean school) {
    Map<String, Map<String, BigDecimal>> out = new HashMap<>();
    for (Object[] r : rows(period, codes, school)) {
      out.computeIfAbsent((String) r[0], k -> new HashMap<>())
          .put((String) r[2], (BigDecimal) r[3]);
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private List<Object[]> rows(int period, List<String> codes, boolean school) {
    return em.createNativeQuery(
            "SELECT v.district_code, v.subject, i.code, v.value FROM data_value v"
                + " JOIN indicator i ON i.id = v.indicator_id"
                + " WHERE v.period = :p AND i.code IN (:codes) AND (v.school_uscc IS "
                + (school ? "NOT " : "")
                + "NULL)")
        .setParameter("p", period)
        .setParameter("codes", codes)
        .getResultList();
  }
}
