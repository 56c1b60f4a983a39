package cn.jinan.edu.milestone.domain;

import cn.jinan.edu.platform.data.DomainEvent;
import java.time.LocalDate;

/**
 * A responsible unit's part of a task became due soon or overdue (task.due-soon, task.overdue),
 * announced once per (task, unit, state). The components are the event's data.
 */
public record DeadlineReached(
    String plan,
    long taskId,
    int taskNumber,
    String textZh,
    LocalDate deadline,
    String unitCode,
    String unitNameZh,
    DerivedState state,
    ReportStatus status,
    int percent)
    implements DomainEvent {

  @Override
  public String eventType() {
    return state == DerivedState.OVERDUE ? "task.overdue" : "task.due-soon";
  }

  @Override
  public String eventSubject() {
    return "tasks/" + taskId + "/units/" + unitCode;
  }
}
