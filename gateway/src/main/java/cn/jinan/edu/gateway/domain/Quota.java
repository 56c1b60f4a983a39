package cn.jinan.edu.gateway.domain;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;

/**
 * A rate-limit group's quota (限流): {@code limit} requests per {@code window} and client, as a
 * Bucket4j token bucket refilled all at once at the end of each window, so that it maps onto the
 * RateLimit-Limit / Remaining / Reset headers of the IETF draft.
 */
public record Quota(String group, long limit, Duration window, BucketConfiguration bucket) {

  /** The bucket configuration is built once here, not on every request. */
  public Quota(String group, long limit, Duration window) {
    this(group, limit, window, configuration(limit, window));
  }

  private static BucketConfiguration configuration(long limit, Duration window) {
    if (limit < 1 || window.isZero() || window.isNegative()) {
      throw new IllegalArgumentException("limit and window must be positive");
    }
    return BucketConfiguration.builder()
        .addLimit(Bandwidth.builder().capacity(limit).refillIntervally(limit, window).build())
        .build();
  }

  /** The one limit of the bucket, for a replica's own bucket. */
  public Bandwidth bandwidth() {
    return bucket.getBandwidths()[0];
  }

  /** The answer for one request; the seconds are what the headers carry (at least 1). */
  public record Decision(boolean allowed, long limit, long remaining, long resetSeconds) {

    public static Decision of(Quota quota, ConsumptionProbe probe) {
      long nanos =
          probe.isConsumed() ? probe.getNanosToWaitForReset() : probe.getNanosToWaitForRefill();
      long seconds = Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
      return new Decision(
          probe.isConsumed(), quota.limit(), Math.max(0, probe.getRemainingTokens()), seconds);
    }
  }
}
