package cn.jinan.edu.milestone.service;

import cn.jinan.edu.milestone.domain.Assignment;
import cn.jinan.edu.milestone.domain.Deadline;
import cn.jinan.edu.milestone.domain.Plan;
import cn.jinan.edu.milestone.domain.ProgressReport;
import cn.jinan.edu.milestone.domain.ReportAction;
import cn.jinan.edu.milestone.domain.ReportLifecycle;
import cn.jinan.edu.milestone.domain.ReportState;
import cn.jinan.edu.milestone.domain.ReportStatus;
import cn.jinan.edu.milestone.domain.ResponsibleUnit;
import cn.jinan.edu.milestone.domain.Task;
import cn.jinan.edu.milestone.domain.UnitKind;
import cn.jinan.edu.platform.data.AuditService;
import cn.jinan.edu.platform.data.AuditView;
import cn.jinan.edu.platform.data.EventService;
import cn.jinan.edu.platform.paging.Page;
import cn.jinan.edu.platform.problem.FieldError;
import cn.jinan.edu.platform.problem.ProblemException;
import cn.jinan.edu.platform.security.Caller;
import cn.jinan.edu.platform.security.Roles;
import cn.jinan.edu.platform.web.ETags;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Progress reports (进度报告). The district-reviewer of a district (its own only) or city-admin reports
 * per task and responsible unit; the city accepts or returns; an accepted report is locked until
 * the city reopens it. Every step is audited; acceptance and return are events.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class ReportService {
  private static final String[] CITY_WIDE_READERS = {
    Roles.CITY_ADMIN, Roles.AUDITOR, Roles.DATA_REPORTER
  };

  @Inject EntityManager em;
  @Inject AuditService audit;
  @Inject EventService events;
  @Inject CatalogueService catalogue;

  /** What a unit reports. */
  public record Content(
      String unitCode,
      ReportStatus status,
      int percent,
      String narrative,
      List<String> evidence,
      LocalDate asOf) {}

  public record Filter(Long taskId, String unitCode, ReportState state) {}

  public Views.ReportView create(Caller caller, long taskId, Content c) {
    Task t = catalogue.task(taskId);
    String role = requireReporter(caller, c.unitCode());
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
    audit.append(
        caller, role, change(r, "submit", null, r.state.name(), null, Map.of(), fields(r)));
    return view(caller, r, t);
  }

  /** Corrects a submitted or returned report; it is (re)submitted for review. */
  public Views.ReportView update(Caller caller, long id, String ifMatch, Content c) {
    ProgressReport r = lock(id);
    String role = requireReporter(caller, r.unitCode);
    ETags.requireMatch(ifMatch, r.version);
    if (!ReportLifecycle.editable(r.state)) {
      throw ProblemException.illegalTransition(
          "An accepted report is locked; only city-admin can reopen it",
          r.state.name(),
          allowedActions(caller, r));
    }
    if (!c.unitCode().equals(r.unitCode)) {
      throw ProblemException.invalid("unitCode", "报告单位不可更改 the unit of a report cannot change");
    }
    validate(c);
    Map<String, Object> before = fields(r);
    ReportState from = r.state;
    apply(r, c);
    r.state = ReportState.SUBMITTED;
    r.submittedBy = caller.actor();
    r.submittedAt = OffsetDateTime.now();
    em.flush();
    audit.append(
        caller, role, change(r, "resubmit", from.name(), r.state.name(), null, before, fields(r)));
    return view(caller, r, Task.findById(r.taskId));
  }

  public Views.ReportView transition(
      Caller caller, long id, ReportAction action, String ifMatch, String comment) {
    ProgressReport r = lock(id);
    if (!caller.hasRole(Roles.CITY_ADMIN)) {
      throw ProblemException.forbidden(
          "Only city-admin may "
              + action.pathName()
              + " a progress report; the token has roles "
              + caller.roles());
    }
    ETags.requireMatch(ifMatch, r.version);
    if (action.requiresComment && (comment == null || comment.isBlank())) {
      throw ProblemException.invalid(
          "comment", "退回和重新打开须说明理由 (a comment is required to " + action.pathName() + ")");
    }
    ReportState from = r.state;
    ReportState to;
    try {
      to = ReportLifecycle.next(from, action);
    } catch (IllegalStateException e) {
      throw ProblemException.illegalTransition(
          e.getMessage(), from.name(), allowedActions(caller, r));
    }
    Map<String, Object> before = fields(r);
    r.state = to;
    r.reviewedBy = caller.actor();
    r.reviewedAt = OffsetDateTime.now();
    r.reviewComment = comment == null || comment.isBlank() ? null : comment.strip();
    em.flush();
    audit.append(
        caller,
        Roles.CITY_ADMIN,
        change(r, action.pathName(), from.name(), to.name(), r.reviewComment, before, fields(r)));
    Task t = Task.findById(r.taskId);
    String type =
        switch (action) {
          case ACCEPT -> "report.accepted";
          case RETURN -> "report.returned";
          case REOPEN -> "report.reopened";
        };
    events.append(type, "reports/" + r.id, eventData(r, t));
    return view(caller, r, t);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Views.ReportView get(Caller caller, long id) {
    ProgressReport r = ProgressReport.findById(id);
    if (r == null) {
      throw ProblemException.notFound("ProgressReport", id);
    }
    requireRead(caller, r.unitCode);
    return view(caller, r, Task.findById(r.taskId));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<Views.ReportView> list(Caller caller, Filter f, long after, int limit) {
    StringBuilder q = new StringBuilder("id > :after");
    Parameters p = Parameters.with("after", after);
    String unit = f.unitCode();
    if (!caller.hasAnyRole(CITY_WIDE_READERS)) {
      String own = ownDistrict(caller);
      if (unit != null && !unit.equals(own)) {
        throw ProblemException.forbidden(
            "A district-reviewer reads only its own district's reports (" + own + ")");
      }
      unit = own;
    }
    if (unit != null) {
      q.append(" and unitCode = :u");
      p = p.and("u", unit);
    }
    if (f.taskId() != null) {
      q.append(" and taskId = :t");
      p = p.and("t", f.taskId());
    }
    if (f.state() != null) {
      q.append(" and state = :s");
      p = p.and("s", f.state());
    }
    List<ProgressReport> rows =
        ProgressReport.<ProgressReport>find(q + " order by id", p).page(0, limit + 1).list();
    return Page.of(rows, limit, r -> Long.toString(r.id))
        .map(r -> view(caller, r, Task.findById(r.taskId)));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<AuditView> auditTrail(Caller caller, long id, long after, int limit) {
    ProgressReport r = ProgressReport.findById(id);
    if (r == null) {
      throw ProblemException.notFound("ProgressReport", id);
    }
    requireRead(caller, r.unitCode);
    return audit.forAggregate("report-" + r.id, after, limit);
  }

  // --- Rules ---------------------------------------------------------------------------------

  /**
   * city-admin reports for any unit; a district-reviewer only for its own district (never for the
   * city or a department); nobody else reports.
   */
  private String requireReporter(Caller caller, String unitCode) {
    if (!caller.hasAnyRole(Roles.CITY_ADMIN, Roles.DISTRICT_REVIEWER)) {
      throw ProblemException.forbidden(
          "Only a district-reviewer (for its own district) or city-admin may report progress; the"
              + " token has roles "
              + caller.roles());
    }
    return caller.requireDistrict(unitCode, Roles.CITY_ADMIN, Roles.DISTRICT_REVIEWER);
  }

  private void requireRead(Caller caller, String unitCode) {
    if (caller.hasAnyRole(CITY_WIDE_READERS)) {
      return;
    }
    if (!caller.mayActForDistrict(Roles.DISTRICT_REVIEWER, unitCode)) {
      throw ProblemException.forbidden(
          "Reports of unit "
              + unitCode
              + " are outside the token's scope (roles "
              + caller.roles()
              + ", district_code "
              + caller.districtCode().orElse("(none)")
              + ")");
    }
  }

  private static String ownDistrict(Caller caller) {
    if (!caller.hasRole(Roles.DISTRICT_REVIEWER)) {
      throw ProblemException.forbidden(
          "Reading progress reports needs city-admin, auditor, data-reporter or district-reviewer");
    }
    return caller
        .districtCode()
        .orElseThrow(() -> ProblemException.forbidden("The token has no district_code"));
  }

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

  private List<String> allowedActions(Caller caller, ProgressReport r) {
    List<String> out = new ArrayList<>();
    if (caller.hasRole(Roles.CITY_ADMIN)) {
      ReportLifecycle.allowed(r.state).forEach(a -> out.add(a.pathName()));
    }
    if (ReportLifecycle.editable(r.state)
        && caller
            .roleForDistrict(r.unitCode, Roles.CITY_ADMIN, Roles.DISTRICT_REVIEWER)
            .isPresent()) {
      out.add("edit");
    }
    return out;
  }

  private static AuditService.Change change(
      ProgressReport r,
      String action,
      String from,
      String to,
      String comment,
      Map<String, Object> before,
      Map<String, Object> after) {
    ResponsibleUnit u = ResponsibleUnit.findById(r.unitCode);
    return new AuditService.Change(
        "report",
        r.id.toString(),
        "report-" + r.id,
        u != null && u.kind == UnitKind.DISTRICT ? r.unitCode : null,
        action,
        from,
        to,
        comment,
        before,
        after);
  }

  private static Map<String, Object> fields(ProgressReport r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("taskId", r.taskId);
    m.put("unitCode", r.unitCode);
    m.put("status", r.status.name());
    m.put("percent", r.percent);
    m.put("narrative", r.narrative);
    m.put("evidence", r.evidence == null ? List.of() : Arrays.asList(r.evidence));
    m.put("asOf", r.asOf.toString());
    m.put("state", r.state.name());
    return m;
  }

  private static Map<String, Object> eventData(ProgressReport r, Task t) {
    Plan p = Plan.findById(t.planId);
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("reportId", r.id);
    d.put("plan", p.code);
    d.put("taskId", t.id);
    d.put("taskNumber", t.number);
    d.put("unitCode", r.unitCode);
    d.put("status", r.status.name());
    d.put("percent", r.percent);
    d.put("asOf", r.asOf.toString());
    d.put("state", r.state.name());
    if (r.reviewComment != null) {
      d.put("comment", r.reviewComment);
    }
    return d;
  }

  private Views.ReportView view(Caller caller, ProgressReport r, Task t) {
    ResponsibleUnit u = ResponsibleUnit.findById(r.unitCode);
    return new Views.ReportView(
        r.id,
        r.taskId,
        t.number,
        r.unitCode,
        u == null ? null : u.nameZh,
        r.status,
        r.percent,
        r.narrative,
        r.evidence == null ? List.of() : List.of(r.evidence),
        r.asOf,
        r.state,
        r.state.labelZh,
        r.submittedBy,
        r.submittedAt,
        r.reviewedBy,
        r.reviewedAt,
        r.reviewComment,
        allowedActions(caller, r),
        r.version);
  }
}
