package cn.jinan.edu.milestone.service;

import cn.jinan.edu.milestone.config.MilestoneConfig;
import cn.jinan.edu.milestone.domain.AsOf;
import cn.jinan.edu.milestone.domain.Assignment;
import cn.jinan.edu.milestone.domain.DerivedState;
import cn.jinan.edu.milestone.domain.Figures;
import cn.jinan.edu.milestone.domain.Measure;
import cn.jinan.edu.milestone.domain.Plan;
import cn.jinan.edu.milestone.domain.PlanAction;
import cn.jinan.edu.milestone.domain.ProgressReport;
import cn.jinan.edu.milestone.domain.ProgressRules;
import cn.jinan.edu.milestone.domain.ProgressSource;
import cn.jinan.edu.milestone.domain.ReportState;
import cn.jinan.edu.milestone.domain.ResponsibleUnit;
import cn.jinan.edu.milestone.domain.Rollup;
import cn.jinan.edu.milestone.domain.Task;
import cn.jinan.edu.milestone.domain.TaskBinding;
import cn.jinan.edu.milestone.domain.UnitKind;
import cn.jinan.edu.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
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
    Map<String, ProgressReport> latest = latestAccepted(ids, asOf);
    FigureService.Lookup lookup = figures.lookup();

    List<Views.TaskStatusView> out = new ArrayList<>();
    for (Task t : tasks) {
      TaskBinding binding = bindings.get(t.id);
      Map<String, Views.FigureView> figs =
          binding == null
              ? Map.of()
              : lookup.figures(binding.source, binding.targetCode, asOf.date());
      List<Views.UnitStatusView> unitViews = new ArrayList<>();
      for (Assignment a : assignments.getOrDefault(t.id, List.of())) {
        ResponsibleUnit u = units.get(a.unitCode);
        Optional<Views.FigureView> fig =
            binding == null
                ? Optional.empty()
                : FigureService.forUnit(binding.source, figs, a.unitCode);
        ProgressReport r = latest.get(t.id + "/" + a.unitCode);
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
        DerivedState s = rules.derive(p, t.deadline(), asOf.instant());
        unitViews.add(
            new Views.UnitStatusView(
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
                fig.orElse(null)));
      }
      DerivedState overall;
      if (unitViews.isEmpty()) {
        // No unit is responsible (yet): the task is judged on its own, from its figure if bound.
        Optional<Views.FigureView> fig = Optional.ofNullable(figs.get(FigureService.CITY));
        ProgressRules.Progress p =
            fig.map(f -> Figures.progress(f.met(), f.progress()))
                .orElse(ProgressRules.Progress.NONE);
        overall = rules.derive(p, t.deadline(), asOf.instant());
      } else {
        overall =
            ProgressRules.overall(unitViews.stream().map(Views.UnitStatusView::state).toList());
      }
      out.add(
          new Views.TaskStatusView(
              t.id,
              plan.code,
              t.number,
              t.actionNumber,
              t.year,
              t.textZh,
              t.deadlineDate,
              asOf.instant(),
              Math.round(rules.expectedPercent(t.deadline(), asOf.instant()) * 10) / 10.0,
              overall,
              overall.labelZh,
              binding == null
                  ? null
                  : new Views.BindingView(binding.source, binding.targetCode, binding.version),
              unitViews));
    }
    return new Snapshot(plan, asOf, rules, out);
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

  public Views.OverviewView overview(String planCode, AsOf asOf) {
    Snapshot s = snapshot(planCode, asOf);
    List<Views.TaskStatusView> tasks = s.tasks();
    Map<Integer, String> actionNames =
        PlanAction.<PlanAction>list("planId", s.plan().id).stream()
            .collect(Collectors.toMap(a -> a.number, a -> a.title));
    Map<Integer, String> measureNames =
        Measure.<Measure>list("planId", s.plan().id).stream()
            .collect(Collectors.toMap(m -> m.number, m -> m.numeral + " " + m.title));
    Map<Long, List<Integer>> measures = catalogue.measureNumbersOfPlan(s.plan().id);

    Views.RollupRow city =
        row(
            FigureService.CITY,
            s.plan().title,
            Rollup.count(tasks.stream().map(Views.TaskStatusView::state).toList()));

    List<Views.TaskStatusView> byAction =
        tasks.stream().sorted(Comparator.comparingInt(Views.TaskStatusView::actionNumber)).toList();
    List<Views.RollupRow> actions = new ArrayList<>();
    Rollup.by(byAction, t -> List.of(t.actionNumber()), Views.TaskStatusView::state)
        .forEach((k, c) -> actions.add(row(k.toString(), actionNames.get(k), c)));

    List<Views.TaskStatusView> byYear =
        tasks.stream().sorted(Comparator.comparingInt(Views.TaskStatusView::year)).toList();
    List<Views.RollupRow> years = new ArrayList<>();
    Rollup.by(byYear, t -> List.of(t.year()), Views.TaskStatusView::state)
        .forEach((k, c) -> years.add(row(k.toString(), k + "年", c)));

    record TaskMeasure(int measure, DerivedState state) {}
    List<TaskMeasure> pairs = new ArrayList<>();
    for (Views.TaskStatusView t : tasks) {
      for (int m : measures.getOrDefault(t.taskId(), List.of())) {
        pairs.add(new TaskMeasure(m, t.state()));
      }
    }
    pairs.sort(Comparator.comparingInt(TaskMeasure::measure));
    List<Views.RollupRow> measureRows = new ArrayList<>();
    Rollup.by(pairs, p -> List.of(p.measure()), TaskMeasure::state)
        .forEach((k, c) -> measureRows.add(row(k.toString(), measureNames.get(k), c)));

    record UnitState(String unit, String name, DerivedState state) {}
    List<UnitState> districtPairs = new ArrayList<>();
    for (Views.TaskStatusView t : tasks) {
      for (Views.UnitStatusView u : t.units()) {
        if (u.unitKind() == UnitKind.DISTRICT) {
          districtPairs.add(new UnitState(u.unitCode(), u.unitNameZh(), u.state()));
        }
      }
    }
    districtPairs.sort(Comparator.comparing(UnitState::unit));
    Map<String, String> districtNames = new HashMap<>();
    districtPairs.forEach(p -> districtNames.put(p.unit(), p.name()));
    List<Views.RollupRow> districts = new ArrayList<>();
    Rollup.by(districtPairs, p -> List.of(p.unit()), UnitState::state)
        .forEach((k, c) -> districts.add(row(k, districtNames.get(k), c)));

    boolean stale =
        tasks.stream()
            .flatMap(t -> t.units().stream())
            .anyMatch(u -> u.figure() != null && u.figure().stale());
    return new Views.OverviewView(
        s.plan().code,
        asOf.instant(),
        asOf.date(),
        config.dueSoonDays(),
        config.atRiskMarginPoints(),
        city,
        actions,
        years,
        measureRows,
        districts,
        stale,
        tasks);
  }

  private static Views.RollupRow row(String key, String name, Rollup.Counts c) {
    return new Views.RollupRow(key, name, c.total(), c.counts(), c.percent());
  }
}
