package cn.jinan.edu.milestone.service;

import cn.jinan.edu.milestone.api.Views;
import cn.jinan.edu.milestone.domain.AsOf;
import cn.jinan.edu.milestone.domain.DerivedState;
import cn.jinan.edu.milestone.domain.Plan;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Announces due-soon and overdue tasks as events. Safe to run on every replica and any number of
 * times (AlertService remembers what it announced). States are computed outside the transaction, so
 * a slow source does not hold database locks.
 */
@ApplicationScoped
public class AlertJob {
  private static final Logger LOG = Logger.getLogger(AlertJob.class);

  @Inject ProgressService progress;
  @Inject AlertService alerts;

  @Scheduled(
      identity = "milestone-deadline-alerts",
      every = "${milestone.alerts.every:1h}",
      delayed = "${milestone.alerts.delay:60s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduled() {
    try {
      int n = runAt(Instant.now());
      if (n > 0) {
        LOG.infof("Deadline alerts: %d new announcement(s)", n);
      }
    } catch (RuntimeException e) {
      // The next run retries; an outage must not kill the scheduler.
      LOG.warn("Deadline alert job failed; will retry at the next run", e);
    }
  }

  /** One run as of {@code now}, over every plan; returns the number of new announcements. */
  @ActivateRequestContext
  public int runAt(Instant now) {
    AsOf asOf = AsOf.of(now);
    List<AlertService.Candidate> candidates = new ArrayList<>();
    for (Plan plan : Plan.<Plan>listAll()) {
      for (Views.TaskStatusView t : progress.snapshot(plan.code, asOf).tasks()) {
        for (Views.UnitStatusView u : t.units()) {
          if (u.state() == DerivedState.DUE_SOON || u.state() == DerivedState.OVERDUE) {
            candidates.add(new AlertService.Candidate(t, u));
          }
        }
      }
    }
    return candidates.isEmpty() ? 0 : alerts.announce(candidates);
  }
}
