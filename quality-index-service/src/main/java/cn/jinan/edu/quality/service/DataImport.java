package cn.jinan.edu.quality.service;

import cn.jinan.edu.platform.data.AuditService;
import cn.jinan.edu.platform.data.imports.ImportConflict;
import cn.jinan.edu.platform.data.imports.ImportMode;
import cn.jinan.edu.platform.data.imports.ImportPipeline;
import cn.jinan.edu.platform.data.imports.ImportRow;
import cn.jinan.edu.platform.data.imports.ImportSummary;
import cn.jinan.edu.platform.problem.FieldError;
import cn.jinan.edu.platform.security.Caller;
import cn.jinan.edu.quality.domain.ApprovalState;
import cn.jinan.edu.quality.domain.DataValue;
import cn.jinan.edu.quality.domain.Indicator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 批量导入指标数据 The value import through the suite's import pipeline: every row is checked against the
 * indicator's rules, the caller's scope and the period's approval (a frozen period refuses its rows
 * as LOCKED); identical rows are ignored; the rest is written and audited row by row.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class DataImport {
  static final String UNKNOWN_INDICATOR = "UNKNOWN_INDICATOR";
  private static final int LOOKUP_CHUNK = 1000;

  @Inject EntityManager em;
  @Inject AuditService audit;

  /** What identifies a stored value. */
  record Key(long indicatorId, String subject, int period) {}

  /** Imports the rows; all-or-nothing unless {@code mode.partial()} (see {@link ImportMode}). */
  public ImportSummary run(Caller caller, List<ImportRow<ValueInput>> rows, ImportMode mode) {
    Map<String, Indicator> indicators = new HashMap<>();
    Indicator.<Indicator>listAll().forEach(i -> indicators.put(i.code, i));
    return new ImportPipeline<>(new Steps(caller, indicators, !mode.dryRun())).run(rows, mode);
  }

  private final class Steps implements ImportPipeline.Steps<ValueInput, Key, DataValue> {
    private final Caller caller;
    private final Map<String, Indicator> indicators;
    private final Map<Long, Indicator> byId = new HashMap<>();
    private final boolean lock;
    private final Map<String, ApprovalState> states = new HashMap<>();

    Steps(Caller caller, Map<String, Indicator> indicators, boolean lock) {
      this.caller = caller;
      this.indicators = indicators;
      this.lock = lock;
      indicators.values().forEach(i -> byId.put(i.id, i));
    }

    @Override
    public Key check(ImportRow<ValueInput> row, List<ImportConflict> conflicts) {
      ValueInput in = row.value();
      Indicator ind = in.indicator() == null ? null : indicators.get(in.indicator());
      if (ind == null) {
        conflicts.add(
            new ImportConflict(
                row.number(),
                "indicator",
                UNKNOWN_INDICATOR,
                "未知指标 (unknown indicator '" + in.indicator() + "')"));
        return null;
      }
      if (!conflicts.isEmpty()) {
        return null; // a field that could not be read is reported once
      }
      for (FieldError e : ValueRules.validate(in, ind)) {
        String code =
            e.message().equals(ValueRules.UNKNOWN_UNIT_MESSAGE)
                ? ImportConflict.UNKNOWN_UNIT
                : ImportConflict.INVALID;
        conflicts.add(new ImportConflict(row.number(), e.field(), code, e.message()));
      }
      if (conflicts.isEmpty()) {
        checkScope(row, ind, conflicts);
      }
      return new Key(ind.id, in.subject(), in.period());
    }

    private void checkScope(ImportRow<ValueInput> row, Indicator ind, List<ImportConflict> out) {
      ValueInput in = row.value();
      if (DataScope.roleToWrite(caller, ind, in.subject(), in.districtCode()).isEmpty()) {
        out.add(
            new ImportConflict(
                row.number(),
                "districtCode",
                ImportConflict.FORBIDDEN,
                "无权填报该区县或学校 (outside the token's scope)"));
        return;
      }
      ApprovalState state = state(in.districtCode(), in.period());
      if (!state.editable()) {
        out.add(
            new ImportConflict(
                row.number(),
                "period",
                ImportConflict.LOCKED,
                ValueRules.lockedReason(in.districtCode(), in.period(), state)));
      }
    }

    @Override
    public String keyField() {
      return "indicator";
    }

    @Override
    public Map<Key, DataValue> existing(Collection<Key> keys) {
      Map<Key, DataValue> found = new HashMap<>();
      Map<List<Object>, List<String>> byGroup = new LinkedHashMap<>();
      for (Key k : keys) {
        byGroup
            .computeIfAbsent(List.of(k.indicatorId(), k.period()), g -> new ArrayList<>())
            .add(k.subject());
      }
      byGroup.forEach(
          (group, subjects) -> {
            for (int i = 0; i < subjects.size(); i += LOOKUP_CHUNK) {
              List<DataValue> rows =
                  DataValue.list(
                      "indicatorId = ?1 and period = ?2 and subject in ?3",
                      group.get(0),
                      group.get(1),
                      subjects.subList(i, Math.min(subjects.size(), i + LOOKUP_CHUNK)));
              rows.forEach(v -> found.put(new Key(v.indicatorId, v.subject, v.period), v));
            }
          });
      return found;
    }

    @Override
    public ImportConflict refuseChange(ImportRow<ValueInput> row, DataValue current) {
      if (current.districtCode.equals(row.value().districtCode())) {
        return null;
      }
      Indicator ind = byId.get(current.indicatorId);
      boolean mayMove =
          DataScope.roleToWrite(caller, ind, current.subject, current.districtCode).isPresent()
              && state(current.districtCode, current.period).editable();
      return mayMove
          ? null
          : new ImportConflict(
              row.number(),
              "districtCode",
              ImportConflict.FORBIDDEN,
              "该校数据现属"
                  + current.districtCode
                  + "，无权或已锁定 (the school's value belongs to another district that is out of"
                  + " scope or locked)");
    }

    @Override
    public boolean unchanged(ValueInput value, DataValue current) {
      return ValueRules.same(current, value);
    }

    @Override
    public void write(
        List<ImportRow<ValueInput>> creates,
        List<ImportPipeline.Update<ValueInput, DataValue>> updates) {
      for (ImportRow<ValueInput> row : creates) {
        Indicator ind = indicators.get(row.value().indicator());
        DataValue v = ValueRules.create(ind, row.value(), caller.actor());
        v.persist();
        audit.append(caller, role(ind, v), ValueRules.change(ind, v, "import-create"));
      }
      for (ImportPipeline.Update<ValueInput, DataValue> u : updates) {
        Indicator ind = indicators.get(u.row().value().indicator());
        DataValue v = u.current();
        Map<String, Object> before = v.auditSnapshot();
        ValueRules.apply(v, u.row().value(), caller.actor());
        audit.append(
            caller, role(ind, v), ValueRules.change(ind, v, "import-update").before(before));
      }
      em.flush();
    }

    /** A real import locks each period's approval row it reads, so it cannot change under it. */
    private ApprovalState state(String district, int period) {
      return states.computeIfAbsent(
          district + "/" + period, k -> ValueRules.state(district, period, lock));
    }

    private String role(Indicator ind, DataValue v) {
      return DataScope.roleToWrite(caller, ind, v.subject, v.districtCode).orElse(null);
    }
  }
}
