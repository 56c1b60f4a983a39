package cn.jinan.edu.registry.service;

import cn.jinan.edu.platform.data.AuditService;
import cn.jinan.edu.platform.data.imports.ImportPipeline;
import cn.jinan.edu.platform.data.imports.ImportRow;
import cn.jinan.edu.platform.security.Caller;
import cn.jinan.edu.platform.web.RequestIds;
import cn.jinan.edu.registry.domain.School;
import cn.jinan.edu.registry.domain.SchoolInput;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;

/**
 * Writes an import's schools and their audit entries in bulk. Row-by-row persist would take one
 * round trip per school; arrays and unnest make it one statement per kind of change.
 */
@ApplicationScoped
public class SchoolBulkWrite {
  @Inject EntityManager em;
  @Inject ObjectMapper json;

  /** The school an input describes, not stored: what a row would write. */
  static School probe(SchoolInput in) {
    School s = new School();
    s.uscc = in.uscc();
    s.apply(in);
    return s;
  }

  @Transactional(Transactional.TxType.MANDATORY)
  void write(
      Caller caller,
      List<ImportRow<SchoolInput>> creates,
      List<ImportPipeline.Update<SchoolInput, School>> updates) {
    String role = firstRole(caller);
    List<School> created = creates.stream().map(r -> probe(r.value())).toList();
    List<School> changed = updates.stream().map(u -> probe(u.row().value())).toList();
    em.flush();
    em.unwrap(Session.class)
        .doWork(
            conn -> {
              if (!created.isEmpty()) {
                try (PreparedStatement ps =
                    conn.prepareStatement(
                        "INSERT INTO school (uscc, name_zh, district_code, stages, ownership,"
                            + " location_type, township_seat, status) SELECT u, n, d,"
                            + " string_to_array(st, ','), o, l, t, s FROM unnest(?::text[],"
                            + " ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],"
                            + " ?::boolean[], ?::text[]) AS v(u, n, d, st, o, l, t, s)")) {
                  bind(conn, ps, created);
                  ps.executeUpdate();
                }
              }
              if (!changed.isEmpty()) {
                try (PreparedStatement ps =
                    conn.prepareStatement(
                        "UPDATE school SET name_zh = v.n, district_code = v.d, stages ="
                            + " string_to_array(v.st, ','), ownership = v.o, location_type = v.l,"
                            + " township_seat = v.t, status = v.s, version = version + 1,"
                            + " updated_at = now() FROM unnest(?::text[], ?::text[], ?::text[],"
                            + " ?::text[], ?::text[], ?::text[], ?::boolean[], ?::text[]) AS v(u,"
                            + " n, d, st, o, l, t, s) WHERE school.uscc = v.u")) {
                  bind(conn, ps, changed);
                  ps.executeUpdate();
                }
              }
              insertAudit(conn, caller, role, created, changed, updates);
            });
  }

  private static String firstRole(Caller caller) {
    for (String r : SchoolService.WRITERS) {
      if (caller.hasRole(r)) {
        return r;
      }
    }
    return null;
  }

  private static void bind(Connection conn, PreparedStatement ps, List<School> rows)
      throws SQLException {
    int n = rows.size();
    String[] u = new String[n], nm = new String[n], d = new String[n], st = new String[n];
    String[] o = new String[n], l = new String[n], s = new String[n];
    Boolean[] t = new Boolean[n];
    for (int i = 0; i < n; i++) {
      School probe = rows.get(i);
      u[i] = probe.uscc;
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

  /** One audit entry per school, as AuditService would write it, in one statement. */
  private void insertAudit(
      Connection conn,
      Caller caller,
      String role,
      List<School> created,
      List<School> changed,
      List<ImportPipeline.Update<SchoolInput, School>> updates)
      throws SQLException {
    List<String> ids = new ArrayList<>(), districts = new ArrayList<>();
    List<String> actions = new ArrayList<>(), changes = new ArrayList<>();
    for (School s : created) {
      ids.add(s.uscc);
      districts.add(s.districtCode);
      actions.add("import-create");
      changes.add(toJson(AuditService.diff(Map.of(), s.auditSnapshot())));
    }
    for (int i = 0; i < changed.size(); i++) {
      School s = changed.get(i);
      ids.add(s.uscc);
      districts.add(s.districtCode);
      actions.add("import-update");
      Map<String, Object> before = updates.get(i).current().auditSnapshot();
      changes.add(toJson(AuditService.diff(before, s.auditSnapshot())));
    }
    if (ids.isEmpty()) {
      return;
    }
    try (PreparedStatement ps =
        conn.prepareStatement(
            "INSERT INTO audit_entry (entity_type, entity_id, aggregate_id, district_code, action,"
                + " actor, actor_role, actor_district, actor_school, client_id, request_id,"
                + " changes) SELECT 'school', e, e, d, a, ?, ?, ?, ?, ?, ?, c::jsonb FROM"
                + " unnest(?::text[], ?::text[], ?::text[], ?::text[]) AS v(e, d, a, c)")) {
      ps.setString(1, caller.actor());
      ps.setString(2, role);
      ps.setString(3, caller.districtCode().orElse(null));
      ps.setString(4, caller.schoolCode().orElse(null));
      ps.setString(5, caller.clientId());
      ps.setString(6, RequestIds.current());
      ps.setArray(7, conn.createArrayOf("text", ids.toArray(String[]::new)));
      ps.setArray(8, conn.createArrayOf("text", districts.toArray(String[]::new)));
      ps.setArray(9, conn.createArrayOf("text", actions.toArray(String[]::new)));
      ps.setArray(10, conn.createArrayOf("text", changes.toArray(String[]::new)));
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
