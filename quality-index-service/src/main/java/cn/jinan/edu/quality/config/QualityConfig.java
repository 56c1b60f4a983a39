package cn.jinan.edu.quality.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;

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

  /**
   * What this service reads from registry-service. Its URL, token, timeout and retries are the
   * peer-call settings (quarkus.rest-client.registry.url, platform.peer.*; application.properties).
   */
  Registry registry();

  interface Registry {
    /** Registrations pages to read at most (200 per page): a guard against a runaway loop. */
    @WithDefault("500")
    int maxPages();

    /**
     * How long filing statistics read from the registry are reused, so that the dashboard does not
     * call the registry on every request (0 = always read). The expiry of the quarkus-cache
     * "registry-statistics" (application.properties); a failed read is never cached.
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
}
