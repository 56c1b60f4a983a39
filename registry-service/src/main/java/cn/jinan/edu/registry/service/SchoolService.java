package cn.jinan.edu.registry.service;

import cn.jinan.edu.platform.csv.Csv;
import cn.jinan.edu.platform.data.AuditService;
import cn.jinan.edu.platform.ids.Uscc;
import cn.jinan.edu.platform.paging.Page;
import cn.jinan.edu.platform.problem.FieldError;
import cn.jinan.edu.platform.problem.ProblemException;
import cn.jinan.edu.platform.problem.ProblemType;
import cn.jinan.edu.platform.security.Caller;
import cn.jinan.edu.platform.security.Roles;
import cn.jinan.edu.platform.web.ETags;
import cn.jinan.edu.platform.web.RequestIds;
import cn.jinan.edu.registry.config.RegistryConfig;
import cn.jinan.edu.registry.domain.LocationType;
import cn.jinan.edu.registry.domain.Ownership;
import cn.jinan.edu.registry.domain.School;
import cn.jinan.edu.registry.domain.SchoolStage;
import cn.jinan.edu.registry.domain.SchoolStatus;
import cn.jinan.edu.registry.domain.Unit;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hibernate.Session;

/** The school directory (学校名录): registry-service is its only editable owner. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class SchoolService {
  static final String[] WRITERS = {Roles.CITY_ADMIN, Roles.DATA_REPORTER, Roles.DISTRICT_REVIEWER};

  @Inject EntityManager em;
  @Inject AuditService audit;
  @Inject RegistryConfig config;
  @Inject ObjectMapper json;

  /** What a caller sends to create or replace a school. */
  public record SchoolInput(
      String uscc,
      String nameZh,
      String districtCode,
      List<SchoolStage> stages,
      Ownership ownership,
      LocationType locationType,
      boolean townshipSeat,
      SchoolStatus status) {}

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Views.SchoolView> get(String uscc) {
    return School.byUscc(uscc).map(SchoolService::view);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<Views.SchoolView> search(
      String district, SchoolStage stage, String text, String status, long afterId, int limit) {
    StringBuilder q = new StringBuilder("id > :after");
    Parameters p = Parameters.with("after", afterId);
    if (district != null) {
      q.append(" and districtCode = :district");
      p = p.and("district", district);
    }
    if (stage != null) {
      q.append(" and array_contains(stages, :stage)");
      p = p.and("stage", stage.name());
    }
    if (text != null && !text.isBlank()) {
      q.append(" and (nameZh like :text or uscc = :exact)");
      p = p.and("text", "%" + text.trim() + "%").and("exact", text.trim());
    }
    if (status != null) {
      q.append(" and status = :status");
      p = p.and("status", SchoolStatus.valueOf(status));
    }
    List<School> rows = School.find(q + " order by id", p).page(0, limit + 1).list();
    return Page.of(rows, limit, s -> Long.toString(s.id)).map(SchoolService::view);
  }

  public Views.SchoolView create(Caller caller, SchoolInput in) {
    List<FieldError> errors =
        validate(in, Unit.inScope(today()).stream().map(u -> u.code).toList());
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
    String role = caller.requireDistrict(in.districtCode(), WRITERS);
    if (School.byUscc(in.uscc()).isPresent()) {
      throw ProblemException.conflict(
          "A school with USCC " + in.uscc() + " already exists; use PUT to change it",
          Map.of("uscc", in.uscc()));
    }
    School s = new School();
    s.uscc = in.uscc();
    apply(s, in);
    s.createdAt = OffsetDateTime.now();
    s.updatedAt = s.createdAt;
    s.persist();
    audit.append(
        caller,
        role,
        new AuditService.Change(
            "school",
            s.uscc,
            null,
            s.districtCode,
            "create",
            null,
            null,
            null,
            Map.of(),
            fields(s)));
    return view(s);
  }

  public Views.SchoolView update(Caller caller, String uscc, String ifMatch, SchoolInput in) {
    School s =
        School.<School>find("uscc", uscc)
            .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
            .firstResultOptional()
            .orElseThrow(() -> ProblemException.notFound("School", uscc));
    ETags.requireMatch(ifMatch, s.version);
    if (in.uscc() != null && !in.uscc().equals(uscc)) {
      throw ProblemException.invalid(
          "uscc", "统一社会信用代码不可修改 (the USCC in the body must match the path)");
    }
    SchoolInput withCode =
        new SchoolInput(
            uscc,
            in.nameZh(),
            in.districtCode(),
            in.stages(),
            in.ownership(),
            in.locationType(),
            in.townshipSeat(),
            in.status());
    List<FieldError> errors =
        validate(withCode, Unit.inScope(today()).stream().map(u -> u.code).toList());
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
    // Moving a school between districts needs scope over both.
    caller.requireDistrict(s.districtCode, WRITERS);
    String role = caller.requireDistrict(in.districtCode(), WRITERS);
    Map<String, Object> before = fields(s);
    apply(s, withCode);
    s.updatedAt = OffsetDateTime.now();
    audit.append(
        caller,
        role,
        new AuditService.Change(
            "school", s.uscc, null, s.districtCode, "update", null, null, null, before, fields(s)));
    em.flush(); // Hibernate bumps @Version here, so the returned ETag is the new one
    return view(s);
  }

  private static void apply(School s, SchoolInput in) {
    s.nameZh = in.nameZh().trim();
    s.districtCode = in.districtCode();
    s.stages = in.stages().stream().map(Enum::name).distinct().toArray(String[]::new);
    s.ownership = in.ownership();
    s.locationType = in.locationType();
    s.townshipSeat = in.townshipSeat();
    s.status = in.status() == null ? SchoolStatus.OPEN : in.status();
  }

  static Map<String, Object> fields(School s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("nameZh", s.nameZh);
    m.put("districtCode", s.districtCode);
    m.put("stages", s.stages == null ? null : List.of(s.stages));
    m.put("ownership", s.ownership == null ? null : s.ownership.name());
    m.put("locationType", s.locationType == null ? null : s.locationType.name());
    m.put("townshipSeat", s.townshipSeat);
    m.put("status", s.status == null ? null : s.status.name());
    return m;
  }

  static List<FieldError> validate(SchoolInput in, List<String> unitsInScope) {
    List<FieldError> e = new ArrayList<>();
    Uscc.problem(in.uscc()).ifPresent(p -> e.add(new FieldError("uscc", p)));
    if (in.nameZh() == null || in.nameZh().isBlank()) {
      e.add(new FieldError("nameZh", "学校名称必填 (name is required)"));
    } else if (in.nameZh().length() > 128) {
      e.add(new FieldError("nameZh", "学校名称最长128字 (at most 128 characters)"));
    }
    if (in.districtCode() == null || !unitsInScope.contains(in.districtCode())) {
      e.add(
          new FieldError(
              "districtCode", "不是当前有效的区县代码 (not a unit in scope today; see GET /api/v1/units)"));
    }
    if (in.stages() == null || in.stages().isEmpty() || in.stages().contains(null)) {
      e.add(new FieldError("stages", "至少一个学段 (at least one stage)"));
    }
    if (in.ownership() == null) {
      e.add(new FieldError("ownership", "办学性质必填 (PUBLIC or PRIVATE)"));
    }
    if (in.locationType() == null) {
      e.add(new FieldError("locationType", "城乡分类必填 (URBAN, TOWN or RURAL)"));
    } else if (in.townshipSeat() && in.locationType() != LocationType.TOWN) {
      e.add(new FieldError("townshipSeat", "乡镇驻地学校须为镇区 (a township-seat school must be TOWN)"));
    }
    return e;
  }

  static Views.SchoolView view(School s) {
    return new Views.SchoolView(
        s.uscc,
        s.nameZh,
        s.districtCode,
        Arrays.stream(s.stages).map(SchoolStage::valueOf).toList(),
        s.ownership,
        s.locationType,
        s.townshipSeat,
        s.status.name(),
        s.version,
        s.updatedAt);
  }

  LocalDate today() {
    return LocalDate.now(config.zone());
  }

  // --- Bulk import -------------------------------------------------------------------------

  static final List<String> CSV_COLUMNS =
      List.of(
          "uscc",
          "nameZh",
          "districtCode",
          "stages",
          "ownership",
          "locationType",
          "townshipSeat",
          "status");

  /** A row as read from the file, before validation; row numbers start at 1. */
  public record Row(int number, SchoolInput input, List<FieldError> parseErrors) {}

  /** Reads CSV with a header naming the columns above; stages separated by | or ;. */
  public List<Row> readCsv(String text) {
    List<List<String>> table = Csv.readAll(text);
    if (table.isEmpty()) {
      throw ProblemException.invalid("body", "the CSV file is empty");
    }
    List<String> header = table.get(0).stream().map(h -> h.trim()).toList();
    List<String> missing = CSV_COLUMNS.stream().filter(c -> !header.contains(c)).toList();
    if (!missing.isEmpty()) {
      throw ProblemException.invalid(
          "header", "missing columns " + missing + "; expected " + CSV_COLUMNS);
    }
    List<Row> rows = new ArrayList<>();
    for (int r = 1; r < table.size(); r++) {
      List<String> cells = table.get(r);
      if (cells.size() == 1 && cells.get(0).isBlank()) {
        continue; // blank line
      }
      Map<String, String> v = new HashMap<>();
      for (int c = 0; c < header.size() && c < cells.size(); c++) {
        v.put(header.get(c), cells.get(c).trim());
      }
      List<FieldError> errors = new ArrayList<>();
      List<SchoolStage> stages = new ArrayList<>();
      for (String part : v.getOrDefault("stages", "").split("[|;]")) {
        if (part.isBlank()) {
          continue;
        }
        SchoolStage.parse(part)
            .ifPresentOrElse(
                stages::add,
                () -> errors.add(new FieldError("stages", "未知学段 unknown stage '" + part + "'")));
      }
      Ownership ownership = Ownership.parse(v.get("ownership")).orElse(null);
      if (ownership == null && !v.getOrDefault("ownership", "").isEmpty()) {
        errors.add(new FieldError("ownership", "应为 PUBLIC/公办 或 PRIVATE/民办"));
      }
      LocationType location = LocationType.parse(v.get("locationType")).orElse(null);
      if (location == null && !v.getOrDefault("locationType", "").isEmpty()) {
        errors.add(new FieldError("locationType", "应为 URBAN/城区, TOWN/镇区 或 RURAL/乡村"));
      }
      String seat = v.getOrDefault("townshipSeat", "").toLowerCase(Locale.ROOT);
      boolean townshipSeat = seat.equals("true") || seat.equals("1") || seat.equals("是");
      if (!seat.isEmpty() && !townshipSeat && !Set.of("false", "0", "否").contains(seat)) {
        errors.add(new FieldError("townshipSeat", "应为 true/false"));
      }
      String statusText = v.getOrDefault("status", "").toUpperCase(Locale.ROOT);
      SchoolStatus status = SchoolStatus.OPEN;
      if (statusText.equals("CLOSED") || statusText.equals("停办")) {
        status = SchoolStatus.CLOSED;
      } else if (!statusText.isEmpty() && !statusText.equals("OPEN") && !statusText.equals("在办")) {
        errors.add(new FieldError("status", "应为 OPEN/在办 或 CLOSED/停办"));
      }
      rows.add(
          new Row(
              rows.size() + 1,
              new SchoolInput(
                  v.get("uscc"),
                  v.get("nameZh"),
                  v.get("districtCode"),
                  stages,
                  ownership,
                  location,
                  townshipSeat,
                  status),
              errors));
    }
    return rows;
  }

  public List<Row> rowsOf(List<SchoolInput> inputs) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      rows.add(new Row(i + 1, inputs.get(i), List.of()));
    }
    return rows;
  }

  /**
   * Imports rows: validates every row first; writes nothing on a dry run, nor when any row is
   * refused unless {@code partial} is set (then the valid rows are written).
   */
  public Views.ImportSummary importRows(
      Caller caller, List<Row> rows, boolean dryRun, boolean partial) {
    Set<String> units = new HashSet<>(Unit.inScope(today()).stream().map(u -> u.code).toList());
    List<String> unitList = List.copyOf(units);
    List<Views.ImportError> errors = new ArrayList<>();
    Map<String, Row> valid = new LinkedHashMap<>();
    for (Row row : rows) {
      List<FieldError> rowErrors = new ArrayList<>(row.parseErrors());
      Set<String> unreadable = new HashSet<>();
      row.parseErrors().forEach(e -> unreadable.add(e.field()));
      // A field that could not be read is reported once, not again as missing.
      validate(row.input(), unitList).stream()
          .filter(e -> !unreadable.contains(e.field()))
          .forEach(rowErrors::add);
      String uscc = row.input().uscc();
      if (rowErrors.isEmpty() && valid.containsKey(uscc)) {
        rowErrors.add(
            new FieldError(
                "uscc", "与第" + valid.get(uscc).number() + "行重复 (duplicate of an earlier row)"));
      }
      if (rowErrors.isEmpty()
          && caller.roleForDistrict(row.input().districtCode(), WRITERS).isEmpty()) {
        rowErrors.add(
            new FieldError("districtCode", "无权导入该区县的学校 (outside the token's district scope)"));
      }
      rowErrors.forEach(
          e -> errors.add(new Views.ImportError(row.number(), e.field(), e.message())));
      if (rowErrors.isEmpty()) {
        valid.put(uscc, row);
      }
    }
    Map<String, School> existing = new HashMap<>();
    List<String> keys = List.copyOf(valid.keySet());
    for (int i = 0; i < keys.size(); i += 5000) {
      List<String> chunk = keys.subList(i, Math.min(keys.size(), i + 5000));
      for (School s : School.<School>list("uscc in ?1", chunk)) {
        existing.put(s.uscc, s);
      }
    }
    List<Row> toCreate = new ArrayList<>();
    List<Row> toUpdate = new ArrayList<>();
    int ignored = 0;
    for (Row row : valid.values()) {
      School current = existing.get(row.input().uscc());
      if (current == null) {
        toCreate.add(row);
      } else if (caller.roleForDistrict(current.districtCode, WRITERS).isEmpty()) {
        errors.add(
            new Views.ImportError(
                row.number(),
                "districtCode",
                "该校现属其他区县，无权修改 (school belongs to another district)"));
      } else {
        School probe = new School();
        apply(probe, row.input());
        if (fields(probe).equals(fields(current))) {
          ignored++;
        } else {
          toUpdate.add(row);
        }
      }
    }
    errors.sort(java.util.Comparator.comparingInt(Views.ImportError::row));
    boolean write = !dryRun && (errors.isEmpty() || partial);
    if (write) {
      String role = firstRole(caller);
      bulkWrite(caller, role, toCreate, toUpdate, existing);
    }
    Views.ImportSummary summary =
        new Views.ImportSummary(
            dryRun, write, toCreate.size(), toUpdate.size(), ignored, List.copyOf(errors));
    if (!dryRun && !errors.isEmpty() && !partial) {
      throw new ProblemException(
          ProblemType.UNPROCESSABLE,
          422,
          errors.size()
              + " row(s) refused; nothing was imported (send partial=true to import the valid rows)",
          List.of(),
          Map.of("summary", summary),
          Map.of());
    }
    return summary;
  }

  private static String firstRole(Caller caller) {
    for (String r : WRITERS) {
      if (caller.hasRole(r)) {
        return r;
      }
    }
    return null;
  }

  // Row-by-row persist would take one round trip per school; arrays and unnest make it one
  // statement per kind of change.
  private void bulkWrite(
      Caller caller,
      String role,
      List<Row> creates,
      List<Row> updates,
      Map<String, School> existing) {
    Session session = em.unwrap(Session.class);
    em.flush();
    session.doWork(
        conn -> {
          if (!creates.isEmpty()) {
            try (PreparedStatement ps =
                conn.prepareStatement(
                    "INSERT INTO school (uscc, name_zh, district_code, stages, ownership,"
                        + " location_type, township_seat, status) SELECT u, n, d,"
                        + " string_to_array(st, ','), o, l, t, s FROM unnest(?::text[], ?::text[],"
                        + " ?::text[], ?::text[], ?::text[], ?::text[], ?::boolean[], ?::text[])"
                        + " AS v(u, n, d, st, o, l, t, s)")) {
              bind(conn, ps, creates);
              ps.executeUpdate();
            }
          }
          if (!updates.isEmpty()) {
            try (PreparedStatement ps =
                conn.prepareStatement(
                    "UPDATE school SET name_zh = v.n, district_code = v.d, stages ="
                        + " string_to_array(v.st, ','), ownership = v.o, location_type = v.l,"
                        + " township_seat = v.t, status = v.s, version = version + 1, updated_at ="
                        + " now() FROM unnest(?::text[], ?::text[], ?::text[], ?::text[],"
                        + " ?::text[], ?::text[], ?::boolean[], ?::text[]) AS v(u, n, d, st, o, l,"
                        + " t, s) WHERE school.uscc = v.u")) {
              bind(conn, ps, updates);
              ps.executeUpdate();
            }
          }
          insertAudit(conn, caller, role, creates, updates, existing);
        });
  }

  private static void bind(Connection conn, PreparedStatement ps, List<Row> rows)
      throws SQLException {
    int n = rows.size();
    String[] u = new String[n], nm = new String[n], d = new String[n], st = new String[n];
    String[] o = new String[n], l = new String[n], s = new String[n];
    Boolean[] t = new Boolean[n];
    for (int i = 0; i < n; i++) {
      SchoolInput in = rows.get(i).input();
      School probe = new School();
      apply(probe, in);
      u[i] = in.uscc();
      nm[i] = probe.nameZh;
      d[i] = probe.districtCode;
      st[i] = String.join(",", probe.stages);
      o[i] = probe.ownership.name();
      l[i] = probe.locationType.name();
      t[i] = probe.townshipSeat;
      s[i] = probe.status.name();
    }
    Array[] arrays = {
      conn.createArrayOf("text", u),
      conn.createArrayOf("text", nm),
      conn.createArrayOf("text", d),
      conn.createArrayOf("text", st),
      conn.createArrayOf("text", o),
      conn.createArrayOf("text", l),
      conn.createArrayOf("boolean", t),
      conn.createArrayOf("text", s)
    };
    for (int i = 0; i < arrays.length; i++) {
      ps.setArray(i + 1, arrays[i]);
    }
  }

  private void insertAudit(
      Connection conn,
      Caller caller,
      String role,
      List<Row> creates,
      List<Row> updates,
      Map<String, School> existing)
      throws SQLException {
    int n = creates.size() + updates.size();
    if (n == 0) {
      return;
    }
    String[] ids = new String[n], districts = new String[n], actions = new String[n];
    String[] changes = new String[n];
    int i = 0;
    for (Row r : creates) {
      School probe = new School();
      apply(probe, r.input());
      ids[i] = r.input().uscc();
      districts[i] = probe.districtCode;
      actions[i] = "import-create";
      changes[i++] = toJson(AuditService.diff(Map.of(), fields(probe)));
    }
    for (Row r : updates) {
      School probe = new School();
      apply(probe, r.input());
      ids[i] = r.input().uscc();
      districts[i] = probe.districtCode;
      actions[i] = "import-update";
      changes[i++] =
          toJson(AuditService.diff(fields(existing.get(r.input().uscc())), fields(probe)));
    }
    try (PreparedStatement ps =
        conn.prepareStatement(
            "INSERT INTO audit_entry (entity_type, entity_id, district_code, action, actor,"
                + " actor_role, actor_district, actor_school, client_id, request_id, changes)"
                + " SELECT 'school', e, d, a, ?, ?, ?, ?, ?, ?, c::jsonb FROM unnest(?::text[],"
                + " ?::text[], ?::text[], ?::text[]) AS v(e, d, a, c)")) {
      ps.setString(1, caller.actor());
      ps.setString(2, role);
      ps.setString(3, caller.districtCode().orElse(null));
      ps.setString(4, caller.schoolCode().orElse(null));
      ps.setString(5, caller.clientId());
      ps.setString(6, RequestIds.current());
      ps.setArray(7, conn.createArrayOf("text", ids));
      ps.setArray(8, conn.createArrayOf("text", districts));
      ps.setArray(9, conn.createArrayOf("text", actions));
      ps.setArray(10, conn.createArrayOf("text", changes));
      ps.executeUpdate();
    }
  }

  private String toJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
