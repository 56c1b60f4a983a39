package cn.jinan.edu.gateway.client;

import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.circuitbreaker.CircuitBreakerState;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Circuit breaker (熔断器) of one backend, kept by Vert.x's circuit breaker: {@code failureThreshold}
 * consecutive failures open it, after {@code openDuration} its own timer makes it half-open (so
 * readiness reports HALF_OPEN before any call), a single trial call then closes or re-opens it.
 *
 * <p>Vert.x's breaker rather than SmallRye Fault Tolerance's Guard: the proxy path is Vert.x
 * futures on the event loop, which this breaker takes as they are (no CompletionStage per call, no
 * CDI), and SmallRye only leaves OPEN when the next call comes.
 *
 * <p>A closed circuit is the hot path and allocates nothing per request: the caller gets a shared
 * {@link Call}, a success is the library's own {@link CircuitBreaker#reset()} (what it does itself
 * after a successful operation) and only a failure goes through {@link CircuitBreaker#execute}. The
 * trial of a half-open circuit is a real {@code execute}. A call that says nothing about the
 * backend (the client went away, the gateway's own queue was full) is ignored: a closed circuit
 * keeps its count, an ignored trial is handed to the next caller, who becomes the trial.
 */
public final class BackendCircuit {
  /** Failures counted in a window this long; any success in between resets the count. */
  private static final Duration FAILURE_WINDOW = Duration.ofHours(1);

  private static final Throwable BACKEND_FAILED = new BackendFailure();
  private static final Handler<Promise<Void>> RECORD_FAILURE = p -> p.fail(BACKEND_FAILED);

  private final CircuitBreaker breaker;
  private final long openMillis;
  private final Call closedCall = new Call(null);
  private final AtomicReference<Promise<Void>> freedTrial = new AtomicReference<>();
  private volatile long openedAtNanos;

  BackendCircuit(Vertx vertx, String name, int failureThreshold, Duration openDuration) {
    if (failureThreshold < 1) {
      throw new IllegalArgumentException("failureThreshold must be at least 1");
    }
    this.openMillis = Math.max(1, openDuration.toMillis());
    CircuitBreakerOptions options =
        new CircuitBreakerOptions()
            .setMaxFailures(failureThreshold)
            .setResetTimeout(openMillis)
            .setFailuresRollingWindow(FAILURE_WINDOW.toMillis())
            // The route's own timer (from the end of the upload) decides what is too slow.
            .setTimeout(-1)
            .setMaxRetries(0)
            // No event-bus notifications or metrics objects per call.
            .setNotificationAddress(null);
    this.breaker =
        CircuitBreaker.create(name, vertx, options)
            .openHandler(v -> openedAtNanos = System.nanoTime())
            .closeHandler(v -> completeFreedTrial());
  }

  public CircuitBreakerState state() {
    return breaker.state();
  }

  /** Asks to make a call: a {@link Call} to report on exactly once, or null (refused). */
  public Call tryAcquire() {
    CircuitBreakerState state = breaker.state();
    if (state == CircuitBreakerState.CLOSED) {
      return closedCall;
    }
    if (state == CircuitBreakerState.OPEN) {
      return null;
    }
    Promise<Void> freed = freedTrial.getAndSet(null);
    if (freed != null) {
      return new Call(freed);
    }
    Call[] trial = new Call[1];
    breaker.<Void>execute(p -> trial[0] = new Call(p));
    return trial[0];
  }

  /** How long a refused caller should wait: the rest of the open duration, or all of it. */
  public long retryAfterMillis() {
    if (breaker.state() != CircuitBreakerState.OPEN) {
      return openMillis;
    }
    long open = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - openedAtNanos);
    return Math.max(1, openMillis - open);
  }

  long failureCount() {
    return breaker.failureCount();
  }

  void close() {
    breaker.close();
  }

  /**
   * A freed trial left over when the circuit closed (or opened again) without it: completing it as
   * a success is a reset, which is what happened anyway.
   */
  private void completeFreedTrial() {
    Promise<Void> freed = freedTrial.getAndSet(null);
    if (freed != null) {
      freed.tryComplete();
    }
  }

  /** One admitted call; {@code trial} is the library's operation when the circuit is half-open. */
  public final class Call {
    private final Promise<Void> trial;

    private Call(Promise<Void> trial) {
      this.trial = trial;
    }

    public void succeeded() {
      if (trial == null) {
        breaker.reset();
      } else {
        trial.tryComplete();
      }
    }

    /** Counted by the breaker a moment later, on the caller's event loop. */
    public void failed() {
      if (trial == null) {
        breaker.execute(RECORD_FAILURE);
      } else {
        trial.tryFail(BACKEND_FAILED);
      }
    }

    /** The call ended without saying anything about the backend (e.g. the client gave up). */
    public void ignored() {
      if (trial == null) {
        return;
      }
      freedTrial.set(trial);
      if (breaker.state() != CircuitBreakerState.HALF_OPEN) {
        completeFreedTrial();
      }
    }
  }

  /** What the breaker is told about a failed call; the proxy has answered the client already. */
  private static final class BackendFailure extends RuntimeException {
    BackendFailure() {
      super("backend call failed", null, false, false);
    }
  }
}
