package cn.jinan.edu.quality.service;

import cn.jinan.edu.platform.data.EventService;
import cn.jinan.edu.platform.security.Caller;
import cn.jinan.edu.quality.api.Views;
import cn.jinan.edu.quality.client.RegistryClient;
import cn.jinan.edu.quality.config.QualityConfig;
import cn.jinan.edu.quality.domain.ValueAdded;
import cn.jinan.edu.quality.domain.ValueAddedComputed;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;

/**
 * Value added (增值性评价, measure 七): a year's recompute over its records and the stored school and
 * group figures. Only aggregates leave the service; a school's figure only with at least the
 * configured minimum of students.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class ValueAddedService {
  @Inject EntityManager em;
  @Inject EventService events;
  @Inject QualityConfig config;
  @Inject RegistryClient registry;

  /**
   * Recomputes and stores a year's value added in one pass over its records, then the groups from
   * registry-service's registrations.
   */
  @TransactionConfiguration(timeout = 3600)
  public Views.RecomputeView recompute(int year) {
    // Outside any database work: the registry call holds no connection while it waits.
    RegistryClient.Groups groups = registry.registrations();
    ValueAdded.Accumulator acc = ValueAdded.accumulator(Math.max(2, config.minimumStudents()));
    Map<String, String> districtOf = new HashMap<>();
    Session session = em.unwrap(Session.class);
    long records = session.doReturningWork(c -> ValueAddedStore.read(c, year, acc, districtOf));
    ValueAdded.Result result = acc.finish();
    OffsetDateTime now = OffsetDateTime.now();
    int[] stored = new int[2];
    session.doWork(
        conn -> {
          ValueAddedStore.clear(conn, year);
          stored[0] = ValueAddedStore.storeSchools(conn, year, result, districtOf, now);
          stored[1] = ValueAddedStore.storeGroups(conn, year, result, groups, now);
        });
    events.append(new ValueAddedComputed(year, records, stored[0], stored[1], groups.source()));
    return new Views.RecomputeView(
        year, records, result.subjects().size(), stored[0], stored[1], groups.source(), now);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Views.SchoolValueAddedView> schools(
      Caller caller, int year, String grade, String subject, String district) {
    String scope = DataScope.readScope(caller, district);
    return stored(
            "SELECT year, grade, subject, school_uscc, district_code, students, status,"
                + " value_added, standard_error FROM value_added_school",
            new StoredFilter(year, grade, subject, scope),
            "school_uscc")
        .stream()
        .map(
            r ->
                new Views.SchoolValueAddedView(
                    r.get("year", Number.class).intValue(),
                    r.get("grade", String.class),
                    r.get("subject", String.class),
                    r.get("school_uscc", String.class),
                    r.get("district_code", String.class),
                    r.get("students", Number.class).longValue(),
                    r.get("status", String.class),
                    number(r, "value_added"),
                    number(r, "standard_error")))
        .toList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Views.GroupValueAddedView> groups(int year, String grade, String subject) {
    return stored(
            "SELECT year, grade, subject, filing_number, group_name, lead_school_uscc,"
                + " lead_value_added, lead_standard_error, value_added, standard_error, students,"
                + " array_to_string(schools_counted, ',') AS schools_counted,"
                + " array_to_string(schools_without, ',') AS schools_without, groups_source"
                + " FROM value_added_group",
            new StoredFilter(year, grade, subject, null),
            "filing_number")
        .stream()
        .map(
            r ->
                new Views.GroupValueAddedView(
                    r.get("year", Number.class).intValue(),
                    r.get("grade", String.class),
                    r.get("subject", String.class),
                    r.get("filing_number", String.class),
                    r.get("group_name", String.class),
                    r.get("lead_school_uscc", String.class),
                    number(r, "lead_value_added"),
                    number(r, "lead_standard_error"),
                    number(r, "value_added"),
                    number(r, "standard_error"),
                    r.get("students", Number.class).longValue(),
                    split(r.get("schools_counted", String.class)),
                    split(r.get("schools_without", String.class)),
                    r.get("groups_source", String.class)))
        .toList();
  }

  /** What the stored rows of a year are filtered on; null fields do not filter. */
  private record StoredFilter(int year, String grade, String subject, String district) {}

  private List<Tuple> stored(String select, StoredFilter f, String orderBy) {
    StringBuilder q = new StringBuilder(select).append(" WHERE year = :y");
    Map<String, Object> p = new HashMap<>();
    p.put("y", f.year());
    if (f.grade() != null) {
      q.append(" AND grade = :g");
      p.put("g", f.grade());
    }
    if (f.subject() != null) {
      q.append(" AND subject = :s");
      p.put("s", f.subject());
    }
    if (f.district() != null) {
      q.append(" AND district_code = :d");
      p.put("d", f.district());
    }
    var query = em.createNativeQuery(q + " ORDER BY grade, subject, " + orderBy, Tuple.class);
    p.forEach(query::setParameter);
    @SuppressWarnings("unchecked")
    List<Tuple> rows = query.getResultList();
    return rows;
  }

  private static Double number(Tuple r, String column) {
    Number n = r.get(column, Number.class);
    return n == null ? null : n.doubleValue();
  }

  private static List<String> split(String s) {
    return s == null || s.isEmpty() ? List.of() : List.of(s.split(","));
  }
}
