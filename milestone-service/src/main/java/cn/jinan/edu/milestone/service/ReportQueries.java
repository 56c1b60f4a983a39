package cn.jinan.edu.milestone.service;

import cn.jinan.edu.milestone.api.Views;
import cn.jinan.edu.milestone.domain.ProgressReport;
import cn.jinan.edu.milestone.domain.ReportState;
import cn.jinan.edu.milestone.domain.ResponsibleUnit;
import cn.jinan.edu.milestone.domain.Task;
import cn.jinan.edu.platform.data.AuditService;
import cn.jinan.edu.platform.data.AuditView;
import cn.jinan.edu.platform.paging.Page;
import cn.jinan.edu.platform.problem.ProblemException;
import cn.jinan.edu.platform.security.Caller;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/** Reading progress reports and their audit trail, within the caller's scope (ReportAccess). */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ReportQueries {
  @Inject AuditService audit;

  public record Filter(Long taskId, String unitCode, ReportState state) {}

  public Views.ReportView get(Caller caller, long id) {
    ProgressReport r = find(id);
    ReportAccess.requireRead(caller, r.unitCode);
    return view(caller, r, Task.findById(r.taskId));
  }

  public Page<Views.ReportView> list(Caller caller, Filter f, long after, int limit) {
    StringBuilder q = new StringBuilder("id > :after");
    Parameters p = Parameters.with("after", after);
    String unit = f.unitCode();
    if (!caller.hasAnyRole(ReportAccess.CITY_WIDE_READERS)) {
      String own = ReportAccess.ownDistrict(caller);
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

  public Page<AuditView> auditTrail(Caller caller, long id, long after, int limit) {
    ProgressReport r = find(id);
    ReportAccess.requireRead(caller, r.unitCode);
    return audit.forAggregate("report-" + r.id, after, limit);
  }

  private static ProgressReport find(long id) {
    ProgressReport r = ProgressReport.findById(id);
    if (r == null) {
      throw ProblemException.notFound("ProgressReport", id);
    }
    return r;
  }

  /** The report as this caller sees it, with the actions it may take now. */
  public Views.ReportView view(Caller caller, ProgressReport r, Task t) {
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
        ReportAccess.allowedActions(caller, r),
        r.version);
  }
}
