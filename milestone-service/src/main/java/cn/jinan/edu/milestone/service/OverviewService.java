package cn.jinan.edu.milestone.service;

import cn.jinan.edu.milestone.api.Views;
import cn.jinan.edu.milestone.config.MilestoneConfig;
import cn.jinan.edu.milestone.domain.AsOf;
import cn.jinan.edu.milestone.domain.DerivedState;
import cn.jinan.edu.milestone.domain.Measure;
import cn.jinan.edu.milestone.domain.PlanAction;
import cn.jinan.edu.milestone.domain.Rollup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The city overview: every task's derived state (ProgressService) counted for the city, by action,
 * year and measure (tasks by their overall state) and by district (that district's assignments).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class OverviewService {
  @Inject MilestoneConfig config;
  @Inject ProgressService progress;
  @Inject CatalogueService catalogue;

  public Views.OverviewView overview(String planCode, AsOf asOf) {
    ProgressService.Snapshot s = progress.snapshot(planCode, asOf);
    List<Views.TaskStatusView> tasks = s.tasks();
    Views.RollupRow city =
        row(
            FigureService.CITY,
            s.plan().title,
            Rollup.count(tasks.stream().map(Views.TaskStatusView::state).toList()));
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
        byAction(s),
        byYear(tasks),
        byMeasure(s),
        byDistrict(tasks),
        stale,
        tasks);
  }

  private static List<Views.RollupRow> byAction(ProgressService.Snapshot s) {
    Map<Integer, String> names =
        PlanAction.<PlanAction>list("planId", s.plan().id).stream()
            .collect(Collectors.toMap(a -> a.number, a -> a.title));
    List<Views.TaskStatusView> sorted =
        s.tasks().stream()
            .sorted(Comparator.comparingInt(Views.TaskStatusView::actionNumber))
            .toList();
    List<Views.RollupRow> rows = new ArrayList<>();
    Rollup.by(sorted, t -> List.of(t.actionNumber()), Views.TaskStatusView::state)
        .forEach((k, c) -> rows.add(row(k.toString(), names.get(k), c)));
    return rows;
  }

  private static List<Views.RollupRow> byYear(List<Views.TaskStatusView> tasks) {
    List<Views.TaskStatusView> sorted =
        tasks.stream().sorted(Comparator.comparingInt(Views.TaskStatusView::year)).toList();
    List<Views.RollupRow> rows = new ArrayList<>();
    Rollup.by(sorted, t -> List.of(t.year()), Views.TaskStatusView::state)
        .forEach((k, c) -> rows.add(row(k.toString(), k + "年", c)));
    return rows;
  }

  /** A task counts under each measure it serves. */
  private List<Views.RollupRow> byMeasure(ProgressService.Snapshot s) {
    Map<Integer, String> names =
        Measure.<Measure>list("planId", s.plan().id).stream()
            .collect(Collectors.toMap(m -> m.number, m -> m.numeral + " " + m.title));
    Map<Long, List<Integer>> measures = catalogue.measureNumbersOfPlan(s.plan().id);
    record TaskMeasure(int measure, DerivedState state) {}
    List<TaskMeasure> pairs = new ArrayList<>();
    for (Views.TaskStatusView t : s.tasks()) {
      for (int m : measures.getOrDefault(t.taskId(), List.of())) {
        pairs.add(new TaskMeasure(m, t.state()));
      }
    }
    pairs.sort(Comparator.comparingInt(TaskMeasure::measure));
    List<Views.RollupRow> rows = new ArrayList<>();
    Rollup.by(pairs, p -> List.of(p.measure()), TaskMeasure::state)
        .forEach((k, c) -> rows.add(row(k.toString(), names.get(k), c)));
    return rows;
  }

  /** Each 区县's task assignments (district, county or functional zone). */
  private static List<Views.RollupRow> byDistrict(List<Views.TaskStatusView> tasks) {
    record UnitState(String unit, String name, DerivedState state) {}
    List<UnitState> pairs = new ArrayList<>();
    for (Views.TaskStatusView t : tasks) {
      for (Views.UnitStatusView u : t.units()) {
        if (u.unitKind().districtLevel()) {
          pairs.add(new UnitState(u.unitCode(), u.unitNameZh(), u.state()));
        }
      }
    }
    pairs.sort(Comparator.comparing(UnitState::unit));
    Map<String, String> names = new HashMap<>();
    pairs.forEach(p -> names.put(p.unit(), p.name()));
    List<Views.RollupRow> rows = new ArrayList<>();
    Rollup.by(pairs, p -> List.of(p.unit()), UnitState::state)
        .forEach((k, c) -> rows.add(row(k, names.get(k), c)));
    return rows;
  }

  private static Views.RollupRow row(String key, String name, Rollup.Counts c) {
    return new Views.RollupRow(key, name, c.total(), c.counts(), c.percent());
  }
}
