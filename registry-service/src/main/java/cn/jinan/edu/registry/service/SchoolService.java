package cn.jinan.edu.registry.service;

import cn.jinan.edu.platform.data.AuditService;
import cn.jinan.edu.platform.data.AuditService.Change;
import cn.jinan.edu.platform.paging.Page;
import cn.jinan.edu.platform.problem.FieldError;
import cn.jinan.edu.platform.problem.ProblemException;
import cn.jinan.edu.platform.security.Caller;
import cn.jinan.edu.platform.security.Roles;
import cn.jinan.edu.platform.web.ETags;
import cn.jinan.edu.registry.api.Views;
import cn.jinan.edu.registry.config.RegistryConfig;
import cn.jinan.edu.registry.domain.School;
import cn.jinan.edu.registry.domain.SchoolInput;
import cn.jinan.edu.registry.domain.SchoolStage;
import cn.jinan.edu.registry.domain.SchoolStatus;
import cn.jinan.edu.registry.domain.Unit;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The school directory (学校名录): registry-service is its only editable owner. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class SchoolService {
  /** Who may write schools: the city-wide writers anywhere, a district-reviewer in its district. */
  static final String[] WRITERS = {Roles.CITY_ADMIN, Roles.DATA_REPORTER, Roles.DISTRICT_REVIEWER};

  @Inject EntityManager em;
  @Inject AuditService audit;
  @Inject RegistryConfig config;

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
    requireValid(in);
    String role = caller.requireDistrict(in.districtCode(), WRITERS);
    if (School.byUscc(in.uscc()).isPresent()) {
      throw ProblemException.conflict(
          "A school with USCC " + in.uscc() + " already exists; use PUT to change it",
          Map.of("uscc", in.uscc()));
    }
    School s = new School();
    s.uscc = in.uscc();
    s.apply(in);
    s.createdAt = OffsetDateTime.now();
    s.updatedAt = s.createdAt;
    s.persist();
    audit.append(
        caller,
        role,
        Change.of("school", s.uscc).district(s.districtCode).action("create").after(s));
    return view(s);
  }

  public Views.SchoolView update(Caller caller, String uscc, String ifMatch, SchoolInput in) {
    School s =
        School.<School>find("uscc", uscc)
            .withLock(LockModeType.PESSIMISTIC_WRITE)
            .firstResultOptional()
            .orElseThrow(() -> ProblemException.notFound("School", uscc));
    ETags.requireMatch(ifMatch, s.version);
    if (in.uscc() != null && !in.uscc().equals(uscc)) {
      throw ProblemException.invalid(
          "uscc", "统一社会信用代码不可修改 (the USCC in the body must match the path)");
    }
    SchoolInput withCode = in.withUscc(uscc);
    requireValid(withCode);
    // Moving a school between districts needs scope over both.
    caller.requireDistrict(s.districtCode, WRITERS);
    String role = caller.requireDistrict(in.districtCode(), WRITERS);
    Map<String, Object> before = s.auditSnapshot();
    s.apply(withCode);
    s.updatedAt = OffsetDateTime.now();
    audit.append(
        caller,
        role,
        Change.of("school", s.uscc)
            .district(s.districtCode)
            .action("update")
            .before(before)
            .after(s));
    em.flush(); // Hibernate bumps @Version here, so the returned ETag is the new one
    return view(s);
  }

  /** 400 naming every broken rule of the directory. */
  private void requireValid(SchoolInput in) {
    List<FieldError> errors =
        in.violations(unitsInScope()).stream()
            .map(v -> new FieldError(v.field(), v.message()))
            .toList();
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
  }

  /** The codes of the units in scope today (Asia/Shanghai). */
  Set<String> unitsInScope() {
    return Unit.inScope(LocalDate.now(config.zone())).stream()
        .map(u -> u.code)
        .collect(Collectors.toSet());
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
}
