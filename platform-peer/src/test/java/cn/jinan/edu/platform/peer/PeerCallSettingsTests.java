package cn.jinan.edu.platform.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** platform.peer.* as operators write it becomes the numbers fault tolerance reads. */
class PeerCallSettingsTests {

  private static SmallRyeConfig config(Map<String, String> application) {
    Map<String, String> defaults = new HashMap<>();
    defaults.put("platform.peer.timeout", "3s");
    defaults.put("platform.peer.attempts", "2");
    defaults.put("platform.peer.retry-delay", "200ms");
    defaults.put("platform.peer.circuit-breaker.request-volume-threshold", "4");
    defaults.put("platform.peer.circuit-breaker.failure-ratio", "0.5");
    defaults.put("platform.peer.circuit-breaker.delay", "15s");
    return new SmallRyeConfigBuilder()
        .withProfile("test")
        .withSources(new PropertiesConfigSource(defaults, "platform-peer defaults", 100))
        .withSources(new PropertiesConfigSource(application, "application.properties", 250))
        .withSources(new PeerCallSettings())
        .build();
  }

  private static String value(SmallRyeConfig config, String name) {
    return config.getRawValue(name);
  }

  @Test
  void theSharedDefaults() {
    SmallRyeConfig c = config(Map.of());
    String ft = "quarkus.fault-tolerance.global.";
    assertEquals("3000", value(c, ft + "timeout.value"));
    assertEquals("millis", value(c, ft + "timeout.unit"));
    assertEquals("1", value(c, ft + "retry.max-retries"), "two attempts are one retry");
    assertEquals("200", value(c, ft + "retry.delay"));
    assertEquals("0", value(c, ft + "retry.jitter"));
    assertEquals("4", value(c, ft + "circuit-breaker.request-volume-threshold"));
    assertEquals("0.5", value(c, ft + "circuit-breaker.failure-ratio"));
    assertEquals("15000", value(c, ft + "circuit-breaker.delay"));
    assertEquals("3000", value(c, "quarkus.rest-client.read-timeout"));
    assertEquals("3000", value(c, "quarkus.rest-client.connect-timeout"));
  }

  @Test
  void aServiceMapsItsVariablesWithExpressionsAndProfiles() {
    SmallRyeConfig c =
        config(
            Map.of(
                "platform.peer.timeout", "${PEER_READ_TIMEOUT_MS_UNSET:2500}ms",
                "platform.peer.attempts", "1",
                "%test.platform.peer.retry-delay", "10ms"));
    assertEquals("2500", value(c, "quarkus.fault-tolerance.global.timeout.value"));
    assertEquals("0", value(c, "quarkus.fault-tolerance.global.retry.max-retries"), "no retry");
    assertEquals("10", value(c, "quarkus.fault-tolerance.global.retry.delay"));
  }

  @Test
  void aKeySetByTheServiceItselfWins() {
    SmallRyeConfig c =
        config(
            Map.of(
                "quarkus.fault-tolerance.global.retry.max-retries", "5",
                "quarkus.rest-client.read-timeout", "9000"));
    assertEquals("5", value(c, "quarkus.fault-tolerance.global.retry.max-retries"));
    assertEquals("9000", value(c, "quarkus.rest-client.read-timeout"));
  }
}
