package cn.jinan.edu.quality.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

/** Rules of the quality index that the bureau may tune without a release. */
@ConfigMapping(prefix = "quality")
public interface QualityConfig {
  /** The bureau's time zone: as-of dates and deadlines are days in this zone. */
  @WithDefault("Asia/Shanghai")
  ZoneId zone();

  /** An unmet target whose deadline is at most this many days away is AT_RISK. */
  @WithDefault("180")
  int atRiskWindowDays();

  /** First year of a target's trajectory (2024 is the plan's baseline year). */
  @WithDefault("2024")
  int trajectoryFromYear();

  /**
   * Aggregates of fewer students are not published (a school's or class's figures): nothing
   * personal leaves the service.
   */
  @WithDefault("10")
  int minimumStudents();

  /**
   * How long all targets' evaluations for one date are reused while no value, approval, unit,
   * indicator or target has changed (0 = always compute). Also bounds the age of registry figures
   * inside them.
   */
  @WithDefault("30s")
  Duration evaluationCache();

  /** How the service reaches registry-service. */
  Registry registry();

  /** Tokens for calls to other services. */
  Peer peer();

  interface Registry {
    /** Base URL, e.g. http://127.0.0.1:8081 (REGISTRY_URL). */
    @WithDefault("http://127.0.0.1:8081")
    String url();

    /** Connect and read timeout of each call. */
    @WithDefault("3s")
    Duration timeout();

    /** Registrations pages to read at most (200 per page): a guard against a runaway loop. */
    @WithDefault("500")
    int maxPages();

    /**
     * How long filing statistics read from the registry are reused, so that the dashboard does not
     * call the registry on every request (0 = always read).
     */
    @WithDefault("30s")
    Duration statisticsFreshness();

    /**
     * How often the units mirror follows registry-service, the owner of units (a duration such as
     * 10m, or off: only on POST /api/v1/units/refresh). Read by the scheduler.
     */
    @WithDefault("10m")
    String unitsRefresh();
  }

  interface Peer {
    /** static (PEER_TOKEN, local run and tests) or client-credentials (production). */
    @WithDefault("static")
    String mode();

    /** The static bearer token (PEER_TOKEN). */
    Optional<String> token();

    /** OIDC issuer for client-credentials (OIDC_ISSUER_URL); contacted on first use only. */
    Optional<String> issuerUrl();

    Optional<String> clientId();

    Optional<String> clientSecret();
  }
}
