package cn.jinan.edu.milestone.service;

import cn.jinan.edu.milestone.api.Views;
import cn.jinan.edu.milestone.domain.BindingSource;
import cn.jinan.edu.milestone.domain.Task;
import cn.jinan.edu.milestone.domain.TaskBinding;
import cn.jinan.edu.platform.data.AuditService;
import cn.jinan.edu.platform.security.Caller;
import cn.jinan.edu.platform.security.Roles;
import cn.jinan.edu.platform.web.ETags;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.Map;

/** city-admin binds a task to a live figure of another service (FigureService reads it). */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class BindingService {
  @Inject EntityManager em;
  @Inject AuditService audit;
  @Inject CatalogueService catalogue;

  /**
   * Binds a task, or replaces its binding. A new binding needs no If-Match; an existing one is
   * replaced only with If-Match of its version (from the task detail).
   */
  public Views.BindingView bind(
      Caller caller, long taskId, String ifMatch, BindingSource source, String targetCode) {
    CatalogueService.requireCityAdmin(caller);
    Task t = catalogue.task(taskId);
    TaskBinding b = TaskBinding.findById(t.id, LockModeType.PESSIMISTIC_WRITE);
    Map<String, Object> before = Map.of();
    if (b == null) {
      b = new TaskBinding();
      b.taskId = t.id;
    } else {
      ETags.requireMatch(ifMatch, b.version);
      before = b.auditSnapshot();
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
        AuditService.Change.of("binding", t.id)
            .aggregate("task-" + t.id)
            .action("bind")
            .before(before)
            .after(b));
    return CatalogueViews.view(b);
  }
}
