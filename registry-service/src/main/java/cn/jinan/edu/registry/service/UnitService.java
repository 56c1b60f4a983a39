package cn.jinan.edu.registry.service;

import cn.jinan.edu.platform.data.AuditService;
import cn.jinan.edu.platform.data.AuditService.Change;
import cn.jinan.edu.platform.problem.ProblemException;
import cn.jinan.edu.platform.security.Caller;
import cn.jinan.edu.platform.security.Roles;
import cn.jinan.edu.registry.api.Views;
import cn.jinan.edu.registry.domain.Unit;
import cn.jinan.edu.registry.domain.UnitKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Units (区县 and functional zones) as effective-dated reference data. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class UnitService {
  @Inject AuditService audit;

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Views.UnitView> inScope(LocalDate asOf) {
    return Unit.inScope(asOf).stream().map(UnitService::view).toList();
  }

  /** Every period of every unit, by code and start. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Views.UnitView> all() {
    return Unit.<Unit>list("order by code, validFrom").stream().map(UnitService::view).toList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<String, String> namesInScope(LocalDate asOf) {
    Map<String, String> names = new LinkedHashMap<>();
    Unit.inScope(asOf).forEach(u -> names.put(u.code, u.nameZh));
    return names;
  }

  /** city-admin adds a unit, e.g. a functional zone that becomes an assessed unit. */
  public Views.UnitView add(
      Caller caller, String code, String nameZh, UnitKind kind, LocalDate from, LocalDate to) {
    if (!caller.hasRole(Roles.CITY_ADMIN)) {
      throw ProblemException.forbidden("Only city-admin adds units");
    }
    if (to != null && !to.isAfter(from)) {
      throw ProblemException.invalid("validTo", "失效日期须晚于生效日期 (must be after validFrom)");
    }
    // Periods of one code must not overlap.
    long overlapping =
        Unit.count(
            "code = ?1 and validFrom < ?3 and (validTo is null or validTo > ?2)",
            code,
            from,
            to == null ? LocalDate.of(9999, 12, 31) : to);
    if (overlapping > 0) {
      throw ProblemException.conflict(
          "Unit " + code + " is already in scope during part of that period");
    }
    Unit u = new Unit();
    u.code = code;
    u.nameZh = nameZh.trim();
    u.kind = kind;
    u.validFrom = from;
    u.validTo = to;
    u.createdBy = caller.actor();
    u.persist();
    audit.append(caller, Roles.CITY_ADMIN, Change.of("unit", code).action("create").after(u));
    return view(u);
  }

  static Views.UnitView view(Unit u) {
    return new Views.UnitView(u.code, u.nameZh, u.kind.name(), u.validFrom, u.validTo);
  }
}
