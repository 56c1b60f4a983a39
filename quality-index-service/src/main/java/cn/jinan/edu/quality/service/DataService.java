package cn.jinan.edu.quality.service;

import cn.jinan.edu.platform.csv.Csv;
import cn.jinan.edu.platform.data.AuditService;
import cn.jinan.edu.platform.data.EventService;
import cn.jinan.edu.platform.ids.Uscc;
import cn.jinan.edu.platform.paging.Page;
import cn.jinan.edu.platform.problem.FieldError;
import cn.jinan.edu.platform.problem.ProblemException;
import cn.jinan.edu.platform.problem.ProblemType;
import cn.jinan.edu.platform.security.Caller;
import cn.jinan.edu.platform.security.Roles;
import cn.jinan.edu.platform.web.ETags;
import cn.jinan.edu.quality.domain.ApprovalState;
import cn.jinan.edu.quality.domain.DataApproval;
import cn.jinan.edu.quality.domain.DataValue;
import cn.jinan.edu.quality.domain.Indicator;
import cn.jinan.edu.quality.domain.IndicatorLevel;
import cn.jinan.edu.quality.domain.Unit;
import cn.jinan.edu.quality.domain.ValueType;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Indicator values per (indicator, district or school, period) and their approval per (district,
 * period). Writers: district-reviewer for its own district and its schools, data-reporter and
 * city-admin for any. An APPROVED (or SUBMITTED) period is frozen: changes answer 409 until the
 * city returns or unlocks it.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class DataService {
  static final String[] WRITERS = {Roles.CITY_ADMIN, Roles.DATA_REPORTER, Roles.DISTRICT_REVIEWER};
  static final String[] READERS = {
    Roles.CITY_ADMIN, Roles.DATA_REPORTER, Roles.AUDITOR, Roles.DISTRICT_REVIEWER
  };

  @Inject EntityManager em;
  @Inject AuditService audit;
  @Inject EventService events;

  /** A value as a caller sends it; subject is derived: the school's USCC, else the district. */
  public record ValueInput(
      String indicator,
      String districtCode,
      String schoolUscc,
      Integer period,
      BigDecimal value,
      String source,
      String comment) {

    String subject() {
      return schoolUscc != null && !schoolUscc.isBlank() ? schoolUscc : districtCode;
    }
  }

  /** The result of a single write, with whether anything changed. */
  public record Written(Views.DataValueView value, boolean created) {}

  // --- Reading ------------------------------------------------------------------------------

  @Transactional(Transactional.TxType.SUPPORTS)
  public Views.DataValueView get(Caller caller, String indicatorCode, String subject, int period) {
    Indicator ind =
        Indicator.byCode(indicatorCode)
            .orElseThrow(() -> ProblemException.notFound("Indicator", indicatorCode));
    DataValue v =
        DataValue.find(ind.id, subject, period)
            .orElseThrow(
                () ->
                    ProblemException.notFound(
                        "Value", indicatorCode + "/" + subject + "/" + period));
    requireRead(caller, v.districtCode);
    return view(v, ind);
  }

  /** A district-reviewer reads only its own district; other readers read all. */
  static String readScope(Caller caller, String district) {
    if (caller.hasAnyRole(Roles.CITY_ADMIN, Roles.DATA_REPORTER, Roles.AUDITOR)) {
      return district;
    }
    String own =
        caller
            .districtCode()
            .orElseThrow(() -> ProblemException.forbidden("The token has no district_code"));
    if (district != null && !district.equals(own)) {
      throw ProblemException.forbidden(
          "A district-reviewer reads only its own district's data (" + own + ")");
    }
    return own;
  }

  static void requireRead(Caller caller, String district) {
    readScope(caller, district);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<Views.DataValueView> search(
      Caller caller,
      String indicatorCode,
      String district,
      String school,
      Integer period,
      long afterId,
      int limit) {
    String scope = readScope(caller, district);
    StringBuilder q = new StringBuilder("id > :after");
    Parameters p = Parameters.with("after", afterId);
    Map<Long, Indicator> indicators = indicatorsById();
    if (indicatorCode != null) {
      Indicator ind =
          Indicator.byCode(indicatorCode)
              .orElseThrow(() -> ProblemException.invalid("indicator", "unknown indicator"));
      q.append(" and indicatorId = :ind");
      p = p.and("ind", ind.id);
    }
    if (scope != null) {
      q.append(" and districtCode = :d");
      p = p.and("d", scope);
    }
    if (school != null) {
      q.append(" and schoolUscc = :s");
      p = p.and("s", school);
    }
    if (period != null) {
      q.append(" and period = :p");
      p = p.and("p", period);
    }
    List<DataValue> rows = DataValue.find(q + " order by id", p).page(0, limit + 1).list();
    Map<String, ApprovalState> states = new HashMap<>();
    return Page.of(rows, limit, r -> Long.toString(r.id))
        .map(
            v ->
                view(
                    v,
                    indicators.get(v.indicatorId),
                    states.computeIfAbsent(
                        v.districtCode + "/" + v.period,
                        k -> DataApproval.stateOf(v.districtCode, v.period))));
  }

  /** CSV export of a query: every matching row, read in keyset chunks. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public String exportCsv(
      Caller caller, String indicatorCode, String district, String school, Integer period) {
    StringBuilder out =
        new StringBuilder(
            "indicator,districtCode,schoolUscc,period,value,source,comment,approvalState,updatedBy,updatedAt\n");
    long after = 0;
    while (true) {
      Page<Views.DataValueView> page =
          search(caller, indicatorCode, district, school, period, after, 200);
      for (Views.DataValueView v : page.items()) {
        out.append(Csv.field(v.indicator()))
            .append(',')
            .append(Csv.field(v.districtCode()))
            .append(',')
            .append(Csv.field(v.schoolUscc()))
            .append(',')
            .append(v.period())
            .append(',')
            .append(Numbers.text(v.value()))
            .append(',')
            .append(Csv.field(v.source()))
            .append(',')
            .append(Csv.field(v.comment()))
            .append(',')
            .append(v.approvalState())
            .append(',')
            .append(Csv.field(v.updatedBy()))
            .append(',')
            .append(v.updatedAt() == null ? "" : v.updatedAt().toString())
            .append('\n');
      }
      if (page.nextCursor() == null) {
        return out.toString();
      }
      after = Long.parseLong(page.nextCursor());
    }
  }

  // --- Writing one value --------------------------------------------------------------------

  public Written put(Caller caller, ValueInput in, String ifMatch) {
    Indicator ind =
        Indicator.byCode(in.indicator())
            .orElseThrow(() -> ProblemException.notFound("Indicator", in.indicator()));
    List<FieldError> errors = validate(in, ind);
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
    String role = requireWrite(caller, ind, in.subject(), in.districtCode());
    Optional<DataValue> existing = DataValue.findForUpdate(ind.id, in.subject(), in.period());
    requireEditable(in.districtCode(), in.period());
    if (existing.isPresent()) {
      DataValue v = existing.get();
      ETags.requireMatch(ifMatch, v.version);
      if (!v.districtCode.equals(in.districtCode())) {
        // A school moving between districts needs scope over, and an open period in, both.
        requireWrite(caller, ind, in.subject(), v.districtCode);
        requireEditable(v.districtCode, v.period);
      }
      if (same(v, in)) {
        return new Written(view(v, ind), false);
      }
      Map<String, Object> before = fields(v);
      apply(v, in, caller);
      auditValue(caller, role, ind, v, "update", before);
      em.flush(); // bumps @Version so the returned ETag is the new one
      return new Written(view(v, ind), false);
    }
    DataValue v = new DataValue();
    v.indicatorId = ind.id;
    v.subject = in.subject();
    v.period = in.period();
    v.createdAt = OffsetDateTime.now();
    apply(v, in, caller);
    v.persist();
    auditValue(caller, role, ind, v, "create", Map.of());
    em.flush();
    return new Written(view(v, ind), true);
  }

  private void auditValue(
      Caller caller,
      String role,
      Indicator ind,
      DataValue v,
      String action,
      Map<String, Object> before) {
    audit.append(
        caller,
        role,
        new AuditService.Change(
            "data-value",
            entityId(ind.code, v.subject, v.period),
            aggregateId(v.districtCode, v.period),
            v.districtCode,
            action,
            null,
            null,
            v.comment,
            before,
            fields(v)));
  }

  static String entityId(String indicator, String subject, int period) {
    return indicator + "/" + subject + "/" + period;
  }

  static String aggregateId(String district, int period) {
    return "data:" + district + ":" + period;
  }

  private static boolean same(DataValue v, ValueInput in) {
    return v.value.compareTo(in.value()) == 0
        && Objects.equals(v.source, blankToNull(in.source()))
        && Objects.equals(v.comment, blankToNull(in.comment()))
        && v.districtCode.equals(in.districtCode());
  }

  private static void apply(DataValue v, ValueInput in, Caller caller) {
    v.districtCode = in.districtCode();
    v.schoolUscc = blankToNull(in.schoolUscc());
    v.value = in.value();
    v.source = blankToNull(in.source());
    v.comment = blankToNull(in.comment());
    v.updatedBy = caller.actor();
    v.updatedAt = OffsetDateTime.now();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  static Map<String, Object> fields(DataValue v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("value", Numbers.text(v.value));
    m.put("districtCode", v.districtCode);
    m.put("source", v.source);
    m.put("comment", v.comment);
    return m;
  }

  /** Field problems of one input, in the order a person would fix them. */
  static List<FieldError> validate(ValueInput in, Indicator ind) {
    List<FieldError> e = new ArrayList<>();
    if (in.period() == null || in.period() < 2000 || in.period() > 2100) {
      e.add(new FieldError("period", "统计年度须为2000–2100 (an ISO year between 2000 and 2100)"));
    }
    if (in.districtCode() == null || !in.districtCode().matches("\\d{6}")) {
      e.add(new FieldError("districtCode", "区县代码必填，6位数字 (a 6-digit district code is required)"));
    } else if (!Unit.known(in.districtCode())) {
      e.add(new FieldError("districtCode", "不是已知的区县代码 (not a known unit; see GET /api/v1/units)"));
    }
    if (ind.level == IndicatorLevel.SCHOOL) {
      if (in.schoolUscc() == null || in.schoolUscc().isBlank()) {
        e.add(
            new FieldError(
                "schoolUscc",
                "学校层级指标须提供学校统一社会信用代码 (a school-level indicator needs the school's USCC)"));
      } else {
        Uscc.problem(in.schoolUscc()).ifPresent(p -> e.add(new FieldError("schoolUscc", p)));
      }
    } else if (in.schoolUscc() != null && !in.schoolUscc().isBlank()) {
      e.add(
          new FieldError("schoolUscc", "区县层级指标不填学校 (a district-level indicator takes no school)"));
    }
    ind.valueType.problem(in.value()).ifPresent(p -> e.add(new FieldError("value", p)));
    if (in.source() != null && in.source().length() > 200) {
      e.add(new FieldError("source", "最长200字 (at most 200 characters)"));
    }
    if (in.comment() != null && in.comment().length() > 2000) {
      e.add(new FieldError("comment", "最长2000字 (at most 2000 characters)"));
    }
    return e;
  }

  private static String requireWrite(
      Caller caller, Indicator ind, String subject, String district) {
    return ind.level == IndicatorLevel.SCHOOL
        ? caller.requireSchool(subject, district, WRITERS)
        : caller.requireDistrict(district, WRITERS);
  }

  private static Optional<String> roleToWrite(
      Caller caller, Indicator ind, String subject, String district) {
    return ind.level == IndicatorLevel.SCHOOL
        ? caller.roleForSchool(subject, district, WRITERS)
        : caller.roleForDistrict(district, WRITERS);
  }

  /** Locks the approval row (if any) and refuses when the period is frozen. */
  private static void requireEditable(String district, int period) {
    DataApproval.lockedRow(district, period)
        .filter(a -> !a.state.editable())
        .ifPresent(
            a -> {
              throw ProblemException.conflict(
                  lockedReason(district, period, a.state),
                  Map.of(
                      "districtCode", district, "period", period, "approvalState", a.state.name()));
            });
  }

  static String lockedReason(String district, int period, ApprovalState state) {
    return state == ApprovalState.APPROVED
        ? district
            + " "
            + period
            + "年数据已审定锁定 (approved and locked: the city must unlock it before any change)"
        : district
            + " "
            + period
            + "年数据已报送待审 (submitted for review: withdraw it or wait for the city to return it)";
  }

  // --- Import -------------------------------------------------------------------------------

  /** A row as read, before validation; numbers start at 1 (the first data row). */
  public record Row(long number, ValueInput input, List<FieldError> parseErrors) {}

  static final List<String> CSV_COLUMNS =
      List.of("indicator", "districtCode", "schoolUscc", "period", "value", "source", "comment");

  public List<Row> readCsv(String text) {
    List<Row> rows = new ArrayList<>();
    try {
      Csv csv = new Csv(new BufferedReader(new StringReader(text == null ? "" : text)));
      List<String> header = csv.next();
      if (header == null || Csv.blank(header)) {
        throw ProblemException.invalid("body", "the CSV file is empty");
      }
      List<String> names = header.stream().map(String::trim).toList();
      List<String> missing =
          List.of("indicator", "districtCode", "period", "value").stream()
              .filter(c -> !names.contains(c))
              .toList();
      if (!missing.isEmpty()) {
        throw ProblemException.invalid(
            "header", "missing columns " + missing + "; expected " + CSV_COLUMNS);
      }
      List<String> r;
      while ((r = csv.next()) != null) {
        if (Csv.blank(r)) {
          continue;
        }
        Map<String, String> cell = new HashMap<>();
        for (int c = 0; c < names.size() && c < r.size(); c++) {
          cell.put(names.get(c), r.get(c).trim());
        }
        List<FieldError> errors = new ArrayList<>();
        Integer period = null;
        String periodText = cell.getOrDefault("period", "");
        try {
          period = Integer.valueOf(periodText);
        } catch (NumberFormatException e) {
          errors.add(new FieldError("period", "应为年份 (an ISO year, got '" + periodText + "')"));
        }
        String valueText = cell.getOrDefault("value", "");
        BigDecimal value = ValueType.parse(valueText).orElse(null);
        if (value == null && !valueText.isBlank()) {
          errors.add(new FieldError("value", "不是数值 (not a number: '" + valueText + "')"));
        }
        rows.add(
            new Row(
                rows.size() + 1,
                new ValueInput(
                    cell.get("indicator"),
                    cell.get("districtCode"),
                    cell.get("schoolUscc"),
                    period,
                    value,
                    cell.get("source"),
                    cell.get("comment")),
                errors));
      }
    } catch (IOException e) {
      throw ProblemException.invalid("body", "unreadable CSV: " + e.getMessage());
    }
    return rows;
  }

  public List<Row> rowsOf(List<ValueInput> inputs) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      rows.add(new Row(i + 1, inputs.get(i), List.of()));
    }
    return rows;
  }

  /**
   * Imports rows. Every row is checked first; a dry run writes nothing. All-or-nothing unless
   * {@code partial}: any conflict → 422 with the summary and nothing written.
   */
  public Views.ImportSummary importRows(
      Caller caller, List<Row> rows, boolean dryRun, boolean partial) {
    Map<String, Indicator> indicators = new HashMap<>();
    Indicator.<Indicator>listAll().forEach(i -> indicators.put(i.code, i));
    List<Views.ImportConflict> conflicts = new ArrayList<>();
    Map<String, Row> valid = new LinkedHashMap<>();
    Map<String, ApprovalState> states = new HashMap<>();
    for (Row row : rows) {
      ValueInput in = row.input();
      List<Views.ImportConflict> rowConflicts = new ArrayList<>();
      row.parseErrors()
          .forEach(e -> rowConflicts.add(conflict(row, e.field(), "INVALID", e.message())));
      Indicator ind = in.indicator() == null ? null : indicators.get(in.indicator());
      if (ind == null) {
        rowConflicts.add(
            conflict(
                row,
                "indicator",
                "UNKNOWN_INDICATOR",
                "未知指标 (unknown indicator '" + in.indicator() + "')"));
      } else if (rowConflicts.isEmpty()) {
        for (FieldError e : validate(in, ind)) {
          String code =
              e.field().equals("districtCode") && e.message().contains("not a known unit")
                  ? "UNKNOWN_UNIT"
                  : "INVALID";
          rowConflicts.add(conflict(row, e.field(), code, e.message()));
        }
      }
      if (rowConflicts.isEmpty()) {
        String key = entityId(ind.code, in.subject(), in.period());
        if (valid.containsKey(key)) {
          rowConflicts.add(
              conflict(
                  row,
                  "indicator",
                  "DUPLICATE",
                  "与第" + valid.get(key).number() + "行重复 (duplicate of an earlier row)"));
        } else if (roleToWrite(caller, ind, in.subject(), in.districtCode()).isEmpty()) {
          rowConflicts.add(
              conflict(row, "districtCode", "FORBIDDEN", "无权填报该区县或学校 (outside the token's scope)"));
        } else {
          ApprovalState state =
              states.computeIfAbsent(
                  in.districtCode() + "/" + in.period(),
                  k -> lockState(in.districtCode(), in.period(), dryRun));
          if (!state.editable()) {
            rowConflicts.add(
                conflict(
                    row, "period", "LOCKED", lockedReason(in.districtCode(), in.period(), state)));
          } else {
            valid.put(key, row);
          }
        }
      }
      conflicts.addAll(rowConflicts);
    }
    // Existing values, fetched per indicator and period.
    Map<String, DataValue> existing = new HashMap<>();
    Set<String> loaded = new HashSet<>();
    for (Row row : valid.values()) {
      Indicator ind = indicators.get(row.input().indicator());
      String group = ind.id + "/" + row.input().period();
      if (loaded.add(group)) {
        List<String> subjects =
            valid.values().stream()
                .filter(
                    r ->
                        r.input().indicator().equals(ind.code)
                            && r.input().period().equals(row.input().period()))
                .map(r -> r.input().subject())
                .toList();
        for (int i = 0; i < subjects.size(); i += 1000) {
          List<DataValue> found =
              DataValue.list(
                  "indicatorId = ?1 and period = ?2 and subject in ?3",
                  ind.id,
                  row.input().period(),
                  subjects.subList(i, Math.min(subjects.size(), i + 1000)));
          found.forEach(v -> existing.put(entityId(ind.code, v.subject, v.period), v));
        }
      }
    }
    List<Row> creates = new ArrayList<>();
    List<Row> updates = new ArrayList<>();
    int ignored = 0;
    for (Map.Entry<String, Row> e : valid.entrySet()) {
      Row row = e.getValue();
      DataValue current = existing.get(e.getKey());
      if (current == null) {
        creates.add(row);
      } else if (!current.districtCode.equals(row.input().districtCode())
          && (roleToWrite(
                      caller,
                      indicators.get(row.input().indicator()),
                      current.subject,
                      current.districtCode)
                  .isEmpty()
              || !lockState(current.districtCode, current.period, dryRun).editable())) {
        conflicts.add(
            conflict(
                row,
                "districtCode",
                "FORBIDDEN",
                "该校数据现属"
                    + current.districtCode
                    + "，无权或已锁定 (the school's value belongs to another district that is out of scope or locked)"));
      } else if (same(current, row.input())) {
        ignored++;
      } else {
        updates.add(row);
      }
    }
    conflicts.sort(Comparator.comparingLong(Views.ImportConflict::row));
    boolean write = !dryRun && (conflicts.isEmpty() || partial);
    if (write) {
      for (Row row : creates) {
        Indicator ind = indicators.get(row.input().indicator());
        DataValue v = new DataValue();
        v.indicatorId = ind.id;
        v.subject = row.input().subject();
        v.period = row.input().period();
        v.createdAt = OffsetDateTime.now();
        apply(v, row.input(), caller);
        v.persist();
        auditValue(caller, roleOf(caller, ind, v), ind, v, "import-create", Map.of());
      }
      for (Row row : updates) {
        Indicator ind = indicators.get(row.input().indicator());
        DataValue v = existing.get(entityId(ind.code, row.input().subject(), row.input().period()));
        Map<String, Object> before = fields(v);
        apply(v, row.input(), caller);
        auditValue(caller, roleOf(caller, ind, v), ind, v, "import-update", before);
      }
      em.flush();
    }
    Views.ImportSummary summary =
        new Views.ImportSummary(
            dryRun, write, creates.size(), updates.size(), ignored, List.copyOf(conflicts));
    if (!dryRun && !conflicts.isEmpty() && !partial) {
      throw new ProblemException(
          ProblemType.UNPROCESSABLE,
          422,
          conflicts.size()
              + " row(s) refused; nothing was imported (send partial=true to import the valid rows)",
          conflicts.stream()
              .map(
                  c ->
                      new FieldError(
                          "rows[" + c.row() + "]." + c.field(), c.code() + ": " + c.reason()))
              .toList(),
          Map.of("summary", summary),
          Map.of());
    }
    return summary;
  }

  private static String roleOf(Caller caller, Indicator ind, DataValue v) {
    return roleToWrite(caller, ind, v.subject, v.districtCode).orElse(null);
  }

  /** The period's state; a real import locks the approval row so it cannot change under us. */
  private static ApprovalState lockState(String district, int period, boolean dryRun) {
    Optional<DataApproval> a =
        dryRun ? DataApproval.of(district, period) : DataApproval.lockedRow(district, period);
    return a.map(x -> x.state).orElse(ApprovalState.OPEN);
  }

  private static Views.ImportConflict conflict(Row row, String field, String code, String reason) {
    return new Views.ImportConflict(row.number(), field, code, reason);
  }

  // --- Approval -----------------------------------------------------------------------------

  @Transactional(Transactional.TxType.SUPPORTS)
  public Views.ApprovalView approval(Caller caller, String district, int period) {
    requireRead(caller, district);
    if (!Unit.known(district)) {
      throw ProblemException.notFound("Unit", district);
    }
    return DataApproval.of(district, period)
        .map(a -> view(caller, a))
        .orElseGet(() -> openView(caller, district, period));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Views.ApprovalView> approvals(Caller caller, int period, String district) {
    String scope = readScope(caller, district);
    Map<String, DataApproval> rows = new HashMap<>();
    DataApproval.<DataApproval>list("period", period).forEach(a -> rows.put(a.districtCode, a));
    List<Views.ApprovalView> out = new ArrayList<>();
    Set<String> codes = new java.util.TreeSet<>(rows.keySet());
    Unit.inScope(java.time.LocalDate.of(period, 12, 31)).forEach(u -> codes.add(u.code));
    for (String code : codes) {
      if (scope == null || scope.equals(code)) {
        DataApproval a = rows.get(code);
        out.add(a == null ? openView(caller, code, period) : view(caller, a));
      }
    }
    return out;
  }

  private static Views.ApprovalView openView(Caller caller, String district, int period) {
    return new Views.ApprovalView(
        district,
        period,
        ApprovalState.OPEN,
        ApprovalState.OPEN.chinese(),
        null,
        allowedActions(caller, district, ApprovalState.OPEN),
        0,
        null,
        null);
  }

  static Views.ApprovalView view(Caller caller, DataApproval a) {
    return new Views.ApprovalView(
        a.districtCode,
        a.period,
        a.state,
        a.state.chinese(),
        a.comment,
        allowedActions(caller, a.districtCode, a.state),
        a.version,
        a.updatedBy,
        a.updatedAt);
  }

  /**
   * What this caller may do next: the actions the state allows that the caller's role and district
   * also allow (so a district-reviewer is never offered approve, return or unlock).
   */
  static List<String> allowedActions(Caller caller, String district, ApprovalState state) {
    return state.allowedActions().stream()
        .filter(action -> roleFor(caller, district, action).isPresent())
        .toList();
  }

  /**
   * The role in which the caller may take an approval action: submit / withdraw for the district's
   * own reviewer or city-admin; approve / return / unlock for city-admin only.
   */
  private static Optional<String> roleFor(Caller caller, String district, String action) {
    return switch (action) {
      case "submit", "withdraw" ->
          caller.roleForDistrict(district, Roles.DISTRICT_REVIEWER, Roles.CITY_ADMIN);
      case "approve", "return", "unlock" ->
          caller.hasRole(Roles.CITY_ADMIN) ? Optional.of(Roles.CITY_ADMIN) : Optional.empty();
      default -> Optional.empty();
    };
  }

  /**
   * submit / withdraw: the district's reviewer (or city-admin); approve / return / unlock:
   * city-admin. return and unlock need a comment. Requires If-Match (0 before the first action).
   */
  public Views.ApprovalView transition(
      Caller caller, String district, int period, String action, String ifMatch, String comment) {
    if (!Unit.known(district)) {
      throw ProblemException.notFound("Unit", district);
    }
    if (period < 2000 || period > 2100) {
      throw ProblemException.invalid("period", "an ISO year between 2000 and 2100");
    }
    String role =
        switch (action) {
          case "submit", "withdraw" ->
              caller.requireDistrict(district, Roles.DISTRICT_REVIEWER, Roles.CITY_ADMIN);
          case "approve", "return", "unlock" ->
              roleFor(caller, district, action)
                  .orElseThrow(
                      () ->
                          ProblemException.forbidden(
                              "Only city-admin may " + action + " district data"));
          default ->
              throw ProblemException.invalid(
                  "action",
                  "unknown action '"
                      + action
                      + "'; one of submit, withdraw, approve, return, unlock");
        };
    DataApproval a = DataApproval.lockedRow(district, period).orElse(null);
    int version = a == null ? 0 : a.version;
    ETags.requireMatch(ifMatch, version);
    ApprovalState from = a == null ? ApprovalState.OPEN : a.state;
    if (!from.allowedActions().contains(action)) {
      throw ProblemException.illegalTransition(
          "Cannot " + action + " data in state " + from,
          from.name(),
          allowedActions(caller, district, from));
    }
    if ((action.equals("return") || action.equals("unlock"))
        && (comment == null || comment.isBlank())) {
      throw ProblemException.invalid("comment", "退回或解锁须说明原因 (return and unlock need a comment)");
    }
    ApprovalState to =
        switch (action) {
          case "submit" -> ApprovalState.SUBMITTED;
          case "withdraw" -> ApprovalState.OPEN;
          case "approve" -> ApprovalState.APPROVED;
          default -> ApprovalState.RETURNED;
        };
    if (a == null) {
      a = new DataApproval();
      a.districtCode = district;
      a.period = period;
      a.state = ApprovalState.OPEN;
      a.updatedAt = OffsetDateTime.now();
      a.persist();
      em.flush(); // version 0 exists; the change below makes it 1, so "0" cannot be replayed
    }
    a.state = to;
    a.comment = comment == null || comment.isBlank() ? null : comment.trim();
    a.updatedBy = caller.actor();
    a.updatedAt = OffsetDateTime.now();
    audit.append(
        caller,
        role,
        new AuditService.Change(
            "data-approval",
            district + "/" + period,
            aggregateId(district, period),
            district,
            action,
            from.name(),
            to.name(),
            a.comment,
            Map.of("state", from.name()),
            Map.of("state", to.name())));
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("districtCode", district);
    data.put("period", period);
    data.put("from", from.name());
    data.put("to", to.name());
    String type =
        switch (action) {
          case "submit" -> "data.submitted";
          case "withdraw" -> "data.withdrawn";
          case "approve" -> "data.approved";
          case "return" -> "data.returned";
          default -> "data.unlocked";
        };
    events.append(type, district + "/" + period, data);
    em.flush();
    return view(caller, a);
  }

  // --- Views --------------------------------------------------------------------------------

  private static Map<Long, Indicator> indicatorsById() {
    Map<Long, Indicator> m = new HashMap<>();
    Indicator.<Indicator>listAll().forEach(i -> m.put(i.id, i));
    return m;
  }

  Views.DataValueView view(DataValue v, Indicator ind) {
    return view(v, ind, DataApproval.stateOf(v.districtCode, v.period));
  }

  static Views.DataValueView view(DataValue v, Indicator ind, ApprovalState state) {
    return new Views.DataValueView(
        ind.code,
        ind.level,
        v.districtCode,
        v.schoolUscc,
        v.period,
        Numbers.plain(v.value),
        v.source,
        v.comment,
        state,
        v.version,
        v.updatedBy,
        v.updatedAt);
  }
}
