package cn.jinan.edu.gateway.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Routes, backends and limits of the gateway. Everything that differs between environments comes
 * from environment variables (see application.properties and gateway/README.md).
 */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

  /** Backends by name (registry, milestone, quality, ...). */
  Map<String, Backend> backends();

  /** Routes by name: path prefix → backend. */
  Map<String, Route> routes();

  /** Rate-limit groups by name; routes refer to them. */
  Map<String, RateLimit> rateLimits();

  /**
   * The gateway's public base URL for the merged OpenAPI's servers; taken from the request when
   * unset.
   */
  Optional<String> publicUrl();

  /** How long fetched OpenAPI documents are served from the cache before being fetched again. */
  @WithDefault("60s")
  Duration openapiCacheTtl();

  /** Timeout for fetching a backend's OpenAPI document or liveness. */
  @WithDefault("1s")
  Duration probeTimeout();

  /** max-age of Strict-Transport-Security, sent only on requests that arrived over TLS. */
  @WithDefault("31536000")
  long hstsMaxAgeSeconds();

  interface Backend {
    /** Base URL, e.g. http://127.0.0.1:8081. */
    String url();

    /**
     * The backend's management interface (health, OpenAPI document), e.g. http://127.0.0.1:9081;
     * none: the base URL serves them (the test backends).
     */
    Optional<String> managementUrl();

    @WithDefault("500ms")
    Duration connectTimeout();

    @WithDefault("200")
    int maxConnections();

    /** Consecutive failures that open the circuit. */
    @WithDefault("5")
    int failureThreshold();

    /** How long an open circuit refuses calls before one trial call (half-open). */
    @WithDefault("10s")
    Duration openDuration();

    @WithDefault("/q/health/live")
    String healthPath();

    @WithDefault("/q/openapi?format=json")
    String openapiPath();

    /** Whether the gateway's readiness depends on this backend. */
    @WithDefault("true")
    boolean requiredForReadiness();

    /** Whether the backend's OpenAPI document is part of the merged document. */
    @WithDefault("true")
    boolean openapi();
  }

  interface Route {
    /** Path prefix at the gateway, e.g. /registry. */
    String prefix();

    /** Name of the backend in gateway.backends. */
    String backend();

    /** Prefix that replaces the route prefix at the backend; unset strips it. */
    Optional<String> rewrite();

    /** false: no token check at the edge for this whole route (the backend still checks). */
    @WithDefault("true")
    boolean auth();

    /**
     * Paths below the prefix that pass without a token, e.g. "GET /api/v1/units". Nothing under /q/
     * is ever forwarded (a backend's management endpoints are not public).
     */
    @WithDefault("GET /api/v1/units")
    List<String> publicPaths();

    /** Time from the end of the request body to the backend's response headers. */
    @WithDefault("10s")
    Duration timeout();

    @WithDefault("200M")
    MemorySize maxBodySize();

    /** Rate-limit group for authenticated calls. */
    @WithDefault("default")
    String rateLimitGroup();

    /** Rate-limit group for calls to public paths (stricter by default). */
    @WithDefault("public")
    String publicRateLimitGroup();
  }

  /** Where the rate-limit buckets are shared by the replicas. */
  Redis redis();

  interface Redis {
    /** A Redis-protocol server (REDIS_URL); none: every replica limits on its own. */
    Optional<String> url();

    /** Prefix of the bucket keys; the replicas of one deployment share it. */
    @WithDefault("jinan-gateway:rate:")
    String keyPrefix();

    /** The longest a bucket round trip may take before the replica's own bucket answers. */
    @WithDefault("150ms")
    Duration timeout();
  }

  interface RateLimit {
    int limit();

    @WithDefault("1m")
    Duration window();
  }
}
