package cn.jinan.edu.milestone.service;

import cn.jinan.edu.milestone.api.Views;
import cn.jinan.edu.milestone.domain.Assignment;
import cn.jinan.edu.milestone.domain.Deadline;
import cn.jinan.edu.milestone.domain.Plan;
import cn.jinan.edu.milestone.domain.ProgressReport;
import cn.jinan.edu.milestone.domain.ReportAction;
import cn.jinan.edu.milestone.domain.ReportLifecycle;
import cn.jinan.edu.milestone.domain.ReportReviewed;
import cn.jinan.edu.milestone.domain.ReportState;
import cn.jinan.edu.milestone.domain.ReportStatus;
import cn.jinan.edu.milestone.domain.ResponsibleUnit;
import cn.jinan.edu.milestone.domain.Task;
import cn.jinan.edu.platform.data.AuditService;
import cn.jinan.edu.platform.data.EventService;
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

/**
 * Progress reports (进度报告): a unit reports per task (ReportAccess says who), the city accepts or
 * returns; an accepted report is locked until the city reopens it (ReportLifecycle). Every step is
 * audited; acceptance, return and reopening are events.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class ReportService {
  @Inject EntityManager em;
  @Inject AuditService audit;
  @Inject EventService events;
  @Inject CatalogueService catalogue;
  @Inject ReportQueries queries;

  /** What a unit reports. */
  public record Content(
      String unitCode,
      ReportStatus status,
      int percent,
      String narrative,
      List<String> evidence,
      LocalDate asOf) {}

  public Views.ReportView create(Caller caller, long taskId, Content c) {
    Task t = catalogue.task(taskId);
    String role = ReportAccess.requireReporter(caller, c.unitCode());
    validate(c);
    requireAssigned(t, c.unitCode());
    ProgressReport open =
        ProgressReport.find(
                "taskId = ?1 and unitCode = ?2 and state in ?3",
                t.id,
                c.unitCode(),
                List.of(ReportState.SUBMITTED, ReportState.RETURNED))
            .firstResult();
    if (open != null) {
      throw ProblemException.conflict(
          "Report "
              + open.id
              + " of this task and unit is still "
              + open.state
              + "; edit that one (PUT /api/v1/reports/"
              + open.id
              + ") instead of opening another",
          Map.of("openReportId", open.id));
    }
    ProgressReport r = new ProgressReport();
    r.taskId = t.id;
    r.unitCode = c.unitCode();
    apply(r, c);
    r.state = ReportState.SUBMITTED;
    r.createdBy = caller.actor();
    r.createdAt = OffsetDateTime.now();
    r.submittedBy = caller.actor();
    r.submittedAt = r.createdAt;
    r.persist();
    em.flush();
    audit.append(caller, role, change(r, "submit").states(null, r.state).after(r));
    return queries.view(caller, r, t);
  }

  /** Corrects a submitted or returned report (EDIT); it is (re)submitted for review. */
  public Views.ReportView update(Caller caller, long id, String ifMatch, Content c) {
    ProgressReport r = lock(id);
    String role = ReportAccess.requireReporter(caller, r.unitCode);
    ETags.requireMatch(ifMatch, r.version);
    ReportState to =
        ReportLifecycle.REVIEW.next(
            r.state, ReportAction.EDIT, ReportAccess.callerMay(caller, r), ReportLifecycle::name);
    if (!c.unitCode().equals(r.unitCode)) {
      throw ProblemException.invalid("unitCode", "报告单位不可更改 the unit of a report cannot change");
    }
    validate(c);
    Map<String, Object> before = r.auditSnapshot();
    ReportState from = r.state;
    apply(r, c);
    r.state = to;
    r.submittedBy = caller.actor();
    r.submittedAt = OffsetDateTime.now();
    em.flush();
    audit.append(caller, role, change(r, "resubmit").states(from, to).before(before).after(r));
    return queries.view(caller, r, Task.findById(r.taskId));
  }

  /** The city's review: accept, return or reopen. */
  public Views.ReportView transition(
      Caller caller, long id, ReportAction action, String ifMatch, String comment) {
    ProgressReport r = lock(id);
    ReportAccess.requireReviewer(caller, action);
    ETags.requireMatch(ifMatch, r.version);
    if (action.requiresComment && (comment == null || comment.isBlank())) {
      throw ProblemException.invalid(
          "comment", "退回和重新打开须说明理由 (a comment is required to " + action.pathName() + ")");
    }
    ReportState from = r.state;
    ReportState to =
        ReportLifecycle.REVIEW.next(
            from, action, ReportAccess.callerMay(caller, r), ReportLifecycle::name);
    Map<String, Object> before = r.auditSnapshot();
    r.state = to;
    r.reviewedBy = caller.actor();
    r.reviewedAt = OffsetDateTime.now();
    r.reviewComment = comment == null || comment.isBlank() ? null : comment.strip();
    em.flush();
    audit.append(
        caller,
        Roles.CITY_ADMIN,
        change(r, action.pathName())
            .states(from, to)
            .comment(r.reviewComment)
            .before(before)
            .after(r));
    Task t = Task.findById(r.taskId);
    Plan p = Plan.findById(t.planId);
    events.append(ReportReviewed.of(action, r, t, p.code));
    return queries.view(caller, r, t);
  }

  // --- Rules ---------------------------------------------------------------------------------

  private static void validate(Content c) {
    List<FieldError> errors = new ArrayList<>();
    if (c.status() == ReportStatus.COMPLETED && c.percent() != 100) {
      errors.add(new FieldError("percent", "已完成时须为100 must be 100 when COMPLETED"));
    }
    if (c.status() == ReportStatus.NOT_STARTED && c.percent() != 0) {
      errors.add(new FieldError("percent", "未启动时须为0 must be 0 when NOT_STARTED"));
    }
    if (c.asOf().isAfter(LocalDate.now(Deadline.ZONE))) {
      errors.add(new FieldError("asOf", "不得晚于今天 must not be in the future (Asia/Shanghai)"));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
  }

  private static void requireAssigned(Task t, String unitCode) {
    if (Assignment.count("taskId = ?1 and unitCode = ?2 and endedAt is null", t.id, unitCode)
        == 0) {
      throw ProblemException.unprocessable(
          "Unit "
              + unitCode
              + " is not responsible for task "
              + t.number
              + " (see its assignments)");
    }
  }

  private static void apply(ProgressReport r, Content c) {
    r.status = c.status();
    r.percent = c.percent();
    r.narrative = c.narrative() == null ? "" : c.narrative().strip();
    r.evidence =
        c.evidence() == null
            ? new String[0]
            : c.evidence().stream().map(String::strip).toArray(String[]::new);
    r.asOf = c.asOf();
  }

  private ProgressReport lock(long id) {
    ProgressReport r = ProgressReport.findById(id, LockModeType.PESSIMISTIC_WRITE);
    if (r == null) {
      throw ProblemException.notFound("ProgressReport", id);
    }
    return r;
  }

  /** The report's trail entry; district reviewers read the entries of their 区县's reports. */
  private static AuditService.Change change(ProgressReport r, String action) {
    ResponsibleUnit u = ResponsibleUnit.findById(r.unitCode);
    return AuditService.Change.of("report", r.id)
        .aggregate("report-" + r.id)
        .district(u != null && u.kind.districtLevel() ? r.unitCode : null)
        .action(action);
  }
}
