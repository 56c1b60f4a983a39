package cn.jinan.edu.milestone.service;

import cn.jinan.edu.milestone.api.Views;
import cn.jinan.edu.milestone.domain.Assignment;
import cn.jinan.edu.milestone.domain.Deadline;
import cn.jinan.edu.milestone.domain.ResponsibleUnit;
import cn.jinan.edu.milestone.domain.Task;
import cn.jinan.edu.milestone.domain.TaskResponsibility;
import cn.jinan.edu.milestone.domain.UnitKind;
import cn.jinan.edu.platform.data.AuditService;
import cn.jinan.edu.platform.problem.FieldError;
import cn.jinan.edu.platform.problem.ProblemException;
import cn.jinan.edu.platform.security.Caller;
import cn.jinan.edu.platform.security.Roles;
import cn.jinan.edu.platform.web.ETags;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Responsible units of tasks (责任单位): city bureau departments and districts. city-admin changes a
 * task's set; ended assignments are kept as history.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class ResponsibilityService {
  @Inject CatalogueService catalogue;
  @Inject AuditService audit;
  @Inject EntityManager em;

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Views.UnitView> units(UnitKind kind) {
    return catalogue.units().values().stream()
        .filter(u -> kind == null || u.kind == kind)
        .map(CatalogueViews::view)
        .toList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Views.AssignmentsView assignments(long taskId, boolean history) {
    Task t = catalogue.task(taskId);
    TaskResponsibility r = TaskResponsibility.findById(t.id);
    return view(t.id, r == null ? 0 : r.version, history);
  }

  /** Replaces the task's current responsible units; units not listed any more are ended. */
  public Views.AssignmentsView replace(
      Caller caller, long taskId, String ifMatch, List<String> unitCodes, String comment) {
    CatalogueService.requireCityAdmin(caller);
    Task t = catalogue.task(taskId);
    TaskResponsibility r = TaskResponsibility.findById(t.id, LockModeType.PESSIMISTIC_WRITE);
    if (r == null) {
      r = new TaskResponsibility();
      r.taskId = t.id;
      r.updatedAt = OffsetDateTime.now();
      r.updatedBy = caller.actor();
      r.persist();
      em.flush();
    }
    ETags.requireMatch(ifMatch, r.version);
    Set<String> wanted = requireInScope(new TreeSet<>(unitCodes));
    OffsetDateTime now = OffsetDateTime.now();
    Set<String> before = apply(caller, t, wanted, comment, now);
    if (before.equals(wanted)) {
      return view(t.id, r.version, false);
    }
    r.updatedAt = now;
    // Changing the row itself bumps its version, the ETag of the whole set.
    r.updatedBy = caller.actor();
    audit.append(
        caller,
        Roles.CITY_ADMIN,
        AuditService.Change.of("assignment", t.id)
            .aggregate("task-" + t.id)
            .action("assign")
            .comment(comment)
            .before(Map.of("responsibleUnits", List.copyOf(before)))
            .after(Map.of("responsibleUnits", List.copyOf(wanted))));
    em.flush();
    return view(t.id, r.version, false);
  }

  /** Every code a known unit in scope today. */
  private Set<String> requireInScope(Set<String> wanted) {
    Map<String, ResponsibleUnit> units = catalogue.units();
    LocalDate today = LocalDate.now(Deadline.ZONE);
    List<FieldError> errors = new ArrayList<>();
    for (String code : wanted) {
      ResponsibleUnit u = units.get(code);
      if (u == null) {
        errors.add(new FieldError("unitCodes", "未知单位 unknown unit " + code));
      } else if (!u.inScopeOn(today)) {
        errors.add(new FieldError("unitCodes", "单位已失效 unit " + code + " is not in scope today"));
      }
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
    return wanted;
  }

  /** Ends the assignments not wanted any more, starts the new ones; returns the units before. */
  private static Set<String> apply(
      Caller caller, Task t, Set<String> wanted, String comment, OffsetDateTime now) {
    List<Assignment> current =
        Assignment.list("taskId = ?1 and endedAt is null order by unitCode", t.id);
    Set<String> before = new TreeSet<>();
    for (Assignment a : current) {
      before.add(a.unitCode);
      if (!wanted.contains(a.unitCode)) {
        a.endedAt = now;
        a.endedBy = caller.actor();
      }
    }
    for (String code : wanted) {
      if (!before.contains(code)) {
        Assignment a = new Assignment();
        a.taskId = t.id;
        a.unitCode = code;
        a.assignedAt = now;
        a.assignedBy = caller.actor();
        a.comment = comment;
        a.persist();
      }
    }
    return before;
  }

  private Views.AssignmentsView view(long taskId, int version, boolean history) {
    Map<String, ResponsibleUnit> units = catalogue.units();
    List<Views.AssignmentView> current =
        Assignment.<Assignment>list("taskId = ?1 and endedAt is null order by unitCode", taskId)
            .stream()
            .map(a -> CatalogueViews.view(a, units.get(a.unitCode)))
            .toList();
    List<Views.AssignmentView> ended =
        history
            ? Assignment.<Assignment>list(
                    "taskId = ?1 and endedAt is not null order by endedAt, id", taskId)
                .stream()
                .map(a -> CatalogueViews.view(a, units.get(a.unitCode)))
                .toList()
            : List.of();
    return new Views.AssignmentsView(taskId, version, current, ended);
  }
}
