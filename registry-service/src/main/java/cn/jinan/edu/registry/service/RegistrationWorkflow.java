package cn.jinan.edu.registry.service;

import static cn.jinan.edu.registry.domain.RegistrationLifecycle.EDITABLE;
import static cn.jinan.edu.registry.domain.RegistrationLifecycle.IN_FORCE;
import static cn.jinan.edu.registry.domain.RegistrationLifecycle.REGISTRATION;

import cn.jinan.edu.platform.data.AuditService;
import cn.jinan.edu.platform.data.EventService;
import cn.jinan.edu.platform.data.Idempotency;
import cn.jinan.edu.platform.data.IdempotencyRecord;
import cn.jinan.edu.platform.lifecycle.Transition;
import cn.jinan.edu.platform.problem.ProblemException;
import cn.jinan.edu.platform.security.Caller;
import cn.jinan.edu.platform.security.Roles;
import cn.jinan.edu.platform.web.ETags;
import cn.jinan.edu.registry.api.Views;
import cn.jinan.edu.registry.config.RegistryConfig;
import cn.jinan.edu.registry.domain.Action;
import cn.jinan.edu.registry.domain.CooperationMode;
import cn.jinan.edu.registry.domain.DistrictReview;
import cn.jinan.edu.registry.domain.FilingNumber;
import cn.jinan.edu.registry.domain.Registration;
import cn.jinan.edu.registry.domain.RegistrationContent;
import cn.jinan.edu.registry.domain.RegistrationEvent;
import cn.jinan.edu.registry.domain.RegistrationState;
import cn.jinan.edu.registry.domain.School;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The registration workflow (集团化办学、合作办学登记备案, measure 七): the lead school drafts and edits, takes
 * the registration through district review to the city's filing, and the calendar activates and
 * ends it. Every change is audited; filing and every end are announced on the feed.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class RegistrationWorkflow {
  @Inject EntityManager em;
  @Inject AuditService audit;
  @Inject EventService events;
  @Inject Idempotency idempotency;
  @Inject RegistryConfig config;
  @Inject RegistrationStore store;
  @Inject RegistrationAccess access;
  @Inject RegistrationViews views;
  @Inject SingleGroupRule singleGroup;

  /**
   * Drafts a registration once per Idempotency-Key. Permission comes first: a key must never let a
   * caller see what the same request without it could not, and a replay re-reads the registration
   * in the caller's scope now.
   */
  public Idempotency.Created<Views.RegistrationView> create(
      Caller caller, RegistrationContent content, String idempotencyKey) {
    String role = caller.requireSchool(content.leadUscc(), null, Roles.SCHOOL_APPLICANT);
    return idempotency.once(
        caller,
        idempotencyKey,
        content,
        Views.RegistrationView.class,
        () -> draft(caller, role, content),
        id -> {
          Registration r = store.find(id);
          access.requireRead(caller, r);
          return r.version;
        });
  }

  private Idempotency.Created<Views.RegistrationView> draft(
      Caller caller, String role, RegistrationContent content) {
    Map<String, School> schools = store.resolve(content);
    Registration r = new Registration();
    r.state = RegistrationState.DRAFT;
    r.createdBy = caller.actor();
    r.createdAt = OffsetDateTime.now();
    r.updatedAt = r.createdAt;
    store.apply(r, content, schools);
    r.persist();
    audit.append(caller, role, RegistrationStore.change(r, "create", null).after(r));
    em.flush();
    return new Idempotency.Created<>(
        views.registration(caller, r, schools), r.id, r.version, false);
  }

  /** The lead school edits a draft or returned registration (not its lead school). */
  public Views.RegistrationView update(
      Caller caller, long id, String ifMatch, RegistrationContent content) {
    Registration r = store.lock(id);
    String role = access.requireApplicant(caller, r);
    ETags.requireMatch(ifMatch, r.version);
    if (!EDITABLE.contains(r.state)) {
      throw ProblemException.illegalTransition(
          "Only drafts and returned registrations can be edited; this one is "
              + r.state
              + " ("
              + r.state.labelZh
              + "). Amend a filed registration instead.",
          r.state.name(),
          access.allowedActions(caller, r));
    }
    if (!content.leadUscc().equals(store.leadUscc(r))) {
      throw ProblemException.invalid(
          "leadSchool", "牵头校不可更改 (the lead school of a registration cannot change)");
    }
    Map<String, School> schools = store.resolve(content);
    Map<String, Object> before = store.replaceContent(r, content, schools);
    audit.append(
        caller, role, RegistrationStore.change(r, "update", r.state).before(before).after(r));
    em.flush();
    return views.registration(caller, r, schools);
  }

  /**
   * Takes an action through the district review and the city's filing, or the time in force.
   * Submitting and filing a group check that no school is in another group in force.
   */
  public Views.RegistrationView transition(
      Caller caller, long id, Action action, String ifMatch, String comment) {
    Registration r = store.lock(id);
    String role = access.authorize(caller, r, r.involvedDistricts, action);
    ETags.requireMatch(ifMatch, r.version);
    RegistrationState from = r.state;
    DistrictReview.Outcome.Moved moved =
        Reviews.take(
            caller,
            store.review(r),
            Reviews.Subject.REGISTRATION,
            from,
            action,
            comment,
            () -> access.allowedActions(caller, r));
    Map<String, School> schools = store.schoolsOf(r);
    Map<String, Object> before = r.auditSnapshot();
    prepare(r, action, schools);
    r.approvalsJson = store.approvalsJson(moved.review());
    r.state = moved.to();
    r.updatedAt = OffsetDateTime.now();
    audit.append(
        caller,
        role,
        RegistrationStore.change(r, action.pathName(), from)
            .comment(comment)
            .before(before)
            .after(r));
    announce(r, action, schools, comment);
    em.flush();
    return views.registration(caller, r, schools);
  }

  /** What an action needs besides the move: a complete content to submit, a number to file. */
  private void prepare(Registration r, Action action, Map<String, School> schools) {
    if (action == Action.SUBMIT) {
      store.resolve(store.contentOf(r, schools));
      if (r.mode == CooperationMode.GROUP) {
        singleGroup.check(r.id, schools.values(), r.termStart, r.termEnd);
      }
    } else if (action == Action.FILE) {
      // Taking the year's counter row first serialises filings, so the group check below sees
      // every filing committed before this one.
      FilingNumber number = store.nextFilingNumber();
      if (r.mode == CooperationMode.GROUP) {
        singleGroup.check(r.id, schools.values(), r.termStart, r.termEnd);
      }
      r.filingNumber = number.display();
      r.filingYear = number.year();
      r.filingSeq = number.sequence();
      r.filedAt = OffsetDateTime.now();
    }
  }

  private void announce(
      Registration r, Action action, Map<String, School> schools, String comment) {
    RegistrationEvent.Type type =
        switch (action) {
          case FILE -> RegistrationEvent.Type.FILED;
          case TERMINATE -> RegistrationEvent.Type.TERMINATED;
          case REVOKE -> RegistrationEvent.Type.REVOKED;
          case EXPIRE -> RegistrationEvent.Type.EXPIRED;
          default -> null;
        };
    if (type != null) {
      events.append(RegistrationEvent.of(type, r, schools, comment));
    }
  }

  /**
   * Moves filed registrations to ACTIVE on their start date and in-force ones to EXPIRED after
   * their end date. Rows another replica is handling are skipped (SKIP LOCKED), and each row's
   * state is re-checked, so running it twice or on two replicas changes and reports each row once.
   * Also forgets Idempotency-Keys past their retention.
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
      Action action = r.termEnd.isBefore(today) ? Action.EXPIRE : Action.ACTIVATE;
      if (REGISTRATION.attempt(r.state, action)
          instanceof Transition.Moved<RegistrationState, Action> moved) {
        Map<String, School> schools = store.schoolsOf(r);
        Map<String, Object> before = r.auditSnapshot();
        RegistrationState from = r.state;
        r.state = moved.to();
        r.updatedAt = OffsetDateTime.now();
        audit.append(
            null,
            "system",
            RegistrationStore.change(r, action.pathName(), from)
                .comment("合作期限 term " + r.termStart + " – " + r.termEnd + ", as of " + today)
                .before(before)
                .after(r));
        announce(r, action, schools, null);
      }
    }
    IdempotencyRecord.delete(
        "createdAt < ?1", OffsetDateTime.now().minus(config.idempotencyRetention()));
    return due.size();
  }
}
