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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Announces due-soon and overdue tasks as events. One replica runs it per period (platform-data
 * ClusterJobs); it is also safe to repeat (AlertService remembers what it announced), so a run
 * started from the API beside the scheduled one announces nothing twice.
 */
@ApplicationScoped
public class AlertJob {

  @Inject ClusterJobs jobs;
  @Inject ProgressService progress;
  @Inject AlertService alerts;

  @Scheduled(
      identity = "milestone-deadline-alerts",
      every = "${milestone.alerts.every:1h}",
      delayed = "${milestone.alerts.delay:60s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduled(ScheduledExecution execution) {
    jobs.runCounting(execution, "new deadline announcement(s)", () -> runAt(Instant.now()));
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
