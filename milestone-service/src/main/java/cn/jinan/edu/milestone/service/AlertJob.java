package cn.jinan.edu.milestone.service;

import cn.jinan.edu.milestone.api.Views;
import cn.jinan.edu.milestone.domain.AsOf;
import cn.jinan.edu.milestone.domain.DerivedState;
import cn.jinan.edu.milestone.domain.Plan;
import cn.jinan.edu.platform.data.ClusterJobs;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Announces due-soon and overdue tasks as events. One replica runs it per period (platform-data
 * ClusterJobs); it is also safe to repeat (AlertService remembers what it announced), so a run
 * started from the API beside the scheduled one announces nothing twice.
 */
@ApplicationScoped
public class AlertJob {
  private static final Logger LOG = Logger.getLogger(AlertJob.class);
  private static final Duration JOB_TIMEOUT = Duration.ofMinutes(10);

  @Inject ClusterJobs jobs;
  @Inject ProgressService progress;
  @Inject AlertService alerts;

  @Scheduled(
      identity = "milestone-deadline-alerts",
      every = "${milestone.alerts.every:1h}",
      delayed = "${milestone.alerts.delay:60s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduled(ScheduledExecution execution) {
    // One replica takes each period (platform-data ClusterJobs); the others skip it.
    try {
      jobs.runOnce(
          execution,
          JOB_TIMEOUT,
          () -> {
            int n = runAt(Instant.now());
            if (n > 0) {
              LOG.infof("Deadline alerts: %d new announcement(s)", n);
            }
          });
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
