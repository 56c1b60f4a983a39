package cn.jinan.edu.quality.service;

import cn.jinan.edu.platform.csv.Csv;
import cn.jinan.edu.platform.data.AuditService;
import cn.jinan.edu.platform.data.EventService;
import cn.jinan.edu.platform.ids.Uscc;
import cn.jinan.edu.platform.problem.FieldError;
import cn.jinan.edu.platform.problem.ProblemException;
import cn.jinan.edu.platform.problem.ProblemType;
import cn.jinan.edu.platform.security.Caller;
import cn.jinan.edu.platform.security.Roles;
import cn.jinan.edu.quality.client.RegistryClient;
import cn.jinan.edu.quality.config.QualityConfig;
import cn.jinan.edu.quality.domain.InclusiveClassAverage;
import cn.jinan.edu.quality.domain.StudentKey;
import cn.jinan.edu.quality.domain.Unit;
import cn.jinan.edu.quality.domain.ValueAdded;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.hibernate.Session;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Pseudonymous assessment records: streaming import, value added (measure 七) and the plan's
 * inclusive-class averages (measure 十三). Only aggregates leave the service; a school's or class's
 * figures only with at least the configured minimum of students.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class AssessmentService {
  static final List<String> REQUIRED_COLUMNS =
      List.of(
          "studentKey", "schoolUscc", "districtCode", "grade", "subject", "year", "currentScore");
  static final List<String> OPTIONAL_COLUMNS = List.of("priorScore", "specialNeeds", "classId");
  private static final int MAX_REPORTED_ERRORS = 100;
  private static final int COPY_CHUNK = 1 << 16;
  private static final BigDecimal MAX_SCORE = new BigDecimal("999999");

  @Inject EntityManager em;
  @Inject AuditService audit;
  @Inject EventService events;
  @Inject QualityConfig config;
  @Inject RegistryClient registry;

  /** What one import did; years are the years of the valid records. */
  public record Imported(Views.AssessmentImportView view, List<Integer> years) {}

  /**
   * Reads CSV from the stream and COPYs valid records straight into PostgreSQL, chunk by chunk: the
   * file is never held in memory. All-or-nothing: any refused record → 422 (the transaction rolls
   * the copied rows back). With replaceYears the earlier records of the years in the file go.
   */
  @TransactionConfiguration(timeout = 3600)
  public Imported importCsv(Caller caller, InputStream body, boolean dryRun, boolean replaceYears) {
    Set<String> units = new HashSet<>();
    Unit.<Unit>listAll().forEach(u -> units.add(u.code));
    Session session = em.unwrap(Session.class);
    Long batchId = null;
    if (!dryRun) {
      batchId =
          ((Number)
                  em.createNativeQuery(
                          "INSERT INTO assessment_batch (imported_by) VALUES (:by) RETURNING id")
                      .setParameter("by", caller.actor())
                      .getSingleResult())
              .longValue();
    }
    Long batch = batchId;
    Counter counter = new Counter();
    session.doWork(conn -> stream(conn, body, batch, units, counter));
    List<Integer> years = List.copyOf(counter.years);
    Views.AssessmentImportView view =
        new Views.AssessmentImportView(
            dryRun,
            !dryRun && counter.refused == 0,
            counter.refused == 0 ? batchId : null,
            counter.valid,
            counter.refused,
            years,
            List.copyOf(counter.errors),
            List.of());
    if (counter.refused > 0 && !dryRun) {
      throw new ProblemException(
          ProblemType.UNPROCESSABLE,
          422,
          counter.refused + " record(s) refused; nothing was imported",
          counter.errors.stream()
              .limit(20)
              .map(e -> new FieldError("rows[" + e.row() + "]." + e.field(), e.reason()))
              .toList(),
          Map.of("summary", view),
          Map.of());
    }
    if (!dryRun) {
      em.createNativeQuery(
              "UPDATE assessment_batch SET records = :n, years = CAST(:y AS integer[]) WHERE id = :id")
          .setParameter("n", counter.valid)
          .setParameter("y", years.toString().replace('[', '{').replace(']', '}'))
          .setParameter("id", batchId)
          .executeUpdate();
      if (replaceYears && !years.isEmpty()) {
        em.createNativeQuery(
                "DELETE FROM assessment_record WHERE year = ANY(CAST(:y AS integer[])) AND batch_id <> :id")
            .setParameter("y", years.toString().replace('[', '{').replace(']', '}'))
            .setParameter("id", batchId)
            .executeUpdate();
      }
      Map<String, Object> after = new LinkedHashMap<>();
      after.put("records", counter.valid);
      after.put("years", years);
      after.put("replaceYears", replaceYears);
      audit.append(
          caller,
          caller.hasRole(Roles.CITY_ADMIN) ? Roles.CITY_ADMIN : Roles.DATA_REPORTER,
          new AuditService.Change(
              "assessment-batch",
              Long.toString(batchId),
              null,
              null,
              "import",
              null,
              null,
              null,
              Map.of(),
              after));
    }
    return new Imported(view, years);
  }

  private static final class Counter {
    long valid;
    long refused;
    final List<Views.ImportConflict> errors = new ArrayList<>();
    final Set<Integer> years = new TreeSet<>();
  }

  private static void stream(
      Connection conn, InputStream body, Long batchId, Set<String> units, Counter counter)
      throws SQLException {
    CopyIn copy = null;
    try {
      if (batchId != null) {
        copy =
            conn.unwrap(PGConnection.class)
                .getCopyAPI()
                .copyIn(
                    "COPY assessment_record (batch_id, student_key, school_uscc, district_code,"
                        + " grade, subject, year, prior_score, current_score, special_needs,"
                        + " class_id) FROM STDIN WITH (FORMAT csv)");
      }
      Csv csv =
          new Csv(new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8), 1 << 16));
      List<String> header = csv.next();
      if (header == null || Csv.blank(header)) {
        throw ProblemException.invalid("body", "the CSV file is empty");
      }
      Map<String, Integer> index = new HashMap<>();
      for (int i = 0; i < header.size(); i++) {
        index.put(header.get(i).trim(), i);
      }
      List<String> missing = REQUIRED_COLUMNS.stream().filter(c -> !index.containsKey(c)).toList();
      if (!missing.isEmpty()) {
        throw ProblemException.invalid(
            "header",
            "missing columns "
                + missing
                + "; expected "
                + REQUIRED_COLUMNS
                + " and optionally "
                + OPTIONAL_COLUMNS);
      }
      int[] col = new int[COLUMNS.size()];
      for (int c = 0; c < col.length; c++) {
        col[c] = index.getOrDefault(COLUMNS.get(c), -1);
      }
      // COPY lines gather in one buffer that is encoded and sent per chunk, not per record.
      StringBuilder chunk = new StringBuilder(COPY_CHUNK + 1024);
      long row = 0;
      List<String> r;
      while ((r = csv.next()) != null) {
        if (Csv.blank(r)) {
          continue;
        }
        row++;
        int mark = chunk.length();
        if (!record(r, col, units, row, counter, copy != null ? chunk : null, batchId)) {
          chunk.setLength(mark);
          continue;
        }
        if (copy != null && counter.refused == 0 && chunk.length() >= COPY_CHUNK) {
          byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
          copy.writeToCopy(bytes, 0, bytes.length);
          chunk.setLength(0);
        } else if (counter.refused > 0) {
          chunk.setLength(0); // nothing more will be sent; keep validating to report errors
        }
      }
      if (copy != null) {
        if (counter.refused > 0) {
          copy.cancelCopy();
        } else {
          if (chunk.length() > 0) {
            byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
          }
          copy.endCopy();
        }
        copy = null;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (copy != null && copy.isActive()) {
        copy.cancelCopy();
      }
    }
  }

  // Column positions in COLUMNS, resolved once per file from its header.
  private static final List<String> COLUMNS =
      List.of(
          "studentKey",
          "schoolUscc",
          "districtCode",
          "grade",
          "subject",
          "year",
          "priorScore",
          "currentScore",
          "specialNeeds",
          "classId");
  private static final int KEY = 0;
  private static final int USCC = 1;
  private static final int DISTRICT = 2;
  private static final int GRADE = 3;
  private static final int SUBJECT = 4;
  private static final int YEAR = 5;
  private static final int PRIOR = 6;
  private static final int CURRENT = 7;
  private static final int SPECIAL = 8;
  private static final int CLASS = 9;
  private static final Set<String> FALSE_WORDS = Set.of("false", "0", "否");

  /** Validates one record; appends its COPY line to out (when given) if it is valid. */
  private static boolean record(
      List<String> r,
      int[] col,
      Set<String> units,
      long row,
      Counter counter,
      StringBuilder out,
      Long batchId) {
    List<Views.ImportConflict> errors = new ArrayList<>(0);
    String key = cell(r, col[KEY]);
    StudentKey.problem(key).ifPresent(p -> errors.add(conflict(row, "studentKey", p)));
    String uscc = cell(r, col[USCC]);
    Uscc.problem(uscc).ifPresent(p -> errors.add(conflict(row, "schoolUscc", p)));
    String district = cell(r, col[DISTRICT]);
    if (!units.contains(district)) {
      errors.add(conflict(row, "districtCode", "不是已知的区县代码 (not a known unit)"));
    }
    String grade = cell(r, col[GRADE]);
    if (grade.isEmpty() || grade.length() > 16 || grade.indexOf('|') >= 0) {
      errors.add(conflict(row, "grade", "年级必填，最长16字 (1–16 characters, no |)"));
    }
    String subject = cell(r, col[SUBJECT]);
    if (subject.isEmpty() || subject.length() > 32 || subject.indexOf('|') >= 0) {
      errors.add(conflict(row, "subject", "科目必填，最长32字 (1–32 characters, no |)"));
    }
    int year = 0;
    try {
      year = Integer.parseInt(cell(r, col[YEAR]));
      if (year < 2000 || year > 2100) {
        throw new NumberFormatException();
      }
    } catch (NumberFormatException e) {
      errors.add(conflict(row, "year", "年度应为2000–2100 (a year between 2000 and 2100)"));
    }
    BigDecimal prior = score(cell(r, col[PRIOR]), false, row, "priorScore", errors);
    BigDecimal current = score(cell(r, col[CURRENT]), true, row, "currentScore", errors);
    String special = cell(r, col[SPECIAL]).toLowerCase(Locale.ROOT);
    boolean specialNeeds = special.equals("true") || special.equals("1") || special.equals("是");
    if (!special.isEmpty() && !specialNeeds && !FALSE_WORDS.contains(special)) {
      errors.add(conflict(row, "specialNeeds", "应为 true/false (true, false, 1, 0, 是, 否)"));
    }
    String classId = cell(r, col[CLASS]);
    if (classId.length() > 32) {
      errors.add(conflict(row, "classId", "班级最长32字 (at most 32 characters)"));
    } else if (classId.codePoints().anyMatch(Character::isISOControl)) {
      errors.add(conflict(row, "classId", "含控制字符 (control characters)"));
    }
    if (!errors.isEmpty()) {
      counter.refused++;
      for (Views.ImportConflict e : errors) {
        if (counter.errors.size() < MAX_REPORTED_ERRORS) {
          counter.errors.add(e);
        }
      }
      return false;
    }
    counter.valid++;
    counter.years.add(year);
    if (out != null) {
      out.append(batchId).append(',');
      quoted(out, key).append(',');
      out.append(uscc).append(',').append(district).append(',');
      quoted(out, grade).append(',');
      quoted(out, subject).append(',');
      out.append(year).append(',');
      out.append(prior == null ? "" : prior.toPlainString()).append(',');
      out.append(current.toPlainString()).append(',');
      out.append(specialNeeds ? 't' : 'f').append(',');
      if (!classId.isEmpty()) {
        quoted(out, classId);
      }
      out.append('\n');
    }
    return true;
  }

  private static StringBuilder quoted(StringBuilder out, String s) {
    out.append('"');
    if (s.indexOf('"') < 0) {
      return out.append(s).append('"');
    }
    return out.append(s.replace("\"", "\"\"")).append('"');
  }

  private static String cell(List<String> r, int i) {
    return i < 0 || i >= r.size() ? "" : r.get(i).trim();
  }

  private static BigDecimal score(
      String text, boolean required, long row, String field, List<Views.ImportConflict> errors) {
    if (text.isEmpty()) {
      if (required) {
        errors.add(conflict(row, field, "分数必填 (required)"));
      }
      return null;
    }
    try {
      BigDecimal v = new BigDecimal(text);
      if (v.signum() < 0
          || v.compareTo(MAX_SCORE) > 0
          || (v.scale() > 3 && v.stripTrailingZeros().scale() > 3)) {
        errors.add(conflict(row, field, "分数应在0–999999之间，最多3位小数 (0–999999, at most 3 decimals)"));
        return null;
      }
      return v;
    } catch (NumberFormatException e) {
      errors.add(conflict(row, field, "不是数值 (not a number: '" + text + "')"));
      return null;
    }
  }

  private static Views.ImportConflict conflict(long row, String field, String reason) {
    return new Views.ImportConflict(row, field, "INVALID", reason);
  }

  // --- Value added --------------------------------------------------------------------------

  /**
   * Recomputes and stores a year's value added in one pass over its records (grade and subject form
   * the accumulator's subject key), then the groups from registry-service's registrations.
   */
  @TransactionConfiguration(timeout = 3600)
  public Views.RecomputeView recompute(int year) {
    // Outside any database work: the registry call holds no connection while it waits.
    RegistryClient.Groups groups = registry.registrations();
    int minimum = Math.max(2, config.minimumStudents());
    ValueAdded.Accumulator acc = ValueAdded.accumulator(minimum);
    Map<String, String> districtOf = new HashMap<>();
    long[] records = {0};
    Session session = em.unwrap(Session.class);
    session.doWork(
        conn -> {
          try (PreparedStatement ps =
              conn.prepareStatement(
                  "SELECT school_uscc, district_code, grade, subject, prior_score, current_score"
                      + " FROM assessment_record WHERE year = ? AND prior_score IS NOT NULL")) {
            ps.setInt(1, year);
            ps.setFetchSize(10_000); // a cursor: records stream, they are not all loaded
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                String school = rs.getString(1);
                districtOf.putIfAbsent(school, rs.getString(2));
                acc.add(
                    school,
                    rs.getString(3) + "|" + rs.getString(4),
                    rs.getDouble(5),
                    rs.getDouble(6));
                records[0]++;
              }
            }
          }
        });
    ValueAdded.Result result = acc.finish();
    List<ValueAdded.Group> groupList =
        groups.groups().stream()
            .map(
                g ->
                    new ValueAdded.Group(
                        g.filingNumber(), g.leadSchoolUscc(), g.memberSchoolUsccs()))
            .toList();
    Map<String, RegistryClient.Group> byFiling = new HashMap<>();
    groups.groups().forEach(g -> byFiling.put(g.filingNumber(), g));
    OffsetDateTime now = OffsetDateTime.now();
    int[] stored = {0, 0};
    session.doWork(
        conn -> {
          for (String table : List.of("value_added_school", "value_added_group")) {
            try (PreparedStatement del =
                conn.prepareStatement("DELETE FROM " + table + " WHERE year = ?")) {
              del.setInt(1, year);
              del.executeUpdate();
            }
          }
          try (PreparedStatement ps =
              conn.prepareStatement(
                  "INSERT INTO value_added_school (year, grade, subject, school_uscc, district_code,"
                      + " students, status, value_added, standard_error, computed_at)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Map.Entry<String, ValueAdded.SubjectResult> s : result.subjects().entrySet()) {
              String[] gs = s.getKey().split("\\|", 2);
              for (ValueAdded.SchoolValueAdded v : s.getValue().schools().values()) {
                ps.setInt(1, year);
                ps.setString(2, gs[0]);
                ps.setString(3, gs[1]);
                ps.setString(4, v.schoolUscc());
                ps.setString(5, districtOf.get(v.schoolUscc()));
                ps.setLong(6, v.students());
                ps.setString(7, v.status().name());
                setDouble(ps, 8, v.estimate() == null ? null : v.estimate().valueAdded());
                setDouble(ps, 9, v.estimate() == null ? null : v.estimate().standardError());
                ps.setObject(10, now);
                ps.addBatch();
                stored[0]++;
              }
            }
            ps.executeBatch();
          }
          try (PreparedStatement ps =
              conn.prepareStatement(
                  "INSERT INTO value_added_group (year, grade, subject, filing_number, group_name,"
                      + " lead_school_uscc, lead_value_added, lead_standard_error, lead_students,"
                      + " value_added, standard_error, students, schools_counted, schools_without,"
                      + " groups_source, computed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Map.Entry<String, ValueAdded.SubjectResult> s : result.subjects().entrySet()) {
              String[] gs = s.getKey().split("\\|", 2);
              Map<String, ValueAdded.SchoolValueAdded> schools = s.getValue().schools();
              for (ValueAdded.Group g : groupList) {
                if (g.schools().stream().noneMatch(schools::containsKey)) {
                  continue; // no school of the group took this grade and subject
                }
                ValueAdded.GroupValueAdded gv = ValueAdded.groupValueAdded(g, s.getKey(), schools);
                ValueAdded.Estimate lead = gv.lead() == null ? null : gv.lead().estimate();
                ps.setInt(1, year);
                ps.setString(2, gs[0]);
                ps.setString(3, gs[1]);
                ps.setString(4, g.groupId());
                ps.setString(5, byFiling.get(g.groupId()).name());
                ps.setString(6, g.leadSchoolUscc());
                setDouble(ps, 7, lead == null ? null : lead.valueAdded());
                setDouble(ps, 8, lead == null ? null : lead.standardError());
                if (lead == null) {
                  ps.setNull(9, java.sql.Types.BIGINT);
                } else {
                  ps.setLong(9, gv.lead().students());
                }
                setDouble(ps, 10, gv.estimate() == null ? null : gv.estimate().valueAdded());
                setDouble(ps, 11, gv.estimate() == null ? null : gv.estimate().standardError());
                ps.setLong(12, gv.students());
                ps.setArray(13, conn.createArrayOf("text", gv.schoolsCounted().toArray()));
                ps.setArray(14, conn.createArrayOf("text", gv.schoolsWithoutFigures().toArray()));
                ps.setString(15, groups.source());
                ps.setObject(16, now);
                ps.addBatch();
                stored[1]++;
              }
            }
            ps.executeBatch();
          }
        });
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("year", year);
    data.put("records", records[0]);
    data.put("schoolResults", stored[0]);
    data.put("groupResults", stored[1]);
    data.put("groupsSource", groups.source());
    events.append("value-added.computed", "year/" + year, data);
    return new Views.RecomputeView(
        year, records[0], result.subjects().size(), stored[0], stored[1], groups.source(), now);
  }

  /** Stored value-added rows of a year, filtered the same way for schools and groups. */
  @SuppressWarnings("unchecked")
  private List<Object[]> stored(
      String select, int year, String grade, String subject, String district, String orderBy) {
    StringBuilder q = new StringBuilder(select).append(" WHERE year = :y");
    Map<String, Object> p = new HashMap<>();
    p.put("y", year);
    if (grade != null) {
      q.append(" AND grade = :g");
      p.put("g", grade);
    }
    if (subject != null) {
      q.append(" AND subject = :s");
      p.put("s", subject);
    }
    if (district != null) {
      q.append(" AND district_code = :d");
      p.put("d", district);
    }
    var query = em.createNativeQuery(q + " ORDER BY grade, subject, " + orderBy);
    p.forEach(query::setParameter);
    return query.getResultList();
  }

  private static void setDouble(PreparedStatement ps, int i, Double v) throws SQLException {
    if (v == null || !Double.isFinite(v)) {
      ps.setNull(i, java.sql.Types.DOUBLE);
    } else {
      ps.setDouble(i, v);
    }
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  @SuppressWarnings("unchecked")
  public List<Views.SchoolValueAddedView> schools(
      Caller caller, int year, String grade, String subject, String district) {
    String scope = DataService.readScope(caller, district);
    List<Object[]> rows =
        stored(
            "SELECT year, grade, subject, school_uscc, district_code, students, status,"
                + " value_added, standard_error FROM value_added_school",
            year,
            grade,
            subject,
            scope,
            "school_uscc");
    return rows.stream()
        .map(
            r ->
                new Views.SchoolValueAddedView(
                    ((Number) r[0]).intValue(),
                    (String) r[1],
                    (String) r[2],
                    (String) r[3],
                    (String) r[4],
                    ((Number) r[5]).longValue(),
                    (String) r[6],
                    r[7] == null ? null : ((Number) r[7]).doubleValue(),
                    r[8] == null ? null : ((Number) r[8]).doubleValue()))
        .toList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  @SuppressWarnings("unchecked")
  public List<Views.GroupValueAddedView> groups(int year, String grade, String subject) {
    List<Object[]> rows =
        stored(
            "SELECT year, grade, subject, filing_number, group_name, lead_school_uscc,"
                + " lead_value_added, lead_standard_error, value_added, standard_error, students,"
                + " array_to_string(schools_counted, ','), array_to_string(schools_without, ','),"
                + " groups_source FROM value_added_group",
            year,
            grade,
            subject,
            null,
            "filing_number");
    return rows.stream()
        .map(
            r ->
                new Views.GroupValueAddedView(
                    ((Number) r[0]).intValue(),
                    (String) r[1],
                    (String) r[2],
                    (String) r[3],
                    (String) r[4],
                    (String) r[5],
                    r[6] == null ? null : ((Number) r[6]).doubleValue(),
                    r[7] == null ? null : ((Number) r[7]).doubleValue(),
                    r[8] == null ? null : ((Number) r[8]).doubleValue(),
                    r[9] == null ? null : ((Number) r[9]).doubleValue(),
                    ((Number) r[10]).longValue(),
                    split((String) r[11]),
                    split((String) r[12]),
                    (String) r[13]))
        .toList();
  }

  private static List<String> split(String s) {
    return s == null || s.isEmpty() ? List.of() : List.of(s.split(","));
  }

  // --- Inclusive-class averages (随班就读, measure 十三) ---------------------------------------

  @Transactional(Transactional.TxType.SUPPORTS)
  @SuppressWarnings("unchecked")
  public Views.InclusiveReportView inclusive(
      Caller caller, int year, String subject, String grade, String district) {
    String scope = DataService.readScope(caller, district);
    int minimum = config.minimumStudents();
    StringBuilder q =
        new StringBuilder(
            "SELECT district_code, school_uscc, coalesce(class_id, ''), sum(current_score),"
                + " count(*), count(*) FILTER (WHERE special_needs) FROM assessment_record"
                + " WHERE year = :y AND subject = :s");
    Map<String, Object> p = new HashMap<>();
    p.put("y", year);
    p.put("s", subject);
    if (grade != null) {
      q.append(" AND grade = :g");
      p.put("g", grade);
    }
    if (scope != null) {
      q.append(" AND district_code = :d");
      p.put("d", scope);
    }
    var query = em.createNativeQuery(q + " GROUP BY 1, 2, 3 ORDER BY 1, 2, 3");
    p.forEach(query::setParameter);
    List<Object[]> rows = query.getResultList();
    List<Views.InclusiveAverageView> classes = new ArrayList<>();
    Map<String, InclusiveClassAverage> schools = new TreeMap<>();
    Map<String, String> schoolDistrict = new HashMap<>();
    Map<String, InclusiveClassAverage> districts = new TreeMap<>();
    InclusiveClassAverage city = InclusiveClassAverage.EMPTY;
    for (Object[] r : rows) {
      InclusiveClassAverage a =
          new InclusiveClassAverage(
              (BigDecimal) r[3], ((Number) r[4]).longValue(), ((Number) r[5]).longValue());
      String d = (String) r[0];
      String s = (String) r[1];
      String c = (String) r[2];
      classes.add(average("CLASS", d, s, c.isEmpty() ? "(未分班 no class)" : c, a, minimum));
      schools.merge(s, a, InclusiveClassAverage::plus);
      schoolDistrict.put(s, d);
      districts.merge(d, a, InclusiveClassAverage::plus);
      city = city.plus(a);
    }
    List<Views.InclusiveAverageView> schoolViews = new ArrayList<>();
    schools.forEach(
        (s, a) -> schoolViews.add(average("SCHOOL", schoolDistrict.get(s), s, null, a, minimum)));
    List<Views.InclusiveAverageView> districtViews = new ArrayList<>();
    districts.forEach((d, a) -> districtViews.add(average("DISTRICT", d, null, null, a, minimum)));
    return new Views.InclusiveReportView(
        year,
        subject,
        grade,
        "只计入分子，不计入分母: plan average = Σ scores of all students ÷ students without special"
            + " needs; the conventional average (Σ all ÷ all) beside it. Schools, districts and the"
            + " city pool their students.",
        minimum,
        scope == null ? average("CITY", null, null, null, city, minimum) : null,
        districtViews,
        schoolViews,
        classes);
  }

  private static Views.InclusiveAverageView average(
      String level,
      String district,
      String school,
      String classId,
      InclusiveClassAverage a,
      int minimum) {
    if (a.students() < minimum) {
      return new Views.InclusiveAverageView(
          level,
          district,
          school,
          classId,
          a.students(),
          null,
          null,
          null,
          null,
          true,
          "fewer than " + minimum + " students: figures not published");
    }
    return new Views.InclusiveAverageView(
        level,
        district,
        school,
        classId,
        a.students(),
        a.specialNeedsStudents(),
        a.studentsWithoutSpecialNeeds(),
        a.planAverage().orElse(null),
        a.conventionalAverage().orElse(null),
        false,
        a.explanation());
  }
}
