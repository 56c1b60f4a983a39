package cn.jinan.edu.gateway.web;

import cn.jinan.edu.gateway.config.GatewayConfig;
import cn.jinan.edu.gateway.domain.RateLimiter;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.TreeMap;

/** One limiter per configured rate-limit group; quotas are per client within a group. */
@ApplicationScoped
public class RateLimits {
  private final Map<String, RateLimiter> groups = new TreeMap<>();

  RateLimits(GatewayConfig config, Vertx vertx) {
    config
        .rateLimits()
        .forEach((name, g) -> groups.put(name, new RateLimiter(g.limit(), g.window())));
    // Forget clients whose window has ended so the table does not grow without bound.
    vertx.setPeriodic(60_000, id -> groups.values().forEach(RateLimiter::evictExpired));
  }

  public RateLimiter group(String name) {
    RateLimiter limiter = groups.get(name);
    if (limiter == null) {
      throw new IllegalStateException(
          "rate-limit group " + name + " is not configured (gateway.rate-limits." + name + ")");
    }
    return limiter;
  }
}
