package cn.jinan.edu.platform.peer;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Derives the keys SmallRye Fault Tolerance and the REST client read from {@code platform.peer.*},
 * which operators write as durations and an attempt count (PEER_RETRY_DELAY=200ms,
 * PEER_ATTEMPTS=2): the global values of the Timeout, Retry and CircuitBreaker annotations
 * (quarkus.fault-tolerance.global.*, in milliseconds; retries = attempts - 1) and the REST clients'
 * default connect and read timeouts. Its ordinal is below application.properties, so a service may
 * still set any of these keys itself, per client, class or method.
 */
public class PeerCallSettings implements ConfigSourceFactory {
  /** Above the libraries' defaults (100), below application.properties (250). */
  static final int ORDINAL = 200;

  private static final String FT = "quarkus.fault-tolerance.global.";

  @Override
  public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
    Map<String, String> keys = new HashMap<>();
    millis(context, "platform.peer.timeout")
        .ifPresent(
            ms -> {
              keys.put(FT + "timeout.value", ms);
              keys.put(FT + "timeout.unit", "millis");
              keys.put("quarkus.rest-client.connect-timeout", ms);
              keys.put("quarkus.rest-client.read-timeout", ms);
            });
    raw(context, "platform.peer.attempts")
        .map(a -> Integer.toString(Math.max(0, Integer.parseInt(a.strip()) - 1)))
        .ifPresent(retries -> keys.put(FT + "retry.max-retries", retries));
    millis(context, "platform.peer.retry-delay")
        .ifPresent(
            ms -> {
              keys.put(FT + "retry.delay", ms);
              keys.put(FT + "retry.delay-unit", "millis");
              // The pause is what is configured, not a random share of it.
              keys.put(FT + "retry.jitter", "0");
            });
    raw(context, "platform.peer.circuit-breaker.request-volume-threshold")
        .ifPresent(n -> keys.put(FT + "circuit-breaker.request-volume-threshold", n.strip()));
    raw(context, "platform.peer.circuit-breaker.failure-ratio")
        .ifPresent(r -> keys.put(FT + "circuit-breaker.failure-ratio", r.strip()));
    millis(context, "platform.peer.circuit-breaker.delay")
        .ifPresent(
            ms -> {
              keys.put(FT + "circuit-breaker.delay", ms);
              keys.put(FT + "circuit-breaker.delay-unit", "millis");
            });
    return List.of(new PropertiesConfigSource(keys, "platform-peer derived settings", ORDINAL));
  }

  private static Optional<String> raw(ConfigSourceContext context, String name) {
    ConfigValue value = context.getValue(name);
    return Optional.ofNullable(value == null ? null : value.getValue()).filter(v -> !v.isBlank());
  }

  private static Optional<String> millis(ConfigSourceContext context, String name) {
    return raw(context, name)
        .map(v -> Long.toString(DurationConverter.parseDuration(v.strip()).toMillis()));
  }
}
