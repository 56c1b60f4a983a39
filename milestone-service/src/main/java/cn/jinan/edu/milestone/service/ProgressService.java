package cn.jinan.edu.milestone.service;

import cn.jinan.edu.milestone.api.Views;
import cn.jinan.edu.milestone.config.MilestoneConfig;
import cn.jinan.edu.milestone.domain.AsOf;
import cn.jinan.edu.milestone.domain.Assignment;
import cn.jinan.edu.milestone.domain.DerivedState;
import cn.jinan.edu.milestone.domain.Figures;
import cn.jinan.edu.milestone.domain.Plan;
import cn.jinan.edu.milestone.domain.ProgressReport;
import cn.jinan.edu.milestone.domain.ProgressRules;
import cn.jinan.edu.milestone.domain.ProgressSource;
import cn.jinan.edu.milestone.domain.ReportState;
import cn.jinan.edu.milestone.domain.ResponsibleUnit;
import cn.jinan.edu.milestone.domain.Task;
import cn.jinan.edu.milestone.domain.TaskBinding;
import cn.jinan.edu.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Derived states (OVERDUE, DUE_SOON, AT_RISK, ON_TRACK, COMPLETED) of tasks at any moment, and
 * their roll-ups. Progress per responsible unit comes from a bound source's figure when the task is
 * bound, otherwise from the unit's latest accepted report as of that day, otherwise it is
 * NOT_STARTED at 0%. Responsible units are the current ones.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ProgressService {
  @Inject MilestoneConfig config;
  @Inject FigureService figures;
  @Inject CatalogueService catalogue;

  Clock clock = Clock.systemUTC();

  public AsOf asOf(String text) {
    try {
      return AsOf.parse(text, clock);
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid("asOf", e.getMessage());
    }
  }

  /** Every task of a plan with its units' states. */
  public record Snapshot(
      Plan plan, AsOf asOf, ProgressRules rules, List<Views.TaskStatusView> tasks) {}

  public Snapshot snapshot(String planCode, AsOf asOf) {
    Plan plan = catalogue.plan(planCode);
    List<Task> tasks = Task.list("planId = ?1 order by number", plan.id);
    return compute(plan, tasks, asOf);
  }

  public Views.TaskStatusView taskStatus(long taskId, AsOf asOf) {
    Task task = catalogue.task(taskId);
    Plan plan = Plan.findById(task.planId);
    return compute(plan, List.of(task), asOf).tasks().get(0);
  }

  /** What one computation reads once for all its tasks. */
  private record Inputs(
      ProgressRules rules,
      AsOf asOf,
      Map<String, ResponsibleUnit> units,
      Map<Long, List<Assignment>> assignments,
      Map<Long, TaskBinding> bindings,
      Map<String, ProgressReport> latest,
      FigureService.Lookup lookup) {}

  private Snapshot compute(Plan plan, List<Task> tasks, AsOf asOf) {
    ProgressRules rules =
        new ProgressRules(plan.issueDate, config.dueSoonDays(), config.atRiskMarginPoints());
    List<Long> ids = tasks.stream().map(t -> t.id).toList();
    Map<String, ResponsibleUnit> units =
        ResponsibleUnit.<ResponsibleUnit>listAll().stream()
            .collect(Collectors.toMap(u -> u.code, Function.identity()));
    Map<Long, List<Assignment>> assignments =
        ids.isEmpty()
            ? Map.of()
            : Assignment.<Assignment>list(
                    "taskId in ?1 and endedAt is null order by taskId, unitCode", ids)
                .stream()
                .collect(Collectors.groupingBy(a -> a.taskId));
    Map<Long, TaskBinding> bindings =
        ids.isEmpty()
            ? Map.of()
            : TaskBinding.<TaskBinding>list("taskId in ?1", ids).stream()
                .collect(Collectors.toMap(b -> b.taskId, Function.identity()));
    Inputs in =
        new Inputs(
            rules, asOf, units, assignments, bindings, latestAccepted(ids, asOf), figures.lookup());
    List<Views.TaskStatusView> out = new ArrayList<>();
    for (Task t : tasks) {
      out.add(taskStatus(plan, t, in));
    }
    return new Snapshot(plan, asOf, rules, out);
  }

  private static Views.TaskStatusView taskStatus(Plan plan, Task t, Inputs in) {
    TaskBinding binding = in.bindings().get(t.id);
    Map<String, Views.FigureView> figs =
        binding == null
            ? Map.of()
            : in.lookup().figures(binding.source, binding.targetCode, in.asOf().date());
    List<Views.UnitStatusView> unitViews = new ArrayList<>();
    for (Assignment a : in.assignments().getOrDefault(t.id, List.of())) {
      unitViews.add(unitStatus(t, a, binding, figs, in));
    }
    DerivedState overall;
    if (unitViews.isEmpty()) {
      // No unit is responsible (yet): the task is judged on its own, from its figure if bound.
      Optional<Views.FigureView> fig = Optional.ofNullable(figs.get(FigureService.CITY));
      ProgressRules.Progress p =
          fig.map(f -> Figures.progress(f.met(), f.progress())).orElse(ProgressRules.Progress.NONE);
      overall = in.rules().derive(p, t.deadline(), in.asOf().instant());
    } else {
      overall = ProgressRules.overall(unitViews.stream().map(Views.UnitStatusView::state).toList());
    }
    return new Views.TaskStatusView(
        t.id,
        plan.code,
        t.number,
        t.actionNumber,
        t.year,
        t.textZh,
        t.deadlineDate,
        in.asOf().instant(),
        Math.round(in.rules().expectedPercent(t.deadline(), in.asOf().instant()) * 10) / 10.0,
        overall,
        overall.labelZh,
        CatalogueViews.view(binding),
        unitViews);
  }

  /** A unit's progress: the bound figure, else its latest accepted report, else none. */
  private static Views.UnitStatusView unitStatus(
      Task t, Assignment a, TaskBinding binding, Map<String, Views.FigureView> figs, Inputs in) {
    ResponsibleUnit u = in.units().get(a.unitCode);
    Optional<Views.FigureView> fig =
        binding == null
            ? Optional.empty()
            : FigureService.forUnit(binding.source, figs, a.unitCode);
    ProgressReport r = in.latest().get(t.id + "/" + a.unitCode);
    ProgressRules.Progress p;
    ProgressSource source;
    if (fig.isPresent()) {
      p = Figures.progress(fig.get().met(), fig.get().progress());
      source = ProgressSource.BINDING;
    } else if (r != null) {
      p = r.progress();
      source = ProgressSource.REPORT;
    } else {
      p = ProgressRules.Progress.NONE;
      source = ProgressSource.NONE;
    }
    DerivedState s = in.rules().derive(p, t.deadline(), in.asOf().instant());
    return new Views.UnitStatusView(
        a.unitCode,
        u.nameZh,
        u.kind,
        s,
        s.labelZh,
        p.status(),
        p.percent(),
        source,
        source == ProgressSource.REPORT ? r.id : null,
        source == ProgressSource.REPORT ? r.asOf : null,
        fig.orElse(null));
  }

  /** The latest accepted report per (task, unit) with an as-of date on or before the day. */
  private Map<String, ProgressReport> latestAccepted(List<Long> ids, AsOf asOf) {
    Map<String, ProgressReport> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    List<ProgressReport> rows =
        ProgressReport.list(
            "taskId in ?1 and state = ?2 and asOf <= ?3 order by asOf, reviewedAt, id",
            ids,
            ReportState.ACCEPTED,
            asOf.date());
    for (ProgressReport r : rows) {
      out.put(r.taskId + "/" + r.unitCode, r); // later rows replace earlier ones
    }
    return out;
  }
}
