package cn.jinan.edu.registry.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;

/** Rules of the registry that the bureau may tune without a release. */
@ConfigMapping(prefix = "registry")
public interface RegistryConfig {
  /** Longest allowed cooperation term in years (合作期限上限). */
  @WithDefault("6")
  int maxTermYears();

  /** A school may be a party of at most one 集团化办学 group in force (filed or active) at a time. */
  @WithDefault("true")
  boolean singleActiveGroup();

  /** The bureau's time zone: deadlines, start and end dates are days in this zone. */
  @WithDefault("Asia/Shanghai")
  ZoneId zone();

  /** How long Idempotency-Key records are kept (at least 24 h). */
  @WithDefault("48h")
  Duration idempotencyRetention();
}
