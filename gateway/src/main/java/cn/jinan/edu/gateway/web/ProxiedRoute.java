package cn.jinan.edu.gateway.web;

import cn.jinan.edu.gateway.client.Backend;
import cn.jinan.edu.gateway.client.Backends;
import cn.jinan.edu.gateway.config.GatewayConfig;
import cn.jinan.edu.gateway.domain.PathRule;
import cn.jinan.edu.gateway.domain.Quota;
import java.util.List;

/** A configured route with its parsed rules, read on every request that takes it. */
final class ProxiedRoute {
  final String name;
  final String prefix;

  /** How metrics and the access log name the route, e.g. {@code /registry/**}. */
  final String template;

  final GatewayConfig.Route config;
  final Backend backend;
  final List<PathRule> publicRules;
  final Quota quota;
  final Quota publicQuota;
  final String rewrite;
  final long timeoutMillis;
  final long maxBodySize;

  ProxiedRoute(String name, GatewayConfig.Route config, Backends backends, RateLimits rateLimits) {
    this.name = name;
    String p = config.prefix().trim();
    this.prefix = p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    this.template = prefix + "/**";
    this.config = config;
    this.backend = backends.get(config.backend());
    this.publicRules = config.publicPaths().stream().map(PathRule::parse).toList();
    this.quota = rateLimits.group(config.rateLimitGroup());
    this.publicQuota = rateLimits.group(config.publicRateLimitGroup());
    this.rewrite = config.rewrite().orElse("");
    this.timeoutMillis = config.timeout().toMillis();
    this.maxBodySize = config.maxBodySize().asLongValue();
  }
}
