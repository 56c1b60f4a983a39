package cn.jinan.edu.registry.service;

import static cn.jinan.edu.registry.domain.RegistrationLifecycle.IN_FORCE;

import cn.jinan.edu.platform.data.AuditService;
import cn.jinan.edu.platform.data.AuditService.Change;
import cn.jinan.edu.platform.paging.Page;
import cn.jinan.edu.platform.problem.ProblemException;
import cn.jinan.edu.platform.security.Caller;
import cn.jinan.edu.platform.security.Roles;
import cn.jinan.edu.registry.api.Views;
import cn.jinan.edu.registry.domain.FilingNumber;
import cn.jinan.edu.registry.domain.Registration;
import cn.jinan.edu.registry.domain.RegistrationState;
import cn.jinan.edu.registry.domain.School;
import cn.jinan.edu.registry.domain.TypicalCase;
import cn.jinan.edu.registry.domain.TypicalCaseStage;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the public may verify ("未经登记、备案…不得擅自向社会发布"): cooperations in force, the typical cases the
 * city promotes, and the progress of registration towards 2025-12-31. Nothing personal.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PublicRegistry {
  @Inject EntityManager em;
  @Inject AuditService audit;
  @Inject RegistrationStore store;
  @Inject RegistrationViews views;

  /** Public verification: only filed and active cooperations. */
  public Page<Views.PublicRegistrationView> search(
      String filingNumber, String schoolUscc, String schoolName, long afterId, int limit) {
    StringBuilder q = new StringBuilder("id > :after and state in :inForce");
    Parameters p = Parameters.with("after", afterId).and("inForce", IN_FORCE);
    if (filingNumber != null) {
      Optional<FilingNumber> number = FilingNumber.parse(filingNumber);
      if (number.isEmpty()) {
        throw ProblemException.invalid("filingNumber", "格式应为 济教集备〔2025〕0001号 或 JJJB-2025-0001");
      }
      q.append(" and filingNumber = :number");
      p.and("number", number.get().display());
    }
    if (schoolUscc != null) {
      Long sid = School.byUscc(schoolUscc).map(s -> s.id).orElse(-1L);
      q.append(" and (leadSchoolId = :school or :school member of memberSchoolIds)");
      p.and("school", sid);
    }
    if (schoolName != null && !schoolName.isBlank()) {
      List<Long> ids =
          School.<School>find("nameZh like ?1", "%" + schoolName.trim() + "%")
              .page(0, 500)
              .list()
              .stream()
              .map(s -> s.id)
              .toList();
      if (ids.isEmpty()) {
        return new Page<>(List.of(), null, limit);
      }
      q.append(" and (leadSchoolId in :named or exists (select 1 from Registration x join")
          .append(" x.memberSchoolIds m where x.id = id and m in :named))");
      p.and("named", ids);
    }
    List<Registration> rows = Registration.find(q + " order by id", p).page(0, limit + 1).list();
    Map<Long, School> schools = RegistrationStore.schoolsById(rows);
    return Page.of(rows, limit, r -> Long.toString(r.id))
        .map(r -> views.publicView(r, RegistrationStore.byUscc(r, schools)));
  }

  /** city-admin marks a cooperation in force as 典型案例 of a year and stage. */
  @Transactional(Transactional.TxType.REQUIRED)
  public Views.TypicalCaseView markTypical(
      Caller caller, long id, int year, TypicalCaseStage stage) {
    Registration r = store.lock(id);
    if (!caller.hasRole(Roles.CITY_ADMIN)) {
      throw ProblemException.forbidden("Only city-admin marks typical cases (典型案例)");
    }
    if (!IN_FORCE.contains(r.state)) {
      throw ProblemException.conflict(
          "Only filed or active cooperations can be typical cases; this one is " + r.state);
    }
    TypicalCase t = TypicalCase.findById(id);
    Map<String, Object> before = t == null ? Map.of() : t.auditSnapshot();
    if (t == null) {
      t = new TypicalCase();
      t.registrationId = id;
    }
    t.year = year;
    t.stage = stage;
    t.markedBy = caller.actor();
    t.markedAt = OffsetDateTime.now();
    t.persist();
    audit.append(
        caller,
        Roles.CITY_ADMIN,
        Change.of("typical-case", id)
            .district(r.leadDistrict)
            .action("mark-typical")
            .states(r.state, r.state)
            .before(before)
            .after(t));
    return new Views.TypicalCaseView(year, stage.name(), views.publicView(r, store.schoolsOf(r)));
  }

  public List<Views.TypicalCaseView> typicalCases(Integer year, TypicalCaseStage stage) {
    List<TypicalCase> cases = TypicalCase.list("order by year desc, registrationId");
    List<Views.TypicalCaseView> out = new ArrayList<>();
    for (TypicalCase t : cases) {
      if ((year != null && t.year != year) || (stage != null && t.stage != stage)) {
        continue;
      }
      Registration r = Registration.findById(t.registrationId);
      if (IN_FORCE.contains(r.state)) {
        out.add(
            new Views.TypicalCaseView(
                t.year, t.stage.name(), views.publicView(r, store.schoolsOf(r))));
      }
    }
    return out;
  }

  /** Counts by state per district (by lead school) and for the city, with the share filed. */
  @SuppressWarnings("unchecked")
  public Views.StatisticsView statistics(LocalDate asOf, Map<String, String> unitNames) {
    List<Object[]> counts =
        em.createNativeQuery(
                "SELECT lead_district, state, count(*) FROM registration GROUP BY 1, 2")
            .getResultList();
    List<Object[]> schoolCounts =
        em.createNativeQuery(
                "SELECT r.lead_district, count(DISTINCT p.sid) FROM registration r JOIN ("
                    + " SELECT id AS rid, lead_school_id AS sid FROM registration UNION ALL"
                    + " SELECT registration_id, school_id FROM registration_member) p ON p.rid ="
                    + " r.id WHERE r.state IN ('FILED', 'ACTIVE') GROUP BY 1")
            .getResultList();
    Object cityDistinct =
        em.createNativeQuery(
                "SELECT count(DISTINCT p.sid) FROM registration r JOIN ( SELECT id AS rid,"
                    + " lead_school_id AS sid FROM registration UNION ALL SELECT"
                    + " registration_id, school_id FROM registration_member) p ON p.rid = r.id"
                    + " WHERE r.state IN ('FILED', 'ACTIVE')")
            .getSingleResult();
    Map<String, Map<RegistrationState, Long>> byDistrict = new TreeMap<>();
    unitNames.keySet().forEach(d -> byDistrict.put(d, new TreeMap<>()));
    for (Object[] row : counts) {
      byDistrict
          .computeIfAbsent((String) row[0], k -> new TreeMap<>())
          .put(RegistrationState.valueOf((String) row[1]), ((Number) row[2]).longValue());
    }
    Map<String, Long> schools = new TreeMap<>();
    for (Object[] row : schoolCounts) {
      schools.put((String) row[0], ((Number) row[1]).longValue());
    }
    List<Views.DistrictStatistics> districts = new ArrayList<>();
    Map<RegistrationState, Long> cityStates = new TreeMap<>();
    for (var e : byDistrict.entrySet()) {
      String code = e.getKey();
      districts.add(
          districtStats(code, unitNames.get(code), e.getValue(), schools.getOrDefault(code, 0L)));
      e.getValue().forEach((s, n) -> cityStates.merge(s, n, Long::sum));
    }
    Views.DistrictStatistics city =
        districtStats("370100", "济南市", cityStates, ((Number) cityDistinct).longValue());
    return new Views.StatisticsView(asOf, LocalDate.of(2025, 12, 31), city, districts);
  }

  private static Views.DistrictStatistics districtStats(
      String code, String name, Map<RegistrationState, Long> byState, long schools) {
    Map<RegistrationState, Long> full = new LinkedHashMap<>();
    for (RegistrationState s : RegistrationState.values()) {
      full.put(s, byState.getOrDefault(s, 0L));
    }
    long filed =
        full.get(RegistrationState.FILED)
            + full.get(RegistrationState.ACTIVE)
            + full.get(RegistrationState.EXPIRED)
            + full.get(RegistrationState.TERMINATED);
    long total = full.values().stream().mapToLong(Long::longValue).sum();
    // Rejected and revoked cooperations must not run at all, so they are not "to be filed".
    long expected =
        total - full.get(RegistrationState.REJECTED) - full.get(RegistrationState.REVOKED);
    double share = expected == 0 ? 1.0 : Math.round(10000.0 * filed / expected) / 10000.0;
    return new Views.DistrictStatistics(code, name, full, filed, expected, share, schools);
  }
}
