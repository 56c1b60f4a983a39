package cn.jinan.edu.milestone.domain;

import cn.jinan.edu.platform.data.DomainEvent;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/**
 * The city accepted, returned or reopened a progress report (report.accepted, report.returned,
 * report.reopened). The components after {@code action} are the event's data; {@code comment} is
 * left out while there is none.
 */
public record ReportReviewed(
    @JsonIgnore ReportAction action,
    long reportId,
    String plan,
    long taskId,
    int taskNumber,
    String unitCode,
    ReportStatus status,
    int percent,
    LocalDate asOf,
    ReportState state,
    @JsonInclude(JsonInclude.Include.NON_NULL) String comment)
    implements DomainEvent {

  public static ReportReviewed of(ReportAction action, ProgressReport r, Task t, String plan) {
    return new ReportReviewed(
        action,
        r.id,
        plan,
        t.id,
        t.number,
        r.unitCode,
        r.status,
        r.percent,
        r.asOf,
        r.state,
        r.reviewComment);
  }

  @Override
  public String eventType() {
    return switch (action) {
      case ACCEPT -> "report.accepted";
      case RETURN -> "report.returned";
      case REOPEN -> "report.reopened";
      case EDIT -> throw new IllegalStateException("an edit is not a review event");
    };
  }

  @Override
  public String eventSubject() {
    return "reports/" + reportId;
  }
}
