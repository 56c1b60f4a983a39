package cn.jinan.edu.gateway.web;

import cn.jinan.edu.gateway.client.RateLimitStore;
import cn.jinan.edu.gateway.config.GatewayConfig;
import cn.jinan.edu.gateway.domain.Quota;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;

/**
 * The configured rate-limit groups and the one store of their buckets. Metrics:
 * gateway_rate_limit_fallback_total counts requests limited per replica because Redis did not
 * answer; gateway_rate_limit_shared is 1 while the buckets are shared through Redis.
 */
@ApplicationScoped
public class RateLimits {
  private final Map<String, Quota> groups = new TreeMap<>();
  private final RateLimitStore store;

  RateLimits(GatewayConfig config, MeterRegistry registry) {
    config
        .rateLimits()
        .forEach((name, g) -> groups.put(name, new Quota(name, g.limit(), g.window())));
    Duration longest =
        groups.values().stream().map(Quota::window).max(Duration::compareTo).orElseThrow();
    Counter fallback =
        Counter.builder("gateway.rate_limit.fallback")
            .description("Requests limited per replica because Redis did not answer")
            .register(registry);
    GatewayConfig.Redis redis = config.redis();
    store =
        new RateLimitStore(
            new RateLimitStore.Settings(redis.url(), redis.keyPrefix(), redis.timeout(), longest),
            fallback::increment);
    Gauge.builder("gateway.rate_limit.shared", store, s -> s.shared() ? 1 : 0)
        .description("1 while rate-limit buckets are shared by the replicas through Redis")
        .register(registry);
  }

  public Quota group(String name) {
    Quota quota = groups.get(name);
    if (quota == null) {
      throw new IllegalStateException(
          "rate-limit group " + name + " is not configured (gateway.rate-limits." + name + ")");
    }
    return quota;
  }

  CompletionStage<Quota.Decision> tryConsume(Quota quota, String clientKey) {
    return store.tryConsume(quota, clientKey);
  }

  @PreDestroy
  void close() {
    store.close();
  }
}
