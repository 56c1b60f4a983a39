package cn.jinan.edu.quality.service;

import cn.jinan.edu.platform.data.AuditService;
import cn.jinan.edu.platform.problem.FieldError;
import cn.jinan.edu.platform.problem.ProblemException;
import cn.jinan.edu.platform.security.Caller;
import cn.jinan.edu.platform.security.Roles;
import cn.jinan.edu.quality.api.TargetViews;
import cn.jinan.edu.quality.api.Views;
import cn.jinan.edu.quality.domain.Decimals;
import cn.jinan.edu.quality.domain.Indicator;
import cn.jinan.edu.quality.domain.IndicatorLevel;
import cn.jinan.edu.quality.domain.Target;
import cn.jinan.edu.quality.domain.Unit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reference data: units in scope, indicator definitions and target definitions. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class ReferenceService {
  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");

  @Inject AuditService audit;

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Views.UnitView> unitsInScope(LocalDate asOf) {
    return Unit.inScope(asOf).stream().map(ReferenceService::view).toList();
  }

  static Views.UnitView view(Unit u) {
    return new Views.UnitView(u.code, u.nameZh, u.kind, u.validFrom, u.validTo);
  }

  // --- Indicators ---------------------------------------------------------------------------

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Views.IndicatorView> indicators(IndicatorLevel level) {
    List<Indicator> rows =
        level == null
            ? Indicator.list("order by code")
            : Indicator.list("level = ?1 order by code", level);
    return rows.stream().map(ReferenceService::view).toList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Views.IndicatorView> indicator(String code) {
    return Indicator.byCode(code).map(ReferenceService::view);
  }

  public Views.IndicatorView addIndicator(Caller caller, Views.IndicatorView in) {
    if (!caller.hasRole(Roles.CITY_ADMIN)) {
      throw ProblemException.forbidden("Only city-admin adds indicators");
    }
    List<FieldError> errors = new ArrayList<>();
    if (in.code() == null || !CODE.matcher(in.code()).matches()) {
      errors.add(new FieldError("code", "大写字母、数字、下划线，2–40位 (A–Z, 0–9 and _, 2–40 characters)"));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
    if (Indicator.byCode(in.code()).isPresent()) {
      throw ProblemException.conflict(
          "Indicator " + in.code() + " already exists", Map.of("code", in.code()));
    }
    Indicator i = new Indicator();
    i.code = in.code();
    i.nameZh = in.nameZh().trim();
    i.nameEn = in.nameEn().trim();
    i.unitLabel = in.unit().trim();
    i.valueType = in.valueType();
    i.level = in.level();
    i.description = in.description() == null ? "" : in.description().trim();
    i.createdBy = caller.actor();
    i.persist();
    audit.append(
        caller,
        Roles.CITY_ADMIN,
        AuditService.Change.of("indicator", i.code).action("create").after(i));
    return view(i);
  }

  static Views.IndicatorView view(Indicator i) {
    return new Views.IndicatorView(
        i.code, i.nameZh, i.nameEn, i.unitLabel, i.valueType, i.level, i.description);
  }

  // --- Targets ------------------------------------------------------------------------------

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<TargetViews.TargetView> targets() {
    return Target.<Target>list("order by id").stream().map(ReferenceService::view).toList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public TargetViews.TargetView target(String code) {
    return Target.byCode(code)
        .map(ReferenceService::view)
        .orElseThrow(() -> ProblemException.notFound("Target", code));
  }

  static TargetViews.TargetView view(Target t) {
    return new TargetViews.TargetView(
        t.code,
        t.nameZh,
        t.nameEn,
        t.kind,
        t.indicatorCode,
        t.denominatorCode,
        Decimals.plain(t.qualifyingValue),
        Decimals.plain(t.threshold),
        t.comparator,
        t.scope,
        t.deadline,
        t.measure,
        t.description);
  }
}
