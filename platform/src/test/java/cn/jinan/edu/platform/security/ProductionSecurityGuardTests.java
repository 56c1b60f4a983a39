package cn.jinan.edu.platform.security;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProductionSecurityGuardTests {
  private static SmallRyeConfig config(Map<String, String> values) {
    return new SmallRyeConfigBuilder()
        .withSources(new PropertiesConfigSource(values, "test", 100))
        .build();
  }

  @Test
  void prodWithoutIssuerRefusesToStart() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> ProductionSecurityGuard.check(List.of("prod"), config(Map.of())));
    assertTrue(e.getMessage().contains("OIDC_ISSUER_URL"));
  }

  @Test
  void prodWithADevelopmentKeyRefusesToStart() {
    Map<String, String> values =
        Map.of(
            "quarkus.oidc.auth-server-url", "https://sso.example/realms/edu",
            "quarkus.oidc.public-key", "MIIB...");
    assertThrows(
        IllegalStateException.class,
        () -> ProductionSecurityGuard.check(List.of("prod"), config(values)));
  }

  @Test
  void prodWithIssuerStarts() {
    assertDoesNotThrow(
        () ->
            ProductionSecurityGuard.check(
                List.of("prod"),
                config(Map.of("quarkus.oidc.auth-server-url", "https://sso.example/realms/edu"))));
  }

  @Test
  void otherProfilesAreNotChecked() {
    assertDoesNotThrow(() -> ProductionSecurityGuard.check(List.of("test"), config(Map.of())));
  }
}
