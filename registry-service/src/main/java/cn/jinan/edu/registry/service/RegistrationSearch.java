package cn.jinan.edu.registry.service;

import cn.jinan.edu.platform.data.AuditService;
import cn.jinan.edu.platform.data.AuditView;
import cn.jinan.edu.platform.paging.Page;
import cn.jinan.edu.platform.problem.ProblemException;
import cn.jinan.edu.platform.security.Caller;
import cn.jinan.edu.platform.security.Roles;
import cn.jinan.edu.registry.api.Views;
import cn.jinan.edu.registry.domain.CooperationMode;
import cn.jinan.edu.registry.domain.Registration;
import cn.jinan.edu.registry.domain.RegistrationState;
import cn.jinan.edu.registry.domain.School;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reading registrations in the caller's scope: one, a filtered list, a trail. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class RegistrationSearch {
  @Inject EntityManager em;
  @Inject AuditService audit;
  @Inject RegistrationStore store;
  @Inject RegistrationAccess access;
  @Inject RegistrationViews views;

  /** Filters of the registration list. */
  public record Filter(
      String district,
      RegistrationState state,
      CooperationMode mode,
      String schoolUscc,
      LocalDate termFrom,
      LocalDate termTo,
      String text) {}

  /** An HQL condition being built, with its parameters. */
  private record Query(StringBuilder where, Parameters params) {
    Query and(String condition, String name, Object value) {
      where.append(condition);
      params.and(name, value);
      return this;
    }
  }

  public Optional<Views.RegistrationView> get(Caller caller, long id) {
    Registration r = Registration.findById(id);
    if (r == null) {
      return Optional.empty();
    }
    access.requireRead(caller, r);
    return Optional.of(views.registration(caller, r, store.schoolsOf(r)));
  }

  /**
   * The registration's audit trail, for those who may read the registration (not data-reporter).
   */
  public Page<AuditView> auditTrail(Caller caller, long id, long after, int limit) {
    Registration r = store.find(id);
    String role = access.requireRead(caller, r);
    if (Roles.DATA_REPORTER.equals(role)) {
      throw ProblemException.forbidden("Audit trails are for auditors, the city and the parties");
    }
    return audit.forAggregate(Long.toString(id), after, limit);
  }

  public Page<Views.RegistrationView> list(Caller caller, Filter f, long afterId, int limit) {
    Query q = new Query(new StringBuilder("id > :after"), Parameters.with("after", afterId));
    // Districts the registration must involve: the reviewer's scope and the district filter.
    Set<String> districts = scope(caller, q);
    if (f.district() != null) {
      RegistrationAccess.requireFilterInScope(
          caller,
          "district",
          f.district(),
          caller.roleForDistrict(f.district(), Roles.DISTRICT_REVIEWER).isPresent());
      districts.add(f.district());
    }
    involving(q, districts, f.state());
    filter(caller, q, f);
    if (f.text() == null || f.text().isBlank()) {
      return page(caller, q, limit);
    }
    // Case-sensitive "name like" is what the trigram index registration_name_trgm_idx answers.
    q.and(" and (name like :text or filingNumber = :exact)", "text", "%" + f.text().trim() + "%")
        .params()
        .and("exact", f.text().trim());
    // Only the pattern tells whether the trigram index pays: PostgreSQL's generic plan for
    // "name like $1" walks the primary key and filters every row (80 ms at 100,000 rows) where
    // the plan for the actual pattern reads the index (8 ms). pgjdbc prepares a statement on the
    // server after five uses, after which the generic plan may be chosen; this query asks for a
    // plan per execution (SET LOCAL ends with the transaction).
    return QuarkusTransaction.joiningExisting()
        .call(
            () -> {
              em.createNativeQuery("SET LOCAL plan_cache_mode = force_custom_plan").executeUpdate();
              return page(caller, q, limit);
            });
  }

  /**
   * What the caller's scope adds: nothing for the city-wide readers, the reviewer's district, or
   * the applicant's own school; 403 for a token that allows reading no registration.
   */
  private static Set<String> scope(Caller caller, Query q) {
    Set<String> districts = new LinkedHashSet<>();
    if (caller.hasAnyRole(RegistrationAccess.CITY_WIDE_READERS)) {
      return districts;
    }
    if (caller.hasRole(Roles.DISTRICT_REVIEWER) && caller.districtCode().isPresent()) {
      districts.add(caller.districtCode().get());
    } else if (caller.hasRole(Roles.SCHOOL_APPLICANT) && caller.schoolCode().isPresent()) {
      Long sid = School.byUscc(caller.schoolCode().get()).map(s -> s.id).orElse(-1L);
      q.and(
          " and (leadSchoolId = :scopeSchool or :scopeSchool member of memberSchoolIds)",
          "scopeSchool",
          sid);
    } else {
      throw ProblemException.forbidden("The token's roles and scope allow reading no registration");
    }
    return districts;
  }

  /**
   * Through registration_district rather than array_contains(involvedDistricts, …): its B-tree keys
   * (district[, state], id) come in id order and carry the state, so a district's page costs the
   * same at any table size (V2__registration_list_indexes.sql).
   */
  private static void involving(Query q, Set<String> districts, RegistrationState state) {
    int n = 0;
    for (String district : districts) {
      q.and(
          " and id in (select rd.key.registrationId from RegistrationDistrict rd"
              + " where rd.key.districtCode = :district"
              + n
              + " and rd.key.registrationId > :after"
              + (state != null ? " and rd.state = :state)" : ")"),
          "district" + n++,
          district);
    }
    if (state != null) {
      if (districts.isEmpty()) {
        q.where().append(" and state = :state");
      }
      q.params().and("state", state);
    }
  }

  private static void filter(Caller caller, Query q, Filter f) {
    if (f.mode() != null) {
      q.and(" and mode = :mode", "mode", f.mode());
    }
    if (f.schoolUscc() != null) {
      Optional<School> school = School.byUscc(f.schoolUscc());
      // An unknown school has no registrations, so there is nothing to refuse.
      school.ifPresent(
          s ->
              RegistrationAccess.requireFilterInScope(
                  caller,
                  "school",
                  s.uscc,
                  caller
                      .roleForSchool(
                          s.uscc, s.districtCode, Roles.DISTRICT_REVIEWER, Roles.SCHOOL_APPLICANT)
                      .isPresent()));
      q.and(
          " and (leadSchoolId = :school or :school member of memberSchoolIds)",
          "school",
          school.map(s -> s.id).orElse(-1L));
    }
    if (f.termFrom() != null) {
      q.and(" and termEnd >= :termFrom", "termFrom", f.termFrom());
    }
    if (f.termTo() != null) {
      q.and(" and termStart <= :termTo", "termTo", f.termTo());
    }
  }

  private Page<Views.RegistrationView> page(Caller caller, Query q, int limit) {
    List<Registration> rows =
        Registration.find(q.where() + " order by id", q.params()).page(0, limit + 1).list();
    Map<Long, School> schools = RegistrationStore.schoolsById(rows);
    return Page.of(rows, limit, r -> Long.toString(r.id))
        .map(r -> views.registration(caller, r, RegistrationStore.byUscc(r, schools)));
  }
}
