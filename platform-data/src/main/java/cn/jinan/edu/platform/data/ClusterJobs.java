package cn.jinan.edu.platform.data;

import cn.jinan.edu.platform.problem.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.ScheduledExecution;
import io.quarkus.scheduler.Trigger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.IntSupplier;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * One runner per scheduled job across the replicas of a service. A {@code @Scheduled} method calls
 * {@link #runOnce}: the job runs inside one transaction that holds the job's PostgreSQL advisory
 * lock for as long as it runs, and only when this replica takes the period's turn ({@link
 * JobClaim}). A replica that stops (or dies) mid-run releases the lock and rolls its turn back, so
 * the next tick of another replica runs the job.
 */
@ApplicationScoped
public class ClusterJobs {
  private static final Logger LOG = Logger.getLogger(ClusterJobs.class);

  /** This replica in the platform_job_run table: host name (the pod) and a start-up id. */
  static final String RUNNER =
      ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();

  @Inject EntityManager em;
  @Inject MeterRegistry registry;

  private static final Duration JOB_TIMEOUT = Duration.ofMinutes(10);

  /**
   * The one way a {@code @Scheduled} method runs its work: once per period across the replicas
   * ({@link #runOnce}), within 10 minutes, and never throwing into the scheduler — a failure is
   * logged, its transaction (the turn included) rolls back, and the next tick of any replica tries
   * again.
   */
  public void run(ScheduledExecution execution, Runnable work) {
    String job = execution.getTrigger().getId();
    try {
      runOnce(execution, JOB_TIMEOUT, work);
    } catch (ProblemException e) {
      LOG.infof(
          "Scheduled job %s did not complete (%s); the next period tries again",
          job, e.getMessage());
    } catch (RuntimeException e) {
      LOG.warnf(e, "Scheduled job %s failed; the next period tries again", job);
    }
  }

  /** {@link #run} for work that answers how many things it changed; a non-zero count is logged. */
  public void runCounting(ScheduledExecution execution, String changed, IntSupplier work) {
    String job = execution.getTrigger().getId();
    run(
        execution,
        () -> {
          int n = work.getAsInt();
          if (n > 0) {
            LOG.infof("Scheduled job %s: %d %s", job, n, changed);
          }
        });
  }

  /** platform_job_turns_total{job, outcome}: ran here, or skipped (another replica's turn). */
  private void count(String job, String outcome) {
    registry.counter("platform.job.turns", "job", job, "outcome", outcome).increment();
  }

  /**
   * The same for a {@code @Scheduled} method: the job is its trigger's identity (set one, the same
   * on every replica) and the period the time from this fire to the next.
   */
  public boolean runOnce(ScheduledExecution execution, Duration timeout, Runnable work) {
    Trigger trigger = execution.getTrigger();
    Instant next = trigger.getNextFireTime();
    Duration period =
        next == null ? Duration.ZERO : Duration.between(execution.getScheduledFireTime(), next);
    return runOnce(trigger.getId(), period.isNegative() ? Duration.ZERO : period, timeout, work);
  }

  /**
   * Runs {@code work} if this replica takes the turn of {@code job} for the current period; the
   * work joins the claiming transaction. Answers whether it ran.
   */
  public boolean runOnce(String job, Duration period, Duration timeout, Runnable work) {
    return QuarkusTransaction.requiringNew()
        .timeout((int) Math.max(1, timeout.toSeconds()))
        .call(
            () -> {
              boolean mine =
                  em.unwrap(Session.class)
                      .doReturningWork(conn -> JobClaim.take(conn, job, period, RUNNER));
              if (!mine) {
                LOG.debugf("job %s: another replica has this period's turn", job);
                count(job, "skipped");
                return false;
              }
              work.run();
              count(job, "ran");
              return true;
            });
  }
}
