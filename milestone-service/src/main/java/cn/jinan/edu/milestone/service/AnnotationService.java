package cn.jinan.edu.milestone.service;

import cn.jinan.edu.milestone.api.Views;
import cn.jinan.edu.milestone.domain.Annotation;
import cn.jinan.edu.milestone.domain.Task;
import cn.jinan.edu.platform.data.AuditService;
import cn.jinan.edu.platform.security.Caller;
import cn.jinan.edu.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;

/** city-admin notes on a task (批注); the task's own text never changes. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class AnnotationService {
  @Inject EntityManager em;
  @Inject AuditService audit;
  @Inject CatalogueService catalogue;

  public Views.AnnotationView annotate(Caller caller, long taskId, String text) {
    CatalogueService.requireCityAdmin(caller);
    Task t = catalogue.task(taskId);
    Annotation a = new Annotation();
    a.taskId = t.id;
    a.textZh = text.strip();
    a.author = caller.actor();
    a.createdAt = OffsetDateTime.now();
    a.persist();
    em.flush();
    audit.append(
        caller,
        Roles.CITY_ADMIN,
        AuditService.Change.of("annotation", a.id)
            .aggregate("task-" + t.id)
            .action("annotate")
            .after(a));
    em.flush();
    return CatalogueViews.view(a);
  }
}
