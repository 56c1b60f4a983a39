package cn.jinan.edu.milestone.client;

import cn.jinan.edu.milestone.config.MilestoneConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Reads from the other services, with retries. Timeouts are the REST clients' own
 * (quarkus.rest-client.*.connect-timeout / read-timeout); reads are safe to repeat. Every failure
 * ends as {@link Unavailable}, which the caller answers with the last known figure.
 */
@ApplicationScoped
public class Sources {
  private static final Logger LOG = Logger.getLogger(Sources.class);

  @Inject @RestClient QualityClient quality;
  @Inject @RestClient RegistryClient registry;
  @Inject MilestoneConfig config;

  /** Thrown when every attempt failed. */
  public static class Unavailable extends RuntimeException {
    public Unavailable(String what, Throwable cause) {
      super(what + " unavailable: " + cause.getMessage(), cause);
    }
  }

  public TargetEvaluation evaluation(String code, String asOf) {
    return read("quality-index-service target " + code, () -> quality.evaluation(code, asOf));
  }

  public FilingStatistics filingStatistics(String asOf) {
    return read("registry-service statistics", () -> registry.statistics(asOf));
  }

  private <T> T read(String what, Supplier<T> call) {
    int attempts = Math.max(1, config.peer().attempts());
    RuntimeException last = null;
    for (int i = 1; i <= attempts; i++) {
      try {
        T result = call.get();
        if (result == null) {
          throw new IllegalStateException("empty response");
        }
        return result;
      } catch (RuntimeException e) {
        last = e;
        LOG.debugf("%s: attempt %d of %d failed: %s", what, i, attempts, e.toString());
        if (i < attempts) {
          sleep();
        }
      }
    }
    LOG.warnf("%s unavailable after %d attempt(s): %s", what, attempts, last.toString());
    throw new Unavailable(what, last);
  }

  private void sleep() {
    try {
      Thread.sleep(config.peer().retryDelay().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
