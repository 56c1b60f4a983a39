package cn.jinan.edu.milestone.service;

import cn.jinan.edu.milestone.domain.Assignment;
import cn.jinan.edu.milestone.domain.CalendarFeed;
import cn.jinan.edu.milestone.domain.Plan;
import cn.jinan.edu.milestone.domain.ResponsibleUnit;
import cn.jinan.edu.milestone.domain.Task;
import cn.jinan.edu.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Deadlines as iCalendar feeds, city-wide or for one responsible unit. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CalendarService {
  @Inject CatalogueService catalogue;

  public String city(String planCode) {
    Plan p = catalogue.plan(planCode);
    List<Task> tasks = Task.list("planId = ?1 order by deadlineDate, number", p.id);
    return CalendarFeed.write(p.title + " 任务完成时限", Instant.now(), entries(p, tasks));
  }

  public String unit(String planCode, String unitCode) {
    Plan p = catalogue.plan(planCode);
    ResponsibleUnit u = ResponsibleUnit.findById(unitCode);
    if (u == null) {
      throw ProblemException.notFound("Unit", unitCode);
    }
    Set<Long> ids =
        Assignment.<Assignment>list("unitCode = ?1 and endedAt is null", unitCode).stream()
            .map(a -> a.taskId)
            .collect(Collectors.toSet());
    List<Task> tasks =
        Task.<Task>list("planId = ?1 order by deadlineDate, number", p.id).stream()
            .filter(t -> ids.contains(t.id))
            .toList();
    return CalendarFeed.write(
        u.nameZh + " · " + p.title + " 任务完成时限", Instant.now(), entries(p, tasks));
  }

  private static List<CalendarFeed.Entry> entries(Plan p, List<Task> tasks) {
    return tasks.stream()
        .map(
            t ->
                new CalendarFeed.Entry(
                    "task-" + t.id + "-" + p.code.toLowerCase() + "@milestone.jinan-edu",
                    t.deadlineDate,
                    "【完成时限】任务" + t.number + "：" + t.textZh,
                    p.documentNumber
                        + " 重点任务清单 第"
                        + t.number
                        + "项\n"
                        + t.textZh
                        + "\n完成时限 deadline: "
                        + t.deadlineDate
                        + "（Asia/Shanghai）",
                    null))
        .toList();
  }
}
