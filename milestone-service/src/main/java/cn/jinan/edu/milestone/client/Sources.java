package cn.jinan.edu.milestone.client;

import io.smallrye.faulttolerance.api.CircuitBreakerName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Reads from the other services (platform-peer's recipe): each read has a timeout, is retried (it
 * is a GET, safe to repeat) and sits behind a circuit breaker; the values are platform.peer.*.
 * Every failure, an open circuit included, ends as {@link Unavailable}: the last known figure is
 * the caller's, kept in the database with the time it was read, and FigureService answers with it
 * marked stale.
 */
@ApplicationScoped
public class Sources {
  private static final Logger LOG = Logger.getLogger(Sources.class);

  /** Circuit breaker names (CircuitBreakerMaintenance). */
  public static final String QUALITY_BREAKER = "quality-evaluation";

  public static final String REGISTRY_BREAKER = "registry-filing-statistics";

  @Inject @RestClient QualityClient quality;
  @Inject @RestClient RegistryClient registry;

  /** Thrown when the source could not answer. */
  public static class Unavailable extends RuntimeException {
    public Unavailable(String what, Throwable cause) {
      super(what + " unavailable: " + cause.getMessage(), cause);
    }
  }

  @Timeout
  @Retry
  @CircuitBreaker
  @CircuitBreakerName(QUALITY_BREAKER)
  @Fallback(fallbackMethod = "evaluationUnavailable")
  public TargetEvaluation evaluation(String code, String asOf) {
    return present(quality.evaluation(code, asOf));
  }

  @Timeout
  @Retry
  @CircuitBreaker
  @CircuitBreakerName(REGISTRY_BREAKER)
  @Fallback(fallbackMethod = "filingStatisticsUnavailable")
  public FilingStatistics filingStatistics(String asOf) {
    return present(registry.statistics(asOf));
  }

  TargetEvaluation evaluationUnavailable(String code, String asOf, Throwable cause) {
    throw unavailable("quality-index-service target " + code, cause);
  }

  FilingStatistics filingStatisticsUnavailable(String asOf, Throwable cause) {
    throw unavailable("registry-service statistics", cause);
  }

  private static <T> T present(T body) {
    if (body == null) {
      throw new IllegalStateException("empty response");
    }
    return body;
  }

  private static Unavailable unavailable(String what, Throwable cause) {
    LOG.warnf("%s unavailable: %s", what, cause.toString());
    return new Unavailable(what, cause);
  }
}
