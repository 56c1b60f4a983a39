package cn.jinan.edu.milestone.service;

import cn.jinan.edu.milestone.config.MilestoneConfig;
import cn.jinan.edu.milestone.domain.Annotation;
import cn.jinan.edu.milestone.domain.Assignment;
import cn.jinan.edu.milestone.domain.BindingSource;
import cn.jinan.edu.milestone.domain.ChineseNumeral;
import cn.jinan.edu.milestone.domain.DefaultResponsibility;
import cn.jinan.edu.milestone.domain.Measure;
import cn.jinan.edu.milestone.domain.Plan;
import cn.jinan.edu.milestone.domain.PlanAction;
import cn.jinan.edu.milestone.domain.ResponsibleUnit;
import cn.jinan.edu.milestone.domain.Task;
import cn.jinan.edu.milestone.domain.TaskBinding;
import cn.jinan.edu.milestone.domain.TaskMeasure;
import cn.jinan.edu.milestone.domain.TaskResponsibility;
import cn.jinan.edu.milestone.domain.UnitKind;
import cn.jinan.edu.platform.data.AuditService;
import cn.jinan.edu.platform.problem.FieldError;
import cn.jinan.edu.platform.problem.ProblemException;
import cn.jinan.edu.platform.security.Caller;
import cn.jinan.edu.platform.security.Roles;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The plan catalogue: read by everyone; city-admin may add plans, tasks and annotations. Rows from
 * the document are never changed (the database refuses it too).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class CatalogueService {
  @Inject EntityManager em;
  @Inject AuditService audit;
  @Inject MilestoneConfig config;

  // --- Reading -------------------------------------------------------------------------------

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
    return Plan.<Plan>list("order by id").stream().map(CatalogueService::view).toList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Views.PlanView planView(String code) {
    return view(plan(code));
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
    return Measure.<Measure>list(q, params).stream().map(m -> view(p, m)).toList();
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
    return rows.stream().map(t -> view(p, t, measures.getOrDefault(t.id, List.of()))).toList();
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
                .map(m -> view(p, m))
                .toList();
    Map<String, ResponsibleUnit> units = units();
    List<Views.AssignmentView> current =
        Assignment.<Assignment>list("taskId = ?1 and endedAt is null order by unitCode", t.id)
            .stream()
            .map(a -> view(a, units.get(a.unitCode)))
            .toList();
    TaskBinding b = TaskBinding.findById(t.id);
    return new Views.TaskDetailView(
        view(p, t, numbers),
        measures,
        current,
        b == null ? null : new Views.BindingView(b.source, b.targetCode, b.version),
        annotations(t.id));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Views.AnnotationView> annotations(long taskId) {
    task(taskId);
    return Annotation.<Annotation>list("taskId = ?1 order by id", taskId).stream()
        .map(CatalogueService::view)
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

  // --- Adding --------------------------------------------------------------------------------

  public record NewPlan(
      String code,
      String title,
      String documentNumber,
      String issuer,
      LocalDate issueDate,
      int periodStart,
      int periodEnd,
      List<NewAction> actions,
      List<NewMeasure> measures) {}

  public record NewAction(int number, String title) {}

  public record NewMeasure(int number, String title, int actionNumber, String commitments) {}

  public Views.PlanView createPlan(Caller caller, NewPlan n) {
    requireCityAdmin(caller);
    List<FieldError> errors = new ArrayList<>();
    if (n.periodEnd() < n.periodStart()) {
      errors.add(new FieldError("periodEnd", "不得早于起始年 must not be before periodStart"));
    }
    Set<Integer> actionNumbers = new TreeSet<>();
    for (NewAction a : n.actions()) {
      if (!actionNumbers.add(a.number())) {
        errors.add(new FieldError("actions", "行动序号重复 duplicate action number " + a.number()));
      }
    }
    Set<Integer> measureNumbers = new TreeSet<>();
    for (NewMeasure m : n.measures()) {
      if (!measureNumbers.add(m.number())) {
        errors.add(new FieldError("measures", "措施序号重复 duplicate measure number " + m.number()));
      }
      if (!actionNumbers.contains(m.actionNumber())) {
        errors.add(
            new FieldError(
                "measures", "措施" + m.number() + "的行动不存在 unknown action " + m.actionNumber()));
      }
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
    if (Plan.byCode(n.code()).isPresent()) {
      throw ProblemException.conflict("Plan " + n.code() + " already exists");
    }
    em.createNativeQuery(
            "INSERT INTO plan (code, title, document_number, issuer, issue_date, period_start,"
                + " period_end, from_document) VALUES (:c, :t, :d, :i, :date, :s, :e, false)")
        .setParameter("c", n.code())
        .setParameter("t", n.title())
        .setParameter("d", n.documentNumber())
        .setParameter("i", n.issuer())
        .setParameter("date", n.issueDate())
        .setParameter("s", n.periodStart())
        .setParameter("e", n.periodEnd())
        .executeUpdate();
    Plan p = Plan.byCode(n.code()).orElseThrow();
    for (NewAction a : n.actions()) {
      em.createNativeQuery(
              "INSERT INTO action (plan_id, number, title, from_document) VALUES (:p, :n, :t, false)")
          .setParameter("p", p.id)
          .setParameter("n", a.number())
          .setParameter("t", a.title())
          .executeUpdate();
    }
    for (NewMeasure m : n.measures()) {
      em.createNativeQuery(
              "INSERT INTO measure (plan_id, number, numeral, title, action_number, commitments,"
                  + " from_document) VALUES (:p, :n, :nz, :t, :a, :c, false)")
          .setParameter("p", p.id)
          .setParameter("n", m.number())
          .setParameter("nz", ChineseNumeral.of(m.number()))
          .setParameter("t", m.title())
          .setParameter("a", m.actionNumber())
          .setParameter("c", m.commitments() == null ? "" : m.commitments())
          .executeUpdate();
    }
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("code", p.code);
    after.put("title", p.title);
    after.put("actions", actionNumbers);
    after.put("measures", measureNumbers);
    audit.append(
        caller,
        Roles.CITY_ADMIN,
        new AuditService.Change(
            "plan",
            p.id.toString(),
            "plan-" + p.id,
            null,
            "create",
            null,
            null,
            null,
            Map.of(),
            after));
    return view(p);
  }

  public record NewTask(
      String planCode,
      int actionNumber,
      int year,
      String textZh,
      LocalDate deadline,
      List<Integer> measures,
      List<String> responsibleUnits) {}

  /**
   * Adds a task of the bureau's own after the plan's tasks (next number, next position in its
   * cell). Without responsibleUnits the default rule applies (DefaultResponsibility).
   */
  public Views.TaskView createTask(Caller caller, NewTask n) {
    requireCityAdmin(caller);
    Plan p = plan(n.planCode());
    List<FieldError> errors = new ArrayList<>();
    LocalDate deadline = n.deadline() == null ? LocalDate.of(n.year(), 12, 31) : n.deadline();
    if (deadline.getYear() != n.year()) {
      errors.add(new FieldError("deadline", "须在任务年份内 must fall in the task's year"));
    }
    if (PlanAction.count("planId = ?1 and number = ?2", p.id, n.actionNumber()) == 0) {
      errors.add(new FieldError("actionNumber", "该规划无此行动 no such action in plan " + p.code));
    }
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
    Map<String, ResponsibleUnit> units = units();
    List<String> responsible = new ArrayList<>();
    if (n.responsibleUnits() == null || n.responsibleUnits().isEmpty()) {
      DefaultResponsibility.Units d = DefaultResponsibility.forTask(n.textZh().strip());
      for (ResponsibleUnit u : units.values()) {
        if ((d.city() && u.kind == UnitKind.CITY)
            || (d.everyDistrict()
                && u.kind == UnitKind.DISTRICT
                && u.inScopeOn(LocalDate.now(cn.jinan.edu.milestone.domain.Deadline.ZONE)))) {
          responsible.add(u.code);
        }
      }
    } else {
      for (String code : new TreeSet<>(n.responsibleUnits())) {
        if (!units.containsKey(code)) {
          errors.add(new FieldError("responsibleUnits", "未知单位 unknown unit " + code));
        }
        responsible.add(code);
      }
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
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
    for (Measure m : measures) {
      TaskMeasure tm = new TaskMeasure();
      tm.key = new TaskMeasure.Key(t.id, m.id);
      tm.planId = p.id;
      tm.actionNumber = t.actionNumber;
      tm.persist();
    }
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
        new AuditService.Change(
            "task",
            t.id.toString(),
            "task-" + t.id,
            null,
            "create",
            null,
            null,
            null,
            Map.of(),
            after));
    em.flush();
    return view(p, t, numbers);
  }

  public Views.AnnotationView annotate(Caller caller, long taskId, String text) {
    requireCityAdmin(caller);
    Task t = task(taskId);
    Annotation a = new Annotation();
    a.taskId = t.id;
    a.textZh = text.strip();
    a.author = caller.actor();
    a.createdAt = OffsetDateTime.now();
    a.persist();
    em.flush();
    audit.append(
        caller,
        Roles.CITY_ADMIN,
        new AuditService.Change(
            "annotation",
            a.id.toString(),
            "task-" + t.id,
            null,
            "annotate",
            null,
            null,
            null,
            Map.of(),
            Map.of("textZh", a.textZh)));
    em.flush();
    return view(a);
  }

  /**
   * Binds a task to a live figure, or replaces its binding. A new binding needs no If-Match; an
   * existing one is replaced only with If-Match of its version (from the task detail).
   */
  public Views.BindingView bind(
      Caller caller, long taskId, String ifMatch, BindingSource source, String targetCode) {
    requireCityAdmin(caller);
    Task t = task(taskId);
    TaskBinding b = TaskBinding.findById(t.id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    Map<String, Object> before = Map.of();
    if (b == null) {
      b = new TaskBinding();
      b.taskId = t.id;
    } else {
      cn.jinan.edu.platform.web.ETags.requireMatch(ifMatch, b.version);
      before = Map.of("source", b.source.name(), "targetCode", b.targetCode);
    }
    b.source = source;
    b.targetCode = targetCode;
    b.boundAt = OffsetDateTime.now();
    b.boundBy = caller.actor();
    b.persist();
    em.flush();
    audit.append(
        caller,
        Roles.CITY_ADMIN,
        new AuditService.Change(
            "binding",
            t.id.toString(),
            "task-" + t.id,
            null,
            "bind",
            null,
            null,
            null,
            before,
            Map.of("source", source.name(), "targetCode", targetCode)));
    return new Views.BindingView(b.source, b.targetCode, b.version);
  }

  static void requireCityAdmin(Caller caller) {
    if (!caller.hasRole(Roles.CITY_ADMIN)) {
      throw ProblemException.forbidden(
          "Only city-admin may change the catalogue; the token has roles " + caller.roles());
    }
  }

  // --- Views ---------------------------------------------------------------------------------

  static Views.PlanView view(Plan p) {
    return new Views.PlanView(
        p.id,
        p.code,
        p.title,
        p.documentNumber,
        p.issuer,
        p.issueDate,
        p.periodStart,
        p.periodEnd,
        p.fromDocument);
  }

  static Views.MeasureView view(Plan p, Measure m) {
    return new Views.MeasureView(
        p.code, m.number, m.numeral, m.title, m.actionNumber, m.commitments, m.fromDocument);
  }

  static Views.TaskView view(Plan p, Task t, List<Integer> measures) {
    return new Views.TaskView(
        t.id,
        p.code,
        t.number,
        t.actionNumber,
        t.year,
        t.ordinal,
        t.textZh,
        t.deadlineDate,
        t.deadline().lateFrom(),
        measures,
        t.fromDocument);
  }

  static Views.AnnotationView view(Annotation a) {
    return new Views.AnnotationView(a.id, a.taskId, a.textZh, a.author, a.createdAt);
  }

  static Views.AssignmentView view(Assignment a, ResponsibleUnit u) {
    return new Views.AssignmentView(
        a.id,
        a.taskId,
        a.unitCode,
        u.nameZh,
        u.kind,
        a.assignedAt,
        a.assignedBy,
        a.endedAt,
        a.endedBy,
        a.comment);
  }
}
