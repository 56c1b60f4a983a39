package cn.jinan.edu.registry.service;

import static cn.jinan.edu.registry.domain.RegistrationLifecycle.AMENDMENT_OPEN;
import static cn.jinan.edu.registry.domain.RegistrationLifecycle.EDITABLE;
import static cn.jinan.edu.registry.domain.RegistrationLifecycle.IN_FORCE;

import cn.jinan.edu.platform.data.AuditService;
import cn.jinan.edu.platform.data.AuditService.Change;
import cn.jinan.edu.platform.data.EventService;
import cn.jinan.edu.platform.problem.ProblemException;
import cn.jinan.edu.platform.security.Caller;
import cn.jinan.edu.platform.web.ETags;
import cn.jinan.edu.registry.api.Views;
import cn.jinan.edu.registry.domain.Action;
import cn.jinan.edu.registry.domain.Amendment;
import cn.jinan.edu.registry.domain.CooperationMode;
import cn.jinan.edu.registry.domain.DistrictReview;
import cn.jinan.edu.registry.domain.Registration;
import cn.jinan.edu.registry.domain.RegistrationContent;
import cn.jinan.edu.registry.domain.RegistrationEvent;
import cn.jinan.edu.registry.domain.RegistrationState;
import cn.jinan.edu.registry.domain.School;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * 变更 Amendments of a filed registration: the lead school proposes new content, which goes through
 * the same district review as a new registration (every district of the current and the proposed
 * parties) while the filed version stays valid; filing the amendment applies it.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class AmendmentWorkflow {
  @Inject EntityManager em;
  @Inject AuditService audit;
  @Inject EventService events;
  @Inject RegistrationStore store;
  @Inject RegistrationAccess access;
  @Inject RegistrationViews views;
  @Inject SingleGroupRule singleGroup;

  public Views.AmendmentView amend(Caller caller, long id, RegistrationContent content) {
    Registration r = store.lock(id);
    String role = access.requireApplicant(caller, r);
    if (!IN_FORCE.contains(r.state)) {
      throw ProblemException.illegalTransition(
          "Only filed or active registrations can be amended; this one is " + r.state,
          r.state.name(),
          access.allowedActions(caller, r));
    }
    requireSameLead(r, content);
    if (Amendment.count("registrationId = ?1 and state in ?2", id, AMENDMENT_OPEN) > 0) {
      throw ProblemException.conflict(
          "Registration " + id + " already has an amendment in progress; edit that one");
    }
    Map<String, School> schools = store.resolve(content);
    Amendment a = new Amendment();
    a.registrationId = id;
    a.state = RegistrationState.DRAFT;
    a.proposalJson = store.write(content);
    a.involvedDistricts = RegistrationStore.districts(r, schools);
    a.createdBy = caller.actor();
    a.createdAt = OffsetDateTime.now();
    a.updatedAt = a.createdAt;
    a.persist();
    audit.append(caller, role, change(r, a, "create").states(null, a.state).after(a));
    em.flush();
    return views.amendment(caller, r, a);
  }

  public Views.AmendmentView update(
      Caller caller, long id, long amendmentId, String ifMatch, RegistrationContent content) {
    Registration r = store.lock(id);
    Amendment a = store.lockAmendment(id, amendmentId);
    String role = access.requireApplicant(caller, r);
    ETags.requireMatch(ifMatch, a.version);
    if (!EDITABLE.contains(a.state)) {
      throw ProblemException.illegalTransition(
          "Only draft or returned amendments can be edited; this one is " + a.state,
          a.state.name(),
          access.allowedActions(caller, r, a));
    }
    requireSameLead(r, content);
    Map<String, School> schools = store.resolve(content);
    Map<String, Object> before = a.auditSnapshot();
    a.proposalJson = store.write(content);
    a.involvedDistricts = RegistrationStore.districts(r, schools);
    a.updatedAt = OffsetDateTime.now();
    audit.append(
        caller, role, change(r, a, "update").states(a.state, a.state).before(before).after(a));
    em.flush();
    return views.amendment(caller, r, a);
  }

  /** Takes an action through the district review; filing applies the proposal. */
  public Views.AmendmentView transition(
      Caller caller, long id, long amendmentId, Action action, String ifMatch, String comment) {
    Registration r = store.lock(id);
    Amendment a = store.lockAmendment(id, amendmentId);
    String role = access.authorize(caller, r, a.involvedDistricts, action);
    ETags.requireMatch(ifMatch, a.version);
    RegistrationState from = a.state;
    DistrictReview.Outcome.Moved moved =
        Reviews.take(
            caller,
            store.review(a),
            Reviews.Subject.AMENDMENT,
            from,
            action,
            comment,
            () -> access.allowedActions(caller, r, a));
    RegistrationContent content = store.read(a.proposalJson, RegistrationContent.class);
    Map<String, School> schools = store.resolve(content);
    if (action == Action.FILE) {
      fileInto(caller, role, r, a, content, schools);
    }
    Map<String, Object> before = a.auditSnapshot();
    a.approvalsJson = store.approvalsJson(moved.review());
    a.state = moved.to();
    a.updatedAt = OffsetDateTime.now();
    audit.append(
        caller,
        role,
        change(r, a, action.pathName())
            .states(from, a.state)
            .comment(comment)
            .before(before)
            .after(a));
    em.flush();
    return views.amendment(caller, r, a);
  }

  /** Applies the filed amendment to its registration, which must still be in force. */
  private void fileInto(
      Caller caller,
      String role,
      Registration r,
      Amendment a,
      RegistrationContent content,
      Map<String, School> schools) {
    if (!IN_FORCE.contains(r.state)) {
      throw ProblemException.conflict(
          "The registration is " + r.state + " and can no longer be amended");
    }
    if (r.mode == CooperationMode.GROUP || content.mode() == CooperationMode.GROUP) {
      singleGroup.check(r.id, schools.values(), content.termStart(), content.termEnd());
    }
    Map<String, Object> before = store.replaceContent(r, content, schools);
    audit.append(
        caller,
        role,
        RegistrationStore.change(r, "amendment-filed", r.state)
            .comment("变更 amendment " + a.id)
            .before(before)
            .after(r));
    events.append(
        RegistrationEvent.of(
            RegistrationEvent.Type.AMENDMENT_FILED, r, schools, "amendment " + a.id));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Views.AmendmentView> amendments(Caller caller, long id) {
    Registration r = store.find(id);
    access.requireRead(caller, r);
    return Amendment.<Amendment>list("registrationId = ?1 order by id", id).stream()
        .map(a -> views.amendment(caller, r, a))
        .toList();
  }

  private void requireSameLead(Registration r, RegistrationContent content) {
    if (!content.leadUscc().equals(store.leadUscc(r))) {
      throw ProblemException.invalid("leadSchool", "牵头校不可更改 (the lead school cannot change)");
    }
  }

  /** An amendment's trail entry belongs to its registration's trail and district. */
  private static Change change(Registration r, Amendment a, String action) {
    return Change.of("amendment", a.id).aggregate(r.id).district(r.leadDistrict).action(action);
  }
}
