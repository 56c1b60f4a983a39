package cn.jinan.edu.registry.service;

import cn.jinan.edu.platform.data.ClusterJobs;
import cn.jinan.edu.registry.config.RegistryConfig;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;

/**
 * FILED → ACTIVE on the start date, ACTIVE → EXPIRED after the end date (Asia/Shanghai days). One
 * replica runs it per interval (platform-data ClusterJobs); the others skip that period.
 */
@ApplicationScoped
public class LifecycleJob {

  @Inject RegistrationWorkflow registrations;
  @Inject RegistryConfig config;
  @Inject ClusterJobs jobs;

  @Scheduled(
      identity = "registry-lifecycle",
      every = "${registry.lifecycle-interval:10m}",
      delayed = "${registry.lifecycle-delay:30s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void run(ScheduledExecution execution) {
    jobs.runCounting(
        execution,
        "registration(s) moved on",
        () -> registrations.advanceLifecycle(LocalDate.now(config.zone())));
  }
}
