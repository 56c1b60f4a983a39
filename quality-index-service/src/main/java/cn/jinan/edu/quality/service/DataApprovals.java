package cn.jinan.edu.quality.service;

import cn.jinan.edu.platform.data.AuditService;
import cn.jinan.edu.platform.data.EventService;
import cn.jinan.edu.platform.problem.ProblemException;
import cn.jinan.edu.platform.security.Caller;
import cn.jinan.edu.platform.security.Roles;
import cn.jinan.edu.platform.web.ETags;
import cn.jinan.edu.quality.api.Views;
import cn.jinan.edu.quality.domain.ApprovalAction;
import cn.jinan.edu.quality.domain.ApprovalLifecycle;
import cn.jinan.edu.quality.domain.ApprovalState;
import cn.jinan.edu.quality.domain.DataApproval;
import cn.jinan.edu.quality.domain.DataApprovalChanged;
import cn.jinan.edu.quality.domain.Unit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Approval of a district's data per period (数据审核) on {@link ApprovalLifecycle}: submit and withdraw
 * by the district's own reviewer (or city-admin); approve, return and unlock by city-admin. Every
 * action is audited and announced as a {@link DataApprovalChanged} event.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class DataApprovals {
  @Inject EntityManager em;
  @Inject AuditService audit;
  @Inject EventService events;

  @Transactional(Transactional.TxType.SUPPORTS)
  public Views.ApprovalView approval(Caller caller, String district, int period) {
    DataScope.readScope(caller, district);
    requireUnit(district);
    return DataApproval.of(district, period)
        .map(a -> view(caller, a))
        .orElseGet(() -> openView(caller, district, period));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Views.ApprovalView> approvals(Caller caller, int period, String district) {
    String scope = DataScope.readScope(caller, district);
    Map<String, DataApproval> rows = new HashMap<>();
    DataApproval.<DataApproval>list("period", period).forEach(a -> rows.put(a.districtCode, a));
    Set<String> codes = new TreeSet<>(rows.keySet());
    Unit.inScope(LocalDate.of(period, 12, 31)).forEach(u -> codes.add(u.code));
    List<Views.ApprovalView> out = new ArrayList<>();
    for (String code : codes) {
      if (scope == null || scope.equals(code)) {
        DataApproval a = rows.get(code);
        out.add(a == null ? openView(caller, code, period) : view(caller, a));
      }
    }
    return out;
  }

  /** Takes the action; requires If-Match ("0" before the first action of the period). */
  public Views.ApprovalView transition(
      Caller caller, String district, int period, String actionName, String ifMatch, String note) {
    requireUnit(district);
    if (period < 2000 || period > 2100) {
      throw ProblemException.invalid("period", "an ISO year between 2000 and 2100");
    }
    ApprovalAction action = parse(actionName);
    String role = requireRole(caller, district, action);
    DataApproval a = DataApproval.lockedRow(district, period).orElse(null);
    ETags.requireMatch(ifMatch, a == null ? 0 : a.version);
    ApprovalState from = a == null ? ApprovalState.OPEN : a.state;
    ApprovalState to =
        ApprovalLifecycle.MACHINE.next(
            from, action, x -> roleFor(caller, district, x).isPresent(), ApprovalLifecycle::name);
    String comment = note == null || note.isBlank() ? null : note.trim();
    if (action.requiresComment && comment == null) {
      throw ProblemException.invalid("comment", "退回或解锁须说明原因 (return and unlock need a comment)");
    }
    if (a == null) {
      a = opened(district, period);
    }
    a.state = to;
    a.comment = comment;
    a.updatedBy = caller.actor();
    a.updatedAt = OffsetDateTime.now();
    audit.append(
        caller,
        role,
        AuditService.Change.of("data-approval", district + "/" + period)
            .aggregate(ValueRules.aggregateId(district, period))
            .district(district)
            .action(action.pathName())
            .states(from, to)
            .comment(comment)
            .before(Map.of("state", from.name()))
            .after(a));
    events.append(new DataApprovalChanged(action, district, period, from, to));
    em.flush();
    return view(caller, a);
  }

  /** The first row of a period, at version 0, so that the action makes it 1 ("0" is spent). */
  private DataApproval opened(String district, int period) {
    DataApproval a = new DataApproval();
    a.districtCode = district;
    a.period = period;
    a.state = ApprovalState.OPEN;
    a.updatedAt = OffsetDateTime.now();
    a.persist();
    em.flush();
    return a;
  }

  private static ApprovalAction parse(String name) {
    return ApprovalAction.fromPath(name)
        .orElseThrow(
            () ->
                ProblemException.invalid(
                    "action",
                    "unknown action '"
                        + name
                        + "'; one of submit, withdraw, approve, return, unlock"));
  }

  private static String requireRole(Caller caller, String district, ApprovalAction action) {
    if (!action.cityOnly) {
      return caller.requireDistrict(district, Roles.DISTRICT_REVIEWER, Roles.CITY_ADMIN);
    }
    return roleFor(caller, district, action)
        .orElseThrow(
            () ->
                ProblemException.forbidden(
                    "Only city-admin may " + action.pathName() + " district data"));
  }

  /** The role in which the caller may take the action on the district's data, if any. */
  private static Optional<String> roleFor(Caller caller, String district, ApprovalAction action) {
    if (action.cityOnly) {
      return caller.hasRole(Roles.CITY_ADMIN) ? Optional.of(Roles.CITY_ADMIN) : Optional.empty();
    }
    return caller.roleForDistrict(district, Roles.DISTRICT_REVIEWER, Roles.CITY_ADMIN);
  }

  private static void requireUnit(String district) {
    if (!Unit.known(district)) {
      throw ProblemException.notFound("Unit", district);
    }
  }

  /**
   * What this caller may do next: the actions the state allows that the caller's role and district
   * also allow (so a district-reviewer is never offered approve, return or unlock).
   */
  private static List<String> allowedActions(Caller caller, String district, ApprovalState s) {
    return ApprovalLifecycle.MACHINE
        .allowedFor(s, a -> roleFor(caller, district, a).isPresent())
        .stream()
        .map(ApprovalAction::pathName)
        .toList();
  }

  private static Views.ApprovalView openView(Caller caller, String district, int period) {
    ApprovalState open = ApprovalState.OPEN;
    return new Views.ApprovalView(
        district,
        period,
        open,
        open.chinese(),
        null,
        allowedActions(caller, district, open),
        0,
        null,
        null);
  }

  private static Views.ApprovalView view(Caller caller, DataApproval a) {
    return new Views.ApprovalView(
        a.districtCode,
        a.period,
        a.state,
        a.state.chinese(),
        a.comment,
        allowedActions(caller, a.districtCode, a.state),
        a.version,
        a.updatedBy,
        a.updatedAt);
  }
}
