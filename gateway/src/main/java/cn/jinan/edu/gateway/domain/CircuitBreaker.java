package cn.jinan.edu.gateway.domain;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Circuit breaker (熔断器) of one backend. CLOSED lets everything through and counts consecutive
 * failures; after {@code failureThreshold} of them it turns OPEN and refuses calls for {@code
 * openDuration}; then HALF_OPEN lets a single trial call through, whose outcome closes or re-opens
 * the circuit. Thread-safe; the clock is injectable so the rules are tested without waiting.
 */
public final class CircuitBreaker {
  public enum State {
    CLOSED,
    OPEN,
    HALF_OPEN
  }

  /** What a caller may do: proceed (and later report the outcome) or back off. */
  public record Permit(boolean allowed, long retryAfterMillis) {}

  private final int failureThreshold;
  private final long openNanos;
  private final LongSupplier nanoClock;

  private State state = State.CLOSED;
  private int consecutiveFailures;
  private long openedAt;
  private boolean trialInFlight;

  public CircuitBreaker(int failureThreshold, Duration openDuration, LongSupplier nanoClock) {
    if (failureThreshold < 1) {
      throw new IllegalArgumentException("failureThreshold must be at least 1");
    }
    this.failureThreshold = failureThreshold;
    this.openNanos = openDuration.toNanos();
    this.nanoClock = nanoClock;
  }

  public CircuitBreaker(int failureThreshold, Duration openDuration) {
    this(failureThreshold, openDuration, System::nanoTime);
  }

  /** Asks to make a call; every allowed call must be followed by exactly one report. */
  public synchronized Permit tryAcquire() {
    long now = nanoClock.getAsLong();
    if (state == State.OPEN) {
      long waited = now - openedAt;
      if (waited < openNanos) {
        return new Permit(false, Math.max(1, (openNanos - waited) / 1_000_000));
      }
      state = State.HALF_OPEN;
      trialInFlight = false;
    }
    if (state == State.HALF_OPEN) {
      if (trialInFlight) {
        return new Permit(false, Math.max(1, openNanos / 1_000_000));
      }
      trialInFlight = true;
    }
    return new Permit(true, 0);
  }

  public synchronized void onSuccess() {
    consecutiveFailures = 0;
    trialInFlight = false;
    state = State.CLOSED;
  }

  public synchronized void onFailure() {
    trialInFlight = false;
    consecutiveFailures++;
    if (state == State.HALF_OPEN || consecutiveFailures >= failureThreshold) {
      state = State.OPEN;
      openedAt = nanoClock.getAsLong();
    }
  }

  /** The call ended without saying anything about the backend (e.g. the client gave up). */
  public synchronized void onIgnored() {
    trialInFlight = false;
  }

  public synchronized State state() {
    if (state == State.OPEN && nanoClock.getAsLong() - openedAt >= openNanos) {
      return State.HALF_OPEN;
    }
    return state;
  }
}
