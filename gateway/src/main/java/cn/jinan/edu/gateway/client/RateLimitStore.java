package cn.jinan.edu.gateway.client;

import cn.jinan.edu.gateway.domain.Quota;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.jboss.logging.Logger;

/**
 * Where the buckets live: in Redis (any Redis-protocol server) through Bucket4j's Lettuce proxy
 * manager, so that every gateway replica counts a client against the same quota; in this process
 * while Redis cannot be reached. The limiter never fails a request: a Redis error or timeout is
 * answered from the replica's own bucket, counted ({@code onFallback}) and logged at most every 30
 * s, and Redis is asked again after {@link #RETRY_AFTER}.
 */
public final class RateLimitStore implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(RateLimitStore.class);
  static final Duration RETRY_AFTER = Duration.ofSeconds(2);
  private static final long LOG_EVERY_NANOS = Duration.ofSeconds(30).toNanos();

  private final String keyPrefix;
  private final Duration timeout;
  private final Runnable onFallback;
  private final LongSupplier nanoTime = System::nanoTime;
  private final RedisClient client;
  private final RedisURI uri;
  private final Cache<String, Bucket> local;
  // One proxy per bucket, kept: its batching joins the concurrent requests of one client into one
  // Redis round trip (the profile showed a fifth of the gateway's CPU in a round trip per request).
  private final Cache<String, AsyncBucketProxy> remoteBuckets;

  private volatile AsyncProxyManager<byte[]> remote;
  private volatile CompletableFuture<?> connecting;
  private volatile long remoteAfterNanos;
  private volatile long lastLogNanos = Long.MIN_VALUE / 2;

  /**
   * Where the buckets are kept and for how long.
   *
   * @param redisUrl the Redis server, e.g. {@code redis://valkey:6379}; empty: this replica only
   * @param keyPrefix prefix of every key, shared by the replicas of one deployment
   * @param timeout the longest a Redis round trip may take before the local bucket answers
   * @param longestWindow the longest window of any quota (how long a local bucket is kept)
   */
  public record Settings(
      Optional<String> redisUrl, String keyPrefix, Duration timeout, Duration longestWindow) {}

  public RateLimitStore(Settings settings, Runnable onFallback) {
    this.keyPrefix = settings.keyPrefix();
    this.timeout = settings.timeout();
    this.onFallback = onFallback;
    Optional<String> redisUrl = settings.redisUrl();
    Duration longestWindow = settings.longestWindow();
    this.local =
        Caffeine.newBuilder().expireAfterAccess(longestWindow).maximumSize(100_000).build();
    this.remoteBuckets =
        Caffeine.newBuilder().expireAfterAccess(longestWindow).maximumSize(100_000).build();
    this.uri = redisUrl.filter(u -> !u.isBlank()).map(RedisURI::create).orElse(null);
    this.client = uri == null ? null : RedisClient.create();
    if (client != null) {
      client.setOptions(
          ClientOptions.builder()
              .autoReconnect(true)
              .timeoutOptions(TimeoutOptions.enabled(timeout))
              .build());
      connect();
    }
  }

  /** Whether buckets are kept in Redis right now (not in fallback). */
  public boolean shared() {
    return remote != null && nanoTime.getAsLong() >= remoteAfterNanos;
  }

  /** Takes one token of the client's bucket in this quota. */
  public CompletionStage<Quota.Decision> tryConsume(Quota quota, String clientKey) {
    String key = keyPrefix + quota.group() + ":" + clientKey;
    long now = nanoTime.getAsLong();
    AsyncProxyManager<byte[]> proxies = remote;
    if (proxies == null && client != null && now >= remoteAfterNanos) {
      connect();
    }
    if (proxies == null || now < remoteAfterNanos) {
      return CompletableFuture.completedFuture(localDecision(quota, key, null));
    }
    AsyncBucketProxy bucket =
        remoteBuckets.get(
            key,
            k ->
                proxies
                    .builder()
                    .withOptimization(Optimizations.batching())
                    .build(k.getBytes(StandardCharsets.UTF_8), quota.bucket()));
    return bucket
        .tryConsumeAndReturnRemaining(1)
        .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .handle(
            (probe, failure) ->
                failure == null
                    ? Quota.Decision.of(quota, probe)
                    : localDecision(quota, key, failure));
  }

  private Quota.Decision localDecision(Quota quota, String key, Throwable failure) {
    if (client != null) {
      if (failure != null) {
        remoteAfterNanos = nanoTime.getAsLong() + RETRY_AFTER.toNanos();
      }
      fallback(failure);
    }
    Bucket bucket = local.get(key, k -> Bucket.builder().addLimit(quota.bandwidth()).build());
    return Quota.Decision.of(quota, bucket.tryConsumeAndReturnRemaining(1));
  }

  private void fallback(Throwable failure) {
    onFallback.run();
    long now = nanoTime.getAsLong();
    if (now - lastLogNanos >= LOG_EVERY_NANOS) {
      lastLogNanos = now;
      LOG.warnf(
          "Rate limits are counted per replica: Redis at %s is not answering (%s). Requests go"
              + " on; every replica applies the full limit until Redis answers again.",
          uri, failure == null ? "not connected yet" : failure.toString());
    }
  }

  /** Connects once at a time; Lettuce then reconnects by itself after a dropped connection. */
  private synchronized void connect() {
    if (client == null || remote != null || (connecting != null && !connecting.isDone())) {
      return;
    }
    connecting =
        client
            .connectAsync(ByteArrayCodec.INSTANCE, uri)
            .toCompletableFuture()
            .thenAccept(this::connected)
            .exceptionally(
                e -> {
                  remoteAfterNanos = nanoTime.getAsLong() + RETRY_AFTER.toNanos();
                  return null;
                });
  }

  private void connected(StatefulRedisConnection<byte[], byte[]> connection) {
    remoteBuckets.invalidateAll();
    remote =
        Bucket4jLettuce.casBasedBuilder(connection)
            .expirationAfterWrite(
                ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                    Duration.ofSeconds(10)))
            .build()
            .asAsync();
    remoteAfterNanos = 0;
    LOG.infof("Rate limits are shared by the replicas through Redis at %s", uri);
  }

  @Override
  public void close() {
    if (client != null) {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
  }
}
