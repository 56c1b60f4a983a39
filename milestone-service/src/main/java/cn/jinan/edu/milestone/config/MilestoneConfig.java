package cn.jinan.edu.milestone.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Rules of the milestone service that the bureau may tune without a release. */
@ConfigMapping(prefix = "milestone")
public interface MilestoneConfig {
  /** The plan that endpoints use when no ?plan= is given. */
  @WithDefault("JN-2025-10")
  String defaultPlan();

  /** DUE_SOON: this many days before the deadline (即将到期提醒窗口). */
  @WithDefault("30")
  int dueSoonDays();

  /** AT_RISK: percentage points behind the straight line from issue date to deadline. */
  @WithDefault("20")
  int atRiskMarginPoints();

  /** A source figure read less than this long ago is reused instead of asking the source again. */
  @WithDefault("5m")
  Duration figureFreshness();

  /** The scheduled due-soon / overdue announcements (AlertJob). */
  Alerts alerts();

  interface Alerts {
    /** How often the job runs; "off" disables it (tests drive it themselves). */
    @WithDefault("1h")
    String every();

    /** Delay after start-up before the first run. */
    @WithDefault("60s")
    String delay();
  }

  /** The read-only mirror of registry-service's units (UnitMirror). */
  Units units();

  interface Units {
    /**
     * How often the mirror follows registry-service, the owner of units (a duration such as 10m, or
     * off: only on POST /api/v1/units/refresh). Read by the scheduler.
     */
    @WithDefault("10m")
    String refresh();

    /** Delay after start-up before the first refresh. */
    @WithDefault("5s")
    String firstRefresh();
  }
}
