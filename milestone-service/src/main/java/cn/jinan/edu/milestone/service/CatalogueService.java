package cn.jinan.edu.milestone.service;

import cn.jinan.edu.milestone.api.Views;
import cn.jinan.edu.milestone.config.MilestoneConfig;
import cn.jinan.edu.milestone.domain.Annotation;
import cn.jinan.edu.milestone.domain.Assignment;
import cn.jinan.edu.milestone.domain.Measure;
import cn.jinan.edu.milestone.domain.Plan;
import cn.jinan.edu.milestone.domain.PlanAction;
import cn.jinan.edu.milestone.domain.ResponsibleUnit;
import cn.jinan.edu.milestone.domain.Task;
import cn.jinan.edu.milestone.domain.TaskBinding;
import cn.jinan.edu.platform.problem.ProblemException;
import cn.jinan.edu.platform.security.Caller;
import cn.jinan.edu.platform.security.Roles;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reading the plan catalogue, which everyone may: plans, actions, measures, tasks with their units,
 * binding and notes. Adding is PlanService, TaskService, AnnotationService and BindingService; rows
 * from the document are never changed (the database refuses it too).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CatalogueService {
  @Inject EntityManager em;
  @Inject MilestoneConfig config;

  @Transactional(Transactional.TxType.SUPPORTS)
  public Plan plan(String code) {
    String c = code == null || code.isBlank() ? config.defaultPlan() : code;
    return Plan.byCode(c).orElseThrow(() -> ProblemException.notFound("Plan", c));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Task task(long id) {
    Task t = Task.findById(id);
    if (t == null) {
      throw ProblemException.notFound("Task", id);
    }
    return t;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Views.PlanView> plans() {
    return Plan.<Plan>list("order by id").stream().map(CatalogueViews::view).toList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Views.PlanView planView(String code) {
    return CatalogueViews.view(plan(code));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Views.ActionView> actions(String planCode) {
    Plan p = plan(planCode);
    return PlanAction.<PlanAction>list("planId = ?1 order by number", p.id).stream()
        .map(a -> new Views.ActionView(p.code, a.number, a.title, a.fromDocument))
        .toList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Views.MeasureView> measures(String planCode, Integer action) {
    Plan p = plan(planCode);
    String q =
        "planId = :p" + (action == null ? "" : " and actionNumber = :a") + " order by number";
    Parameters params = Parameters.with("p", p.id);
    if (action != null) {
      params = params.and("a", action);
    }
    return Measure.<Measure>list(q, params).stream().map(m -> CatalogueViews.view(p, m)).toList();
  }

  /** Tasks of a plan in number order, optionally of one action, year or measure. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Views.TaskView> tasks(
      String planCode, Integer action, Integer year, Integer measure) {
    Plan p = plan(planCode);
    StringBuilder q = new StringBuilder("planId = :p");
    Parameters params = Parameters.with("p", p.id);
    if (action != null) {
      q.append(" and actionNumber = :a");
      params = params.and("a", action);
    }
    if (year != null) {
      q.append(" and year = :y");
      params = params.and("y", year);
    }
    if (measure != null) {
      q.append(
          " and id in (select tm.key.taskId from TaskMeasure tm, Measure m"
              + " where m.id = tm.key.measureId and m.planId = :p and m.number = :m)");
      params = params.and("m", measure);
    }
    List<Task> rows = Task.list(q + " order by number", params);
    Map<Long, List<Integer>> measures = measureNumbersOfPlan(p.id);
    return rows.stream()
        .map(t -> CatalogueViews.view(p, t, measures.getOrDefault(t.id, List.of())))
        .toList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Views.TaskDetailView detail(long id) {
    Task t = task(id);
    Plan p = Plan.findById(t.planId);
    List<Integer> numbers = measureNumbersOfTask(t.id);
    List<Views.MeasureView> measures =
        numbers.isEmpty()
            ? List.of()
            : Measure.<Measure>list("planId = ?1 and number in ?2 order by number", p.id, numbers)
                .stream()
                .map(m -> CatalogueViews.view(p, m))
                .toList();
    Map<String, ResponsibleUnit> units = units();
    List<Views.AssignmentView> current =
        Assignment.<Assignment>list("taskId = ?1 and endedAt is null order by unitCode", t.id)
            .stream()
            .map(a -> CatalogueViews.view(a, units.get(a.unitCode)))
            .toList();
    return new Views.TaskDetailView(
        CatalogueViews.view(p, t, numbers),
        measures,
        current,
        CatalogueViews.view(TaskBinding.<TaskBinding>findById(t.id)),
        annotations(t.id));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Views.AnnotationView> annotations(long taskId) {
    task(taskId);
    return Annotation.<Annotation>list("taskId = ?1 order by id", taskId).stream()
        .map(CatalogueViews::view)
        .toList();
  }

  /**
   * Measure numbers per task of a plan. One fixed query for the whole plan (a few dozen rows)
   * rather than an IN list of task ids: a list parameter makes Hibernate translate the query again
   * for every call, which cost a quarter of the task list's time.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<Long, List<Integer>> measureNumbersOfPlan(long planId) {
    Map<Long, List<Integer>> out = new HashMap<>();
    List<Object[]> rows =
        em.createQuery(
                "select tm.key.taskId, m.number from TaskMeasure tm, Measure m"
                    + " where m.id = tm.key.measureId and m.planId = :p order by m.number",
                Object[].class)
            .setParameter("p", planId)
            .getResultList();
    for (Object[] r : rows) {
      out.computeIfAbsent((Long) r[0], k -> new ArrayList<>()).add((Integer) r[1]);
    }
    return out;
  }

  /** Measure numbers of one task. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Integer> measureNumbersOfTask(long taskId) {
    return em.createQuery(
            "select m.number from TaskMeasure tm, Measure m"
                + " where m.id = tm.key.measureId and tm.key.taskId = :t order by m.number",
            Integer.class)
        .setParameter("t", taskId)
        .getResultList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<String, ResponsibleUnit> units() {
    Map<String, ResponsibleUnit> out = new LinkedHashMap<>();
    ResponsibleUnit.<ResponsibleUnit>list("order by kind, code").forEach(u -> out.put(u.code, u));
    return out;
  }

  /** Every change to the catalogue and its responsibilities is the city's. */
  static void requireCityAdmin(Caller caller) {
    if (!caller.hasRole(Roles.CITY_ADMIN)) {
      throw ProblemException.forbidden(
          "Only city-admin may change the catalogue; the token has roles " + caller.roles());
    }
  }
}
