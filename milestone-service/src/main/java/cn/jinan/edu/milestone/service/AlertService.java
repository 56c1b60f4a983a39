package cn.jinan.edu.milestone.service;

import cn.jinan.edu.milestone.api.Views;
import cn.jinan.edu.milestone.domain.DeadlineReached;
import cn.jinan.edu.milestone.domain.DerivedState;
import cn.jinan.edu.platform.data.EventService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Records deadline announcements. Each (task, unit, kind) is announced once, whichever replica gets
 * there first: the insert into announcement and the event share one transaction, and a row that
 * already exists makes the insert a no-op (ON CONFLICT DO NOTHING), so no event follows.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class AlertService {
  @Inject EntityManager em;
  @Inject EventService events;

  /** A unit's part of a task found due soon or overdue. */
  public record Candidate(Views.TaskStatusView task, Views.UnitStatusView unit) {}

  /**
   * @return how many announcements were new
   */
  public int announce(List<Candidate> candidates) {
    int announced = 0;
    for (Candidate c : candidates) {
      DerivedState kind = c.unit().state();
      int inserted =
          em.createNativeQuery(
                  "INSERT INTO announcement (task_id, unit_code, kind) VALUES (:t, :u, :k)"
                      + " ON CONFLICT DO NOTHING")
              .setParameter("t", c.task().taskId())
              .setParameter("u", c.unit().unitCode())
              .setParameter("k", kind.name())
              .executeUpdate();
      if (inserted == 1) {
        events.append(event(c));
        announced++;
      }
    }
    return announced;
  }

  private static DeadlineReached event(Candidate c) {
    Views.TaskStatusView t = c.task();
    Views.UnitStatusView u = c.unit();
    return new DeadlineReached(
        t.plan(),
        t.taskId(),
        t.number(),
        t.textZh(),
        t.deadline(),
        u.unitCode(),
        u.unitNameZh(),
        u.state(),
        u.status(),
        u.percent());
  }
}
