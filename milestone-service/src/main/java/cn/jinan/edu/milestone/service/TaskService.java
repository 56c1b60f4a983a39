package cn.jinan.edu.milestone.service;

import cn.jinan.edu.milestone.api.Views;
import cn.jinan.edu.milestone.domain.Assignment;
import cn.jinan.edu.milestone.domain.Deadline;
import cn.jinan.edu.milestone.domain.DefaultResponsibility;
import cn.jinan.edu.milestone.domain.Measure;
import cn.jinan.edu.milestone.domain.Plan;
import cn.jinan.edu.milestone.domain.PlanAction;
import cn.jinan.edu.milestone.domain.ResponsibleUnit;
import cn.jinan.edu.milestone.domain.Task;
import cn.jinan.edu.milestone.domain.TaskMeasure;
import cn.jinan.edu.milestone.domain.TaskResponsibility;
import cn.jinan.edu.milestone.domain.UnitKind;
import cn.jinan.edu.platform.data.AuditService;
import cn.jinan.edu.platform.problem.FieldError;
import cn.jinan.edu.platform.problem.ProblemException;
import cn.jinan.edu.platform.security.Caller;
import cn.jinan.edu.platform.security.Roles;
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
import java.util.TreeSet;

/**
 * city-admin adds a task of the bureau's own after the plan's tasks (next number, next position in
 * its cell), with the measures it serves and its responsible units.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class TaskService {
  @Inject EntityManager em;
  @Inject AuditService audit;
  @Inject CatalogueService catalogue;

  public record NewTask(
      String planCode,
      int actionNumber,
      int year,
      String textZh,
      LocalDate deadline,
      List<Integer> measures,
      List<String> responsibleUnits) {}

  /** Without responsibleUnits the default rule applies (DefaultResponsibility). */
  public Views.TaskView createTask(Caller caller, NewTask n) {
    CatalogueService.requireCityAdmin(caller);
    Plan p = catalogue.plan(n.planCode());
    List<FieldError> errors = new ArrayList<>();
    LocalDate deadline = n.deadline() == null ? LocalDate.of(n.year(), 12, 31) : n.deadline();
    if (deadline.getYear() != n.year()) {
      errors.add(new FieldError("deadline", "须在任务年份内 must fall in the task's year"));
    }
    if (PlanAction.count("planId = ?1 and number = ?2", p.id, n.actionNumber()) == 0) {
      errors.add(new FieldError("actionNumber", "该规划无此行动 no such action in plan " + p.code));
    }
    List<Measure> measures = measures(p, n, errors);
    List<String> responsible = responsibleUnits(n, errors);
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
    Task t = insert(p, n, deadline);
    for (Measure m : measures) {
      TaskMeasure tm = new TaskMeasure();
      tm.key = new TaskMeasure.Key(t.id, m.id);
      tm.planId = p.id;
      tm.actionNumber = t.actionNumber;
      tm.persist();
    }
    assign(caller, t, responsible);
    List<Integer> numbers = measures.stream().map(m -> m.number).sorted().toList();
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("number", t.number);
    after.put("actionNumber", t.actionNumber);
    after.put("year", t.year);
    after.put("textZh", t.textZh);
    after.put("deadline", t.deadlineDate.toString());
    after.put("measures", numbers);
    after.put("responsibleUnits", responsible);
    audit.append(
        caller,
        Roles.CITY_ADMIN,
        AuditService.Change.of("task", t.id)
            .aggregate("task-" + t.id)
            .action("create")
            .after(after));
    em.flush();
    return CatalogueViews.view(p, t, numbers);
  }

  /** The named measures, all of the task's action. */
  private static List<Measure> measures(Plan p, NewTask n, List<FieldError> errors) {
    List<Measure> measures = Measure.list("planId = ?1 and number in ?2", p.id, n.measures());
    if (measures.size() != new TreeSet<>(n.measures()).size()) {
      errors.add(new FieldError("measures", "措施不存在 unknown measure number"));
    }
    for (Measure m : measures) {
      if (m.actionNumber != n.actionNumber()) {
        errors.add(
            new FieldError(
                "measures",
                "措施" + m.numeral + "不属于该行动 measure " + m.number + " is not of this action"));
      }
    }
    return measures;
  }

  /** The units named, each known; or by default the city and/or every 区县 in scope today. */
  private List<String> responsibleUnits(NewTask n, List<FieldError> errors) {
    Map<String, ResponsibleUnit> units = catalogue.units();
    List<String> responsible = new ArrayList<>();
    if (n.responsibleUnits() == null || n.responsibleUnits().isEmpty()) {
      DefaultResponsibility.Units d = DefaultResponsibility.forTask(n.textZh().strip());
      LocalDate today = LocalDate.now(Deadline.ZONE);
      for (ResponsibleUnit u : units.values()) {
        if ((d.city() && u.kind == UnitKind.CITY)
            || (d.everyDistrict() && u.kind.districtLevel() && u.inScopeOn(today))) {
          responsible.add(u.code);
        }
      }
      return responsible;
    }
    for (String code : new TreeSet<>(n.responsibleUnits())) {
      if (!units.containsKey(code)) {
        errors.add(new FieldError("responsibleUnits", "未知单位 unknown unit " + code));
      }
      responsible.add(code);
    }
    return responsible;
  }

  private Task insert(Plan p, NewTask n, LocalDate deadline) {
    Number number =
        (Number)
            em.createNativeQuery("SELECT coalesce(max(number), 0) + 1 FROM task WHERE plan_id = :p")
                .setParameter("p", p.id)
                .getSingleResult();
    Number ordinal =
        (Number)
            em.createNativeQuery(
                    "SELECT coalesce(max(ordinal), 0) + 1 FROM task"
                        + " WHERE plan_id = :p AND action_number = :a AND year = :y")
                .setParameter("p", p.id)
                .setParameter("a", n.actionNumber())
                .setParameter("y", n.year())
                .getSingleResult();
    Task t = new Task();
    t.planId = p.id;
    t.number = number.intValue();
    t.actionNumber = n.actionNumber();
    t.year = n.year();
    t.ordinal = ordinal.intValue();
    t.textZh = n.textZh().strip();
    t.deadlineDate = deadline;
    t.fromDocument = false;
    t.persist();
    return t;
  }

  /** The task's first set of responsible units, version 0 of its assignments. */
  private static void assign(Caller caller, Task t, List<String> responsible) {
    TaskResponsibility r = new TaskResponsibility();
    r.taskId = t.id;
    r.updatedAt = OffsetDateTime.now();
    r.updatedBy = caller.actor();
    r.persist();
    for (String code : responsible) {
      Assignment a = new Assignment();
      a.taskId = t.id;
      a.unitCode = code;
      a.assignedAt = r.updatedAt;
      a.assignedBy = caller.actor();
      a.comment = "随任务新增 with the new task";
      a.persist();
    }
  }
}
