package cn.jinan.edu.registry.service;

import cn.jinan.edu.platform.data.AuditService;
import cn.jinan.edu.platform.data.AuditView;
import cn.jinan.edu.platform.data.EventService;
import cn.jinan.edu.platform.data.IdempotencyRecord;
import cn.jinan.edu.platform.paging.Page;
import cn.jinan.edu.platform.problem.FieldError;
import cn.jinan.edu.platform.problem.ProblemException;
import cn.jinan.edu.platform.problem.ProblemType;
import cn.jinan.edu.platform.security.Caller;
import cn.jinan.edu.platform.security.Roles;
import cn.jinan.edu.platform.web.ETags;
import cn.jinan.edu.registry.config.RegistryConfig;
import cn.jinan.edu.registry.domain.Action;
import cn.jinan.edu.registry.domain.Amendment;
import cn.jinan.edu.registry.domain.ContentArea;
import cn.jinan.edu.registry.domain.CooperationMode;
import cn.jinan.edu.registry.domain.FilingNumber;
import cn.jinan.edu.registry.domain.Lifecycle;
import cn.jinan.edu.registry.domain.Partner;
import cn.jinan.edu.registry.domain.Registration;
import cn.jinan.edu.registry.domain.RegistrationContent;
import cn.jinan.edu.registry.domain.RegistrationState;
import cn.jinan.edu.registry.domain.School;
import cn.jinan.edu.registry.domain.SchoolStatus;
import cn.jinan.edu.registry.domain.TypicalCase;
import cn.jinan.edu.registry.domain.TypicalCaseStage;
import cn.jinan.edu.registry.domain.Violation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Cooperation registrations (集团化办学、合作办学登记备案, measure 七): drafting, district approval, city filing,
 * amendments, and everything the public may verify.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class RegistrationService {
  private static final Set<RegistrationState> IN_FORCE =
      EnumSet.of(RegistrationState.FILED, RegistrationState.ACTIVE);
  private static final String[] CITY_WIDE_READERS = {
    Roles.CITY_ADMIN, Roles.AUDITOR, Roles.DATA_REPORTER
  };

  @Inject EntityManager em;
  @Inject AuditService audit;
  @Inject EventService events;
  @Inject RegistryConfig config;
  @Inject ObjectMapper json;

  /** The outcome of a create: the view, and whether it replays an earlier Idempotency-Key. */
  public record Created(int status, String body, long id, int version, boolean replayed) {}

  /** Filters of the registration list. */
  public record Filter(
      String district,
      RegistrationState state,
      CooperationMode mode,
      String schoolUscc,
      LocalDate termFrom,
      LocalDate termTo,
      String text) {}

  // --- Create and edit ---------------------------------------------------------------------

  public Created create(Caller caller, RegistrationContent content, String idempotencyKey) {
    // Permission first: a key must never let a caller see what the same request without it could
    // not, and the key is the caller's own (subject within client), so keys of others never match.
    String role = caller.requireSchool(content.leadUscc(), null, Roles.SCHOOL_APPLICANT);
    String hash = hash(content);
    IdempotencyRecord.Key key =
        idempotencyKey == null ? null : IdempotencyRecord.Key.of(caller, idempotencyKey);
    if (key != null) {
      IdempotencyRecord previous = IdempotencyRecord.findById(key);
      if (previous != null) {
        if (!previous.requestHash.equals(hash)) {
          throw ProblemException.unprocessable(
              "Idempotency-Key "
                  + idempotencyKey
                  + " was already used with a different body; use a new key for a new request");
        }
        Registration r = Registration.findById(previous.resourceId);
        if (r == null) {
          throw ProblemException.notFound("Registration", previous.resourceId);
        }
        // The token's scope may have changed since the first request.
        requireRead(caller, r);
        return new Created(
            previous.responseStatus, previous.responseBody, previous.resourceId, r.version, true);
      }
    }
    Map<String, School> schools = validate(content);
    Registration r = new Registration();
    r.state = RegistrationState.DRAFT;
    r.createdBy = caller.actor();
    r.createdAt = OffsetDateTime.now();
    r.updatedAt = r.createdAt;
    applyContent(r, content, schools);
    r.persist();
    record(
        caller,
        role,
        r,
        "registration",
        r.id.toString(),
        "create",
        null,
        r.state.name(),
        null,
        Map.of(),
        fields(r, schools));
    em.flush();
    Views.RegistrationView view = view(caller, r, schools);
    String body = write(view);
    if (key != null) {
      IdempotencyRecord rec = new IdempotencyRecord();
      rec.key = key;
      rec.requestHash = hash;
      rec.responseStatus = 201;
      rec.resourceId = r.id;
      rec.responseBody = body;
      rec.createdAt = OffsetDateTime.now();
      rec.persist();
    }
    return new Created(201, body, r.id, r.version, false);
  }

  public Views.RegistrationView update(
      Caller caller, long id, String ifMatch, RegistrationContent content) {
    Registration r = lock(id);
    String role = requireApplicant(caller, r);
    ETags.requireMatch(ifMatch, r.version);
    if (r.state != RegistrationState.DRAFT && r.state != RegistrationState.RETURNED) {
      throw ProblemException.illegalTransition(
          "Only drafts and returned registrations can be edited; this one is "
              + r.state
              + " ("
              + r.state.labelZh
              + "). Amend a filed registration instead.",
          r.state.name(),
          allowedActions(caller, r));
    }
    if (!content.leadUscc().equals(leadUscc(r))) {
      throw ProblemException.invalid(
          "leadSchool", "牵头校不可更改 (the lead school of a registration cannot change)");
    }
    Map<String, School> schools = validate(content);
    Map<String, Object> before = fields(r, schoolsOf(r));
    applyContent(r, content, schools);
    r.updatedAt = OffsetDateTime.now();
    record(
        caller,
        role,
        r,
        "registration",
        r.id.toString(),
        "update",
        r.state.name(),
        r.state.name(),
        null,
        before,
        fields(r, schools));
    em.flush();
    return view(caller, r, schools);
  }

  // --- Transitions -------------------------------------------------------------------------

  public Views.RegistrationView transition(
      Caller caller, long id, Action action, String ifMatch, String comment) {
    Registration r = lock(id);
    String role = authorize(caller, r, action);
    ETags.requireMatch(ifMatch, r.version);
    if (action.requiresComment && (comment == null || comment.isBlank())) {
      throw ProblemException.invalid(
          "comment", "退回、不予通过、撤销和终止须说明理由 (a comment is required for " + action.pathName() + ")");
    }
    RegistrationState from = r.state;
    RegistrationState to;
    try {
      to = Lifecycle.REGISTRATION.next(from, action);
    } catch (Lifecycle.TransitionRefused e) {
      throw refused(caller, r, e);
    }
    Map<String, School> schools = schoolsOf(r);
    Map<String, Object> before = fields(r, schools);
    Map<String, Approval> approvals = approvals(r.approvalsJson);
    switch (action) {
      case SUBMIT -> {
        validateForReview(r, schools);
        approvals.clear();
        if (r.mode == CooperationMode.GROUP) {
          checkSingleGroup(r.id, schools.values(), r.termStart, r.termEnd);
        }
      }
      case APPROVE -> {
        String district = caller.districtCode().orElseThrow();
        if (approvals.containsKey(district)) {
          throw ProblemException.conflict(
              "District " + district + " has already approved this registration");
        }
        approvals.put(district, new Approval(caller.actor(), OffsetDateTime.now()));
        to = Lifecycle.REGISTRATION.afterApproval(Set.of(r.involvedDistricts), approvals.keySet());
      }
      case WITHDRAW, RETURN, REJECT -> approvals.clear();
      case FILE -> {
        // Taking the year's counter row first serialises filings, so the group check below sees
        // every filing committed before this one.
        FilingNumber number = nextFilingNumber();
        if (r.mode == CooperationMode.GROUP) {
          checkSingleGroup(r.id, schools.values(), r.termStart, r.termEnd);
        }
        r.filingNumber = number.display();
        r.filingYear = number.year();
        r.filingSeq = number.sequence();
        r.filedAt = OffsetDateTime.now();
      }
      default -> {}
    }
    r.approvalsJson = write(approvals);
    r.state = to;
    r.updatedAt = OffsetDateTime.now();
    record(
        caller,
        role,
        r,
        "registration",
        r.id.toString(),
        action.pathName(),
        from.name(),
        to.name(),
        comment,
        before,
        fields(r, schools));
    switch (action) {
      case FILE -> events.append("registration.filed", subject(r), eventData(r, schools, comment));
      case TERMINATE ->
          events.append("registration.terminated", subject(r), eventData(r, schools, comment));
      case REVOKE ->
          events.append("registration.revoked", subject(r), eventData(r, schools, comment));
      default -> {}
    }
    em.flush();
    return view(caller, r, schools);
  }

  /**
   * Moves filed registrations to ACTIVE on their start date and in-force ones to EXPIRED after
   * their end date. Rows another replica is handling are skipped (SKIP LOCKED), and each row's
   * state is re-checked, so running it twice or on two replicas changes and reports each row once.
   */
  public int advanceLifecycle(LocalDate today) {
    List<Registration> due =
        Registration.<Registration>find(
                "(state = ?1 and termStart <= ?2) or (state in ?3 and termEnd < ?2) order by id",
                RegistrationState.FILED,
                today,
                IN_FORCE)
            .withLock(LockModeType.PESSIMISTIC_WRITE)
            .withHint("jakarta.persistence.lock.timeout", -2)
            .list();
    for (Registration r : due) {
      RegistrationState from = r.state;
      Action action = r.termEnd.isBefore(today) ? Action.EXPIRE : Action.ACTIVATE;
      r.state = Lifecycle.REGISTRATION.next(from, action);
      r.updatedAt = OffsetDateTime.now();
      record(
          null,
          "system",
          r,
          "registration",
          r.id.toString(),
          action.pathName(),
          from.name(),
          r.state.name(),
          "合作期限 term " + r.termStart + " – " + r.termEnd + ", as of " + today,
          Map.of("state", from.name()),
          Map.of("state", r.state.name()));
      if (action == Action.EXPIRE) {
        events.append("registration.expired", subject(r), eventData(r, schoolsOf(r), null));
      }
    }
    IdempotencyRecord.delete(
        "createdAt < ?1", OffsetDateTime.now().minus(config.idempotencyRetention()));
    return due.size();
  }

  // --- Amendments --------------------------------------------------------------------------

  public Views.AmendmentView amend(Caller caller, long id, RegistrationContent content) {
    Registration r = lock(id);
    String role = requireApplicant(caller, r);
    if (!IN_FORCE.contains(r.state)) {
      throw ProblemException.illegalTransition(
          "Only filed or active registrations can be amended; this one is " + r.state,
          r.state.name(),
          allowedActions(caller, r));
    }
    if (!content.leadUscc().equals(leadUscc(r))) {
      throw ProblemException.invalid("leadSchool", "牵头校不可更改 (the lead school cannot change)");
    }
    if (Amendment.count("registrationId = ?1 and state in ?2", id, openAmendmentStates()) > 0) {
      throw ProblemException.conflict(
          "Registration " + id + " already has an amendment in progress; edit that one");
    }
    Map<String, School> schools = validate(content);
    Amendment a = new Amendment();
    a.registrationId = id;
    a.state = RegistrationState.DRAFT;
    a.proposalJson = write(content);
    a.involvedDistricts = districts(r, schools);
    a.createdBy = caller.actor();
    a.createdAt = OffsetDateTime.now();
    a.updatedAt = a.createdAt;
    a.persist();
    record(
        caller,
        role,
        r,
        "amendment",
        a.id.toString(),
        "create",
        null,
        a.state.name(),
        null,
        Map.of(),
        Map.of("proposal", content));
    em.flush();
    return view(caller, r, a);
  }

  public Views.AmendmentView updateAmendment(
      Caller caller, long id, long amendmentId, String ifMatch, RegistrationContent content) {
    Registration r = lock(id);
    Amendment a = lockAmendment(id, amendmentId);
    String role = requireApplicant(caller, r);
    ETags.requireMatch(ifMatch, a.version);
    if (a.state != RegistrationState.DRAFT && a.state != RegistrationState.RETURNED) {
      throw ProblemException.illegalTransition(
          "Only draft or returned amendments can be edited", a.state.name(), List.of());
    }
    if (!content.leadUscc().equals(leadUscc(r))) {
      throw ProblemException.invalid("leadSchool", "牵头校不可更改 (the lead school cannot change)");
    }
    Map<String, School> schools = validate(content);
    String before = a.proposalJson;
    a.proposalJson = write(content);
    a.involvedDistricts = districts(r, schools);
    a.updatedAt = OffsetDateTime.now();
    record(
        caller,
        role,
        r,
        "amendment",
        a.id.toString(),
        "update",
        a.state.name(),
        a.state.name(),
        null,
        Map.of("proposal", read(before, Object.class)),
        Map.of("proposal", content));
    em.flush();
    return view(caller, r, a);
  }

  public Views.AmendmentView transitionAmendment(
      Caller caller, long id, long amendmentId, Action action, String ifMatch, String comment) {
    Registration r = lock(id);
    Amendment a = lockAmendment(id, amendmentId);
    String role = authorize(caller, r, a.involvedDistricts, action, a.state, Lifecycle.AMENDMENT);
    ETags.requireMatch(ifMatch, a.version);
    if (action.requiresComment && (comment == null || comment.isBlank())) {
      throw ProblemException.invalid("comment", "须说明理由 (a comment is required)");
    }
    RegistrationState from = a.state;
    RegistrationState to;
    try {
      to = Lifecycle.AMENDMENT.next(from, action);
    } catch (Lifecycle.TransitionRefused e) {
      throw ProblemException.illegalTransition(
          e.getMessage(), from.name(), e.allowed.stream().map(Action::pathName).toList());
    }
    Map<String, Approval> approvals = approvals(a.approvalsJson);
    RegistrationContent content = read(a.proposalJson, RegistrationContent.class);
    Map<String, School> schools = validate(content);
    switch (action) {
      case SUBMIT, WITHDRAW, RETURN, REJECT -> approvals.clear();
      case APPROVE -> {
        String district = caller.districtCode().orElseThrow();
        if (approvals.containsKey(district)) {
          throw ProblemException.conflict("District " + district + " has already approved");
        }
        approvals.put(district, new Approval(caller.actor(), OffsetDateTime.now()));
        to = Lifecycle.AMENDMENT.afterApproval(Set.of(a.involvedDistricts), approvals.keySet());
      }
      case FILE -> {
        if (!IN_FORCE.contains(r.state)) {
          throw ProblemException.conflict(
              "The registration is " + r.state + " and can no longer be amended");
        }
        if (r.mode == CooperationMode.GROUP || content.mode() == CooperationMode.GROUP) {
          checkSingleGroup(r.id, schools.values(), content.termStart(), content.termEnd());
        }
        Map<String, Object> before = fields(r, schoolsOf(r));
        applyContent(r, content, schools);
        r.updatedAt = OffsetDateTime.now();
        record(
            caller,
            role,
            r,
            "registration",
            r.id.toString(),
            "amendment-filed",
            r.state.name(),
            r.state.name(),
            "变更 amendment " + a.id,
            before,
            fields(r, schools));
        events.append(
            "registration.amendment-filed", subject(r), eventData(r, schools, "amendment " + a.id));
      }
      default -> {}
    }
    a.approvalsJson = write(approvals);
    a.state = to;
    a.updatedAt = OffsetDateTime.now();
    record(
        caller,
        role,
        r,
        "amendment",
        a.id.toString(),
        action.pathName(),
        from.name(),
        to.name(),
        comment,
        Map.of(),
        Map.of());
    em.flush();
    return view(caller, r, a);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Views.AmendmentView> amendments(Caller caller, long id) {
    Registration r = Registration.findById(id);
    if (r == null) {
      throw ProblemException.notFound("Registration", id);
    }
    requireRead(caller, r);
    return Amendment.<Amendment>list("registrationId = ?1 order by id", id).stream()
        .map(a -> view(caller, r, a))
        .toList();
  }

  // --- Reading -----------------------------------------------------------------------------

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Views.RegistrationView> get(Caller caller, long id) {
    Registration r = Registration.findById(id);
    if (r == null) {
      return Optional.empty();
    }
    requireRead(caller, r);
    return Optional.of(view(caller, r, schoolsOf(r)));
  }

  /**
   * The registration's audit trail, for those who may read the registration (not data-reporter).
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<AuditView> auditTrail(Caller caller, long id, long after, int limit) {
    Registration r = Registration.findById(id);
    if (r == null) {
      throw ProblemException.notFound("Registration", id);
    }
    String role = requireRead(caller, r);
    if (Roles.DATA_REPORTER.equals(role)) {
      throw ProblemException.forbidden("Audit trails are for auditors, the city and the parties");
    }
    return audit.forAggregate(Long.toString(id), after, limit);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<Views.RegistrationView> list(Caller caller, Filter f, long afterId, int limit) {
    StringBuilder q = new StringBuilder("id > :after");
    Parameters p = Parameters.with("after", afterId);
    // Districts the registration must involve: the reviewer's scope and the district filter.
    Set<String> districts = new LinkedHashSet<>();
    if (!caller.hasAnyRole(CITY_WIDE_READERS)) {
      if (caller.hasRole(Roles.DISTRICT_REVIEWER) && caller.districtCode().isPresent()) {
        districts.add(caller.districtCode().get());
      } else if (caller.hasRole(Roles.SCHOOL_APPLICANT) && caller.schoolCode().isPresent()) {
        Long sid = School.byUscc(caller.schoolCode().get()).map(s -> s.id).orElse(-1L);
        q.append(" and (leadSchoolId = :scopeSchool or :scopeSchool member of memberSchoolIds)");
        p = p.and("scopeSchool", sid);
      } else {
        throw ProblemException.forbidden(
            "The token's roles and scope allow reading no registration");
      }
    }
    if (f.district() != null) {
      requireFilterInScope(
          caller,
          "district",
          f.district(),
          caller.roleForDistrict(f.district(), Roles.DISTRICT_REVIEWER).isPresent());
      districts.add(f.district());
    }
    // Through registration_district rather than array_contains(involvedDistricts, …): its B-tree
    // keys (district[, state], id) come in id order and carry the state, so a district's page costs
    // the same at any table size (V2__registration_list_indexes.sql).
    int n = 0;
    for (String district : districts) {
      q.append(" and id in (select rd.key.registrationId from RegistrationDistrict rd")
          .append(" where rd.key.districtCode = :district")
          .append(n)
          .append(" and rd.key.registrationId > :after")
          .append(f.state() != null ? " and rd.state = :state)" : ")");
      p = p.and("district" + n++, district);
    }
    if (f.state() != null) {
      if (districts.isEmpty()) {
        q.append(" and state = :state");
      }
      p = p.and("state", f.state());
    }
    if (f.mode() != null) {
      q.append(" and mode = :mode");
      p = p.and("mode", f.mode());
    }
    if (f.schoolUscc() != null) {
      Optional<School> school = School.byUscc(f.schoolUscc());
      // An unknown school has no registrations, so there is nothing to refuse.
      school.ifPresent(
          s ->
              requireFilterInScope(
                  caller,
                  "school",
                  s.uscc,
                  caller
                      .roleForSchool(
                          s.uscc, s.districtCode, Roles.DISTRICT_REVIEWER, Roles.SCHOOL_APPLICANT)
                      .isPresent()));
      q.append(" and (leadSchoolId = :school or :school member of memberSchoolIds)");
      p = p.and("school", school.map(s -> s.id).orElse(-1L));
    }
    if (f.termFrom() != null) {
      q.append(" and termEnd >= :termFrom");
      p = p.and("termFrom", f.termFrom());
    }
    if (f.termTo() != null) {
      q.append(" and termStart <= :termTo");
      p = p.and("termTo", f.termTo());
    }
    if (f.text() != null && !f.text().isBlank()) {
      // Case-sensitive "name like" is what the trigram index registration_name_trgm_idx answers.
      q.append(" and (name like :text or filingNumber = :exact)");
      p = p.and("text", "%" + f.text().trim() + "%").and("exact", f.text().trim());
      String hql = q + " order by id";
      Parameters params = p;
      // Only the pattern tells whether the trigram index pays: PostgreSQL's generic plan for
      // "name like $1" walks the primary key and filters every row (80 ms at 100,000 rows) where
      // the plan for the actual pattern reads the index (8 ms). pgjdbc prepares a statement on the
      // server after five uses, after which the generic plan may be chosen; this query asks for a
      // plan per execution (SET LOCAL ends with the transaction).
      return QuarkusTransaction.joiningExisting()
          .call(
              () -> {
                em.createNativeQuery("SET LOCAL plan_cache_mode = force_custom_plan")
                    .executeUpdate();
                return page(caller, hql, params, limit);
              });
    }
    return page(caller, q + " order by id", p, limit);
  }

  private Page<Views.RegistrationView> page(Caller caller, String hql, Parameters p, int limit) {
    List<Registration> rows = Registration.find(hql, p).page(0, limit + 1).list();
    Map<Long, School> schools = schoolsById(rows);
    return Page.of(rows, limit, r -> Long.toString(r.id))
        .map(r -> view(caller, r, byUscc(r, schools)));
  }

  /**
   * A list filter naming a district or school must lie inside the caller's scope, as in the other
   * services: asking for someone else's district is refused (403 naming the parameter) rather than
   * answered with an empty page that reads as "nothing there".
   */
  private static void requireFilterInScope(
      Caller caller, String parameter, String value, boolean covered) {
    if (covered || caller.hasAnyRole(CITY_WIDE_READERS)) {
      return;
    }
    String scope =
        "district_code "
            + caller.districtCode().orElse("(none)")
            + ", school_code "
            + caller.schoolCode().orElse("(none)");
    throw new ProblemException(
        ProblemType.FORBIDDEN,
        403,
        parameter + " " + value + " is outside the token's scope (" + scope + ")",
        List.of(new FieldError(parameter, "不在本账号的数据范围内 (outside the token's scope)")),
        Map.of(),
        Map.of());
  }

  /** Public verification: only filed and active cooperations, and nothing personal. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<Views.PublicRegistrationView> publicSearch(
      String filingNumber, String schoolUscc, String schoolName, long afterId, int limit) {
    StringBuilder q = new StringBuilder("id > :after and state in :inForce");
    Parameters p = Parameters.with("after", afterId).and("inForce", IN_FORCE);
    if (filingNumber != null) {
      Optional<FilingNumber> number = FilingNumber.parse(filingNumber);
      if (number.isEmpty()) {
        throw ProblemException.invalid("filingNumber", "格式应为 济教集备〔2025〕0001号 或 JJJB-2025-0001");
      }
      q.append(" and filingNumber = :number");
      p = p.and("number", number.get().display());
    }
    if (schoolUscc != null) {
      Long sid = School.byUscc(schoolUscc).map(s -> s.id).orElse(-1L);
      q.append(" and (leadSchoolId = :school or :school member of memberSchoolIds)");
      p = p.and("school", sid);
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
      p = p.and("named", ids);
    }
    List<Registration> rows = Registration.find(q + " order by id", p).page(0, limit + 1).list();
    Map<Long, School> schools = schoolsById(rows);
    return Page.of(rows, limit, r -> Long.toString(r.id))
        .map(r -> publicView(r, byUscc(r, schools)));
  }

  // --- Typical cases and statistics --------------------------------------------------------

  public Views.TypicalCaseView markTypical(
      Caller caller, long id, int year, TypicalCaseStage stage) {
    Registration r = lock(id);
    if (!caller.hasRole(Roles.CITY_ADMIN)) {
      throw ProblemException.forbidden("Only city-admin marks typical cases (典型案例)");
    }
    if (!IN_FORCE.contains(r.state)) {
      throw ProblemException.conflict(
          "Only filed or active cooperations can be typical cases; this one is " + r.state);
    }
    TypicalCase t = TypicalCase.findById(id);
    Map<String, Object> before =
        t == null ? Map.of() : Map.of("year", t.year, "stage", t.stage.name());
    if (t == null) {
      t = new TypicalCase();
      t.registrationId = id;
    }
    t.year = year;
    t.stage = stage;
    t.markedBy = caller.actor();
    t.markedAt = OffsetDateTime.now();
    t.persist();
    record(
        caller,
        Roles.CITY_ADMIN,
        r,
        "typical-case",
        Long.toString(id),
        "mark-typical",
        r.state.name(),
        r.state.name(),
        null,
        before,
        Map.of("year", year, "stage", stage.name()));
    return new Views.TypicalCaseView(year, stage.name(), publicView(r, schoolsOf(r)));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Views.TypicalCaseView> typicalCases(Integer year, TypicalCaseStage stage) {
    List<TypicalCase> cases = TypicalCase.list("order by year desc, registrationId");
    List<Views.TypicalCaseView> out = new ArrayList<>();
    for (TypicalCase t : cases) {
      if ((year != null && t.year != year) || (stage != null && t.stage != stage)) {
        continue;
      }
      Registration r = Registration.findById(t.registrationId);
      if (IN_FORCE.contains(r.state)) {
        out.add(new Views.TypicalCaseView(t.year, t.stage.name(), publicView(r, schoolsOf(r))));
      }
    }
    return out;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
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
      districts.add(
          districtStats(
              e.getKey(),
              unitNames.get(e.getKey()),
              e.getValue(),
              schools.getOrDefault(e.getKey(), 0L)));
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

  // --- Helpers -----------------------------------------------------------------------------

  /** The districts of all parties, current and proposed (both sides must consent). */
  private String[] districts(Registration r, Map<String, School> proposed) {
    Set<String> d = new TreeSet<>(Arrays.asList(r.involvedDistricts));
    proposed.values().forEach(s -> d.add(s.districtCode));
    return d.toArray(String[]::new);
  }

  private Registration lock(long id) {
    Registration r = Registration.findById(id, LockModeType.PESSIMISTIC_WRITE);
    if (r == null) {
      throw ProblemException.notFound("Registration", id);
    }
    return r;
  }

  private Amendment lockAmendment(long registrationId, long amendmentId) {
    Amendment a = Amendment.findById(amendmentId, LockModeType.PESSIMISTIC_WRITE);
    if (a == null || a.registrationId != registrationId) {
      throw ProblemException.notFound("Amendment", amendmentId);
    }
    return a;
  }

  private static Set<RegistrationState> openAmendmentStates() {
    return EnumSet.of(
        RegistrationState.DRAFT,
        RegistrationState.SUBMITTED,
        RegistrationState.RETURNED,
        RegistrationState.DISTRICT_APPROVED);
  }

  private String requireApplicant(Caller caller, Registration r) {
    return caller.requireSchool(leadUscc(r), r.leadDistrict, Roles.SCHOOL_APPLICANT);
  }

  /** The role in which the caller may take this action on this registration, or 403. */
  private String authorize(Caller caller, Registration r, Action action) {
    return authorize(caller, r, r.involvedDistricts, action, r.state, Lifecycle.REGISTRATION);
  }

  private String authorize(
      Caller caller,
      Registration r,
      String[] involved,
      Action action,
      RegistrationState state,
      Lifecycle lifecycle) {
    return switch (action.actor) {
      case APPLICANT -> requireApplicant(caller, r);
      case DISTRICT -> {
        for (String d : involved) {
          if (caller.mayActForDistrict(Roles.DISTRICT_REVIEWER, d)) {
            yield Roles.DISTRICT_REVIEWER;
          }
        }
        throw ProblemException.forbidden(
            "Only a district-reviewer of an involved district "
                + Arrays.toString(involved)
                + " may "
                + action.pathName()
                + "; the token has roles "
                + caller.roles()
                + " and district_code "
                + caller.districtCode().orElse("(none)"));
      }
      case CITY -> {
        if (!caller.hasRole(Roles.CITY_ADMIN)) {
          throw ProblemException.forbidden("Only city-admin may " + action.pathName());
        }
        yield Roles.CITY_ADMIN;
      }
      case SYSTEM ->
          throw ProblemException.forbidden(
              action.pathName() + " happens by date only (scheduled lifecycle job)");
    };
  }

  /** The role in which the caller may read the registration, or 403. */
  private String requireRead(Caller caller, Registration r) {
    for (String role : CITY_WIDE_READERS) {
      if (caller.hasRole(role)) {
        return role;
      }
    }
    for (String d : r.involvedDistricts) {
      if (caller.mayActForDistrict(Roles.DISTRICT_REVIEWER, d)) {
        return Roles.DISTRICT_REVIEWER;
      }
    }
    if (caller.hasRole(Roles.SCHOOL_APPLICANT) && caller.schoolCode().isPresent()) {
      Optional<School> own = School.byUscc(caller.schoolCode().get());
      if (own.isPresent()
          && (own.get().id.equals(r.leadSchoolId) || r.memberSchoolIds.contains(own.get().id))) {
        return Roles.SCHOOL_APPLICANT;
      }
    }
    throw ProblemException.forbidden(
        "Registration " + r.id + " is outside the token's scope (roles " + caller.roles() + ")");
  }

  private List<String> allowedActions(Caller caller, Registration r) {
    List<String> out = new ArrayList<>();
    for (Action a : Lifecycle.REGISTRATION.allowed(r.state)) {
      if (a.actor == Action.Actor.SYSTEM) {
        continue;
      }
      try {
        authorize(caller, r, a);
        if (a == Action.APPROVE
            && approvals(r.approvalsJson).containsKey(caller.districtCode().orElse(""))) {
          continue;
        }
        out.add(a.pathName());
      } catch (ProblemException refused) {
        // not this caller's action
      }
    }
    boolean applicant = caller.mayActForSchool(Roles.SCHOOL_APPLICANT, leadUscc(r), r.leadDistrict);
    if (applicant
        && (r.state == RegistrationState.DRAFT || r.state == RegistrationState.RETURNED)) {
      out.add("edit");
    }
    if (applicant && IN_FORCE.contains(r.state)) {
      out.add("amend");
    }
    return out;
  }

  private ProblemException refused(Caller caller, Registration r, Lifecycle.TransitionRefused e) {
    return ProblemException.illegalTransition(
        e.getMessage(), r.state.name(), allowedActions(caller, r));
  }

  /** Checks content and resolves its schools; 400 naming every bad field. */
  private Map<String, School> validate(RegistrationContent content) {
    List<FieldError> errors = new ArrayList<>();
    for (Violation v : content.violations(config.maxTermYears())) {
      errors.add(new FieldError(v.field(), v.message()));
    }
    Map<String, School> schools = new LinkedHashMap<>();
    List<String> all = content.allSchoolUsccs();
    for (int i = 0; i < all.size(); i++) {
      String uscc = all.get(i);
      String field = i == 0 ? "leadSchool" : "memberSchools[" + (i - 1) + "]";
      if (uscc == null || errors.stream().anyMatch(e -> e.field().equals(field))) {
        continue;
      }
      Optional<School> s = School.byUscc(uscc);
      if (s.isEmpty()) {
        errors.add(new FieldError(field, "学校不在名录中 (no school with USCC " + uscc + ")"));
      } else if (s.get().status == SchoolStatus.CLOSED) {
        errors.add(new FieldError(field, "学校已停办 (the school is closed)"));
      } else {
        schools.put(uscc, s.get());
      }
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
    return schools;
  }

  private void validateForReview(Registration r, Map<String, School> schools) {
    validate(contentOf(r, schools));
  }

  /** 409 naming the other registration when a school is already in a group in force. */
  private void checkSingleGroup(
      Long selfId, java.util.Collection<School> parties, LocalDate start, LocalDate end) {
    if (!config.singleActiveGroup()) {
      return;
    }
    List<Long> ids = parties.stream().map(s -> s.id).toList();
    @SuppressWarnings("unchecked")
    List<Object[]> clash =
        em.createNativeQuery(
                "SELECT r.id, r.filing_number, r.name, s.uscc, s.name_zh FROM registration r JOIN"
                    + " (SELECT id AS rid, lead_school_id AS sid FROM registration UNION ALL"
                    + " SELECT registration_id, school_id FROM registration_member) p ON p.rid ="
                    + " r.id JOIN school s ON s.id = p.sid WHERE r.mode = 'GROUP' AND r.state IN"
                    + " ('FILED', 'ACTIVE') AND r.id <> :self AND p.sid IN (:ids) AND"
                    + " r.term_start <= :end AND r.term_end >= :start ORDER BY r.id LIMIT 1")
            .setParameter("self", selfId == null ? -1L : selfId)
            .setParameter("ids", ids)
            .setParameter("start", start)
            .setParameter("end", end)
            .getResultList();
    if (!clash.isEmpty()) {
      Object[] c = clash.get(0);
      Map<String, Object> ext = new LinkedHashMap<>();
      ext.put("conflictingRegistrationId", ((Number) c[0]).longValue());
      ext.put("conflictingFilingNumber", c[1]);
      ext.put("school", c[3]);
      throw ProblemException.conflict(
          "学校 "
              + c[4]
              + " ("
              + c[3]
              + ") 已在集团化办学登记 #"
              + c[0]
              + " "
              + c[1]
              + " 「"
              + c[2]
              + "」中: a school may be in only one 集团化办学 group in force at a time",
          ext);
    }
  }

  private FilingNumber nextFilingNumber() {
    int year = LocalDate.now(config.zone()).getYear();
    Number seq =
        (Number)
            em.createNativeQuery(
                    "INSERT INTO filing_counter (year, last_value) VALUES (:y, 1) ON CONFLICT"
                        + " (year) DO UPDATE SET last_value = filing_counter.last_value + 1"
                        + " RETURNING last_value")
                .setParameter("y", year)
                .getSingleResult();
    return new FilingNumber(year, seq.intValue());
  }

  private void applyContent(Registration r, RegistrationContent c, Map<String, School> schools) {
    School lead = schools.get(c.leadUscc());
    r.mode = c.mode();
    r.name = c.name().trim();
    r.leadSchoolId = lead.id;
    r.leadDistrict = lead.districtCode;
    r.memberSchoolIds.clear();
    c.memberUsccs().forEach(u -> r.memberSchoolIds.add(schools.get(u).id));
    r.partners.clear();
    c.partners()
        .forEach(
            p ->
                r.partners.add(
                    new Registration.PartnerRow(
                        p.name().trim(),
                        p.uscc() == null || p.uscc().isEmpty() ? null : p.uscc(),
                        p.role().trim())));
    r.termStart = c.termStart();
    r.termEnd = c.termEnd();
    r.contentAreas = c.contentAreas().stream().sorted().map(Enum::name).toArray(String[]::new);
    r.contentText = c.contentText();
    r.contactName = c.contactName().trim();
    r.contactPhone = c.contactPhone();
    Set<String> d = new TreeSet<>();
    schools.values().forEach(s -> d.add(s.districtCode));
    r.involvedDistricts = d.toArray(String[]::new);
    r.crossDistrict = d.size() > 1;
  }

  private RegistrationContent contentOf(Registration r, Map<String, School> schools) {
    Map<Long, String> usccById =
        schools.values().stream().collect(Collectors.toMap(s -> s.id, s -> s.uscc));
    return new RegistrationContent(
        r.mode,
        r.name,
        usccById.get(r.leadSchoolId),
        r.memberSchoolIds.stream().map(usccById::get).toList(),
        r.partners.stream().map(p -> new Partner(p.name, p.uscc, p.role)).toList(),
        r.termStart,
        r.termEnd,
        Arrays.stream(r.contentAreas).map(ContentArea::valueOf).collect(Collectors.toSet()),
        r.contentText,
        r.contactName,
        r.contactPhone);
  }

  private Map<String, School> schoolsOf(Registration r) {
    List<Long> ids = new ArrayList<>();
    ids.add(r.leadSchoolId);
    ids.addAll(r.memberSchoolIds);
    Map<Long, School> byId =
        School.<School>list("id in ?1", ids).stream()
            .collect(Collectors.toMap(s -> s.id, Function.identity()));
    return byUscc(r, byId);
  }

  private static Map<String, School> byUscc(Registration r, Map<Long, School> byId) {
    Map<String, School> out = new LinkedHashMap<>();
    School lead = byId.get(r.leadSchoolId);
    out.put(lead.uscc, lead);
    for (Long id : r.memberSchoolIds) {
      School s = byId.get(id);
      out.put(s.uscc, s);
    }
    return out;
  }

  private static Map<Long, School> schoolsById(List<Registration> rows) {
    Set<Long> ids = new LinkedHashSet<>();
    rows.forEach(
        r -> {
          ids.add(r.leadSchoolId);
          ids.addAll(r.memberSchoolIds);
        });
    if (ids.isEmpty()) {
      return Map.of();
    }
    return School.<School>list("id in ?1", List.copyOf(ids)).stream()
        .collect(Collectors.toMap(s -> s.id, Function.identity()));
  }

  private String leadUscc(Registration r) {
    School lead = School.findById(r.leadSchoolId);
    return lead.uscc;
  }

  private Map<String, Object> fields(Registration r, Map<String, School> schools) {
    Map<Long, String> usccById = new LinkedHashMap<>();
    schools.values().forEach(s -> usccById.put(s.id, s.uscc));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("mode", r.mode.name());
    m.put("name", r.name);
    m.put("leadSchool", usccById.get(r.leadSchoolId));
    m.put("memberSchools", r.memberSchoolIds.stream().map(usccById::get).toList());
    m.put("partners", r.partners.stream().map(p -> p.name + "|" + p.uscc + "|" + p.role).toList());
    m.put("termStart", r.termStart.toString());
    m.put("termEnd", r.termEnd.toString());
    m.put("contentAreas", List.of(r.contentAreas));
    m.put("contentText", r.contentText);
    m.put("contactName", r.contactName);
    m.put("contactPhone", r.contactPhone);
    m.put("state", r.state.name());
    m.put("filingNumber", r.filingNumber);
    return m;
  }

  private static SchoolRefs refs(Registration r, Map<String, School> schools) {
    Map<Long, School> byId = new LinkedHashMap<>();
    schools.values().forEach(s -> byId.put(s.id, s));
    School lead = byId.get(r.leadSchoolId);
    return new SchoolRefs(
        ref(lead), r.memberSchoolIds.stream().map(id -> ref(byId.get(id))).toList());
  }

  private record SchoolRefs(Views.SchoolRef lead, List<Views.SchoolRef> members) {}

  private static Views.SchoolRef ref(School s) {
    return new Views.SchoolRef(s.uscc, s.nameZh, s.districtCode);
  }

  private Views.RegistrationView view(Caller caller, Registration r, Map<String, School> schools) {
    SchoolRefs refs = refs(r, schools);
    // data-reporter reads everything that is not personal: no contact data.
    boolean personal =
        caller.hasAnyRole(
            Roles.CITY_ADMIN, Roles.AUDITOR, Roles.DISTRICT_REVIEWER, Roles.SCHOOL_APPLICANT);
    FilingNumber number = r.filingSeq == null ? null : new FilingNumber(r.filingYear, r.filingSeq);
    return new Views.RegistrationView(
        r.id,
        r.mode,
        r.name,
        refs.lead(),
        refs.members(),
        partners(r),
        r.termStart,
        r.termEnd,
        Arrays.stream(r.contentAreas)
            .map(ContentArea::valueOf)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(ContentArea.class))),
        r.contentText,
        personal ? r.contactName : null,
        personal ? r.contactPhone : null,
        r.crossDistrict,
        List.of(r.involvedDistricts),
        approvalViews(r.approvalsJson),
        r.state,
        r.state.labelZh,
        number == null ? null : number.display(),
        number == null ? null : number.ascii(),
        r.filedAt,
        allowedActions(caller, r),
        r.version,
        r.createdAt,
        r.updatedAt);
  }

  private Views.AmendmentView view(Caller caller, Registration r, Amendment a) {
    List<String> allowed = new ArrayList<>();
    for (Action action : Lifecycle.AMENDMENT.allowed(a.state)) {
      try {
        authorize(caller, r, a.involvedDistricts, action, a.state, Lifecycle.AMENDMENT);
        allowed.add(action.pathName());
      } catch (ProblemException refused) {
        // not this caller's
      }
    }
    return new Views.AmendmentView(
        a.id,
        a.registrationId,
        read(a.proposalJson, Object.class),
        a.state,
        approvalViews(a.approvalsJson),
        allowed,
        a.version,
        a.createdAt,
        a.updatedAt);
  }

  private static List<Views.PartnerView> partners(Registration r) {
    return r.partners.stream().map(p -> new Views.PartnerView(p.name, p.uscc, p.role)).toList();
  }

  Views.PublicRegistrationView publicView(Registration r, Map<String, School> schools) {
    SchoolRefs refs = refs(r, schools);
    FilingNumber number = new FilingNumber(r.filingYear, r.filingSeq);
    return new Views.PublicRegistrationView(
        number.display(),
        number.ascii(),
        r.name,
        r.mode,
        r.mode.labelZh,
        refs.lead(),
        refs.members(),
        partners(r),
        r.termStart,
        r.termEnd,
        r.filedAt.atZoneSameInstant(config.zone()).toLocalDate(),
        r.state);
  }

  private static String subject(Registration r) {
    return "registrations/" + r.id;
  }

  private Map<String, Object> eventData(
      Registration r, Map<String, School> schools, String comment) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("registrationId", r.id);
    data.put("filingNumber", r.filingNumber);
    data.put("state", r.state.name());
    data.put("mode", r.mode.name());
    data.put("name", r.name);
    SchoolRefs refs = refs(r, schools);
    data.put("leadSchool", refs.lead());
    data.put("memberSchools", refs.members());
    data.put("involvedDistricts", List.of(r.involvedDistricts));
    data.put("termStart", r.termStart.toString());
    data.put("termEnd", r.termEnd.toString());
    if (comment != null) {
      data.put("comment", comment);
    }
    return data;
  }

  record Approval(String by, OffsetDateTime at) {}

  private Map<String, Approval> approvals(String text) {
    return new TreeMap<>(read(text, new TypeReference<Map<String, Approval>>() {}));
  }

  private List<Views.ApprovalView> approvalViews(String text) {
    return approvals(text).entrySet().stream()
        .map(e -> new Views.ApprovalView(e.getKey(), e.getValue().by(), e.getValue().at()))
        .toList();
  }

  private String hash(RegistrationContent content) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(write(content).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private <T> T read(String text, Class<T> type) {
    try {
      return json.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private <T> T read(String text, TypeReference<T> type) {
    try {
      return json.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Audits a change to a registration or one of its parts; the registration is the aggregate. */
  private void record(
      Caller caller,
      String role,
      Registration r,
      String entityType,
      String entityId,
      String action,
      String from,
      String to,
      String comment,
      Map<String, Object> before,
      Map<String, Object> after) {
    audit.append(
        caller,
        role,
        new AuditService.Change(
            entityType,
            entityId,
            Long.toString(r.id),
            r.leadDistrict,
            action,
            from,
            to,
            comment,
            before,
            after));
  }
}
