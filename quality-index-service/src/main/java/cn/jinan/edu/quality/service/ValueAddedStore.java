package cn.jinan.edu.quality.service;

import cn.jinan.edu.quality.client.RegistryClient;
import cn.jinan.edu.quality.domain.ValueAdded;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The JDBC side of a value-added run: the records read by cursor, the results written in batches.
 */
final class ValueAddedStore {
  private ValueAddedStore() {}

  private static final String SCHOOL_INSERT =
      "INSERT INTO value_added_school (year, grade, subject, school_uscc, district_code, students,"
          + " status, value_added, standard_error, computed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?,"
          + " ?)";
  private static final String GROUP_INSERT =
      "INSERT INTO value_added_group (year, grade, subject, filing_number, group_name,"
          + " lead_school_uscc, lead_value_added, lead_standard_error, lead_students, value_added,"
          + " standard_error, students, schools_counted, schools_without, groups_source,"
          + " computed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  /**
   * Feeds the year's records with a prior score to the accumulator (grade and subject form its
   * subject key) and notes each school's district; answers the number of records read.
   */
  static long read(
      Connection conn, int year, ValueAdded.Accumulator acc, Map<String, String> districtOf)
      throws SQLException {
    long records = 0;
    try (PreparedStatement ps =
        conn.prepareStatement(
            "SELECT school_uscc, district_code, grade, subject, prior_score, current_score"
                + " FROM assessment_record WHERE year = ? AND prior_score IS NOT NULL")) {
      ps.setInt(1, year);
      ps.setFetchSize(10_000); // a cursor: records stream, they are not all loaded
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String school = rs.getString("school_uscc");
          districtOf.putIfAbsent(school, rs.getString("district_code"));
          acc.add(
              school,
              rs.getString("grade") + "|" + rs.getString("subject"),
              rs.getDouble("prior_score"),
              rs.getDouble("current_score"));
          records++;
        }
      }
    }
    return records;
  }

  static void clear(Connection conn, int year) throws SQLException {
    for (String table : List.of("value_added_school", "value_added_group")) {
      try (PreparedStatement del =
          conn.prepareStatement("DELETE FROM " + table + " WHERE year = ?")) {
        del.setInt(1, year);
        del.executeUpdate();
      }
    }
  }

  /** Stores every school's figure; answers how many. */
  static int storeSchools(
      Connection conn,
      int year,
      ValueAdded.Result result,
      Map<String, String> districtOf,
      OffsetDateTime now)
      throws SQLException {
    int stored = 0;
    try (PreparedStatement ps = conn.prepareStatement(SCHOOL_INSERT)) {
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
          stored++;
        }
      }
      ps.executeBatch();
    }
    return stored;
  }

  /** Stores each group's figure per grade and subject some school of it took; answers how many. */
  static int storeGroups(
      Connection conn,
      int year,
      ValueAdded.Result result,
      RegistryClient.Groups groups,
      OffsetDateTime now)
      throws SQLException {
    Map<String, RegistryClient.Group> byFiling = new HashMap<>();
    groups.groups().forEach(g -> byFiling.put(g.filingNumber(), g));
    int stored = 0;
    try (PreparedStatement ps = conn.prepareStatement(GROUP_INSERT)) {
      for (Map.Entry<String, ValueAdded.SubjectResult> s : result.subjects().entrySet()) {
        Map<String, ValueAdded.SchoolValueAdded> schools = s.getValue().schools();
        for (RegistryClient.Group rg : groups.groups()) {
          ValueAdded.Group g =
              new ValueAdded.Group(rg.filingNumber(), rg.leadSchoolUscc(), rg.memberSchoolUsccs());
          if (g.schools().stream().noneMatch(schools::containsKey)) {
            continue; // no school of the group took this grade and subject
          }
          ValueAdded.GroupValueAdded gv = ValueAdded.groupValueAdded(g, s.getKey(), schools);
          bindGroup(ps, conn, year, s.getKey(), byFiling.get(g.groupId()).name(), g, gv);
          ps.setString(15, groups.source());
          ps.setObject(16, now);
          ps.addBatch();
          stored++;
        }
      }
      ps.executeBatch();
    }
    return stored;
  }

  private static void bindGroup(
      PreparedStatement ps,
      Connection conn,
      int year,
      String subjectKey,
      String name,
      ValueAdded.Group g,
      ValueAdded.GroupValueAdded gv)
      throws SQLException {
    String[] gs = subjectKey.split("\\|", 2);
    ValueAdded.Estimate lead = gv.lead() == null ? null : gv.lead().estimate();
    ps.setInt(1, year);
    ps.setString(2, gs[0]);
    ps.setString(3, gs[1]);
    ps.setString(4, g.groupId());
    ps.setString(5, name);
    ps.setString(6, g.leadSchoolUscc());
    setDouble(ps, 7, lead == null ? null : lead.valueAdded());
    setDouble(ps, 8, lead == null ? null : lead.standardError());
    if (lead == null) {
      ps.setNull(9, Types.BIGINT);
    } else {
      ps.setLong(9, gv.lead().students());
    }
    setDouble(ps, 10, gv.estimate() == null ? null : gv.estimate().valueAdded());
    setDouble(ps, 11, gv.estimate() == null ? null : gv.estimate().standardError());
    ps.setLong(12, gv.students());
    ps.setArray(13, conn.createArrayOf("text", gv.schoolsCounted().toArray()));
    ps.setArray(14, conn.createArrayOf("text", gv.schoolsWithoutFigures().toArray()));
  }

  private static void setDouble(PreparedStatement ps, int i, Double v) throws SQLException {
    if (v == null || !Double.isFinite(v)) {
      ps.setNull(i, Types.DOUBLE);
    } else {
      ps.setDouble(i, v);
    }
  }
}
