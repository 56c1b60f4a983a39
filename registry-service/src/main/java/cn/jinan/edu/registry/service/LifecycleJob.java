package cn.jinan.edu.registry.service;

import cn.jinan.edu.platform.data.ClusterJobs;
import cn.jinan.edu.registry.config.RegistryConfig;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import org.jboss.logging.Logger;

/**
 * FILED → ACTIVE on the start date, ACTIVE → EXPIRED after the end date (Asia/Shanghai days). One
 * replica runs it per interval (platform-data ClusterJobs); the others skip that period.
 */
@ApplicationScoped
public class LifecycleJob {
  private static final Logger LOG = Logger.getLogger(LifecycleJob.class);
  private static final Duration JOB_TIMEOUT = Duration.ofMinutes(10);

  @Inject RegistrationWorkflow registrations;
  @Inject RegistryConfig config;
  @Inject ClusterJobs jobs;

  @Scheduled(
      identity = "registry-lifecycle",
      every = "${registry.lifecycle-interval:10m}",
      delayed = "${registry.lifecycle-delay:30s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void run(ScheduledExecution execution) {
    try {
      jobs.runOnce(
          execution,
          JOB_TIMEOUT,
          () -> {
            int changed = registrations.advanceLifecycle(LocalDate.now(config.zone()));
            if (changed > 0) {
              LOG.infof("Lifecycle job moved %d registration(s)", changed);
            }
          });
    } catch (RuntimeException e) {
      // The next run retries; a database outage must not kill the scheduler.
      LOG.warn("Lifecycle job failed; will retry at the next run", e);
    }
  }
}
