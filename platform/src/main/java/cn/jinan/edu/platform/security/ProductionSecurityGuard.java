package cn.jinan.edu.platform.security;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * In the prod profile the suite must verify tokens against the real issuer. Without this check a
 * missing OIDC_ISSUER_URL would leave the OIDC tenant disabled and every request unauthenticated,
 * and a leftover public key would let a development key through.
 */
@ApplicationScoped
public class ProductionSecurityGuard {

  void onStart(@Observes StartupEvent event) {
    check(ConfigUtils.getProfiles(), ConfigProvider.getConfig());
  }

  static void check(List<String> profiles, Config config) {
    if (!profiles.contains("prod")) {
      return;
    }
    Optional<String> issuer = config.getOptionalValue("quarkus.oidc.auth-server-url", String.class);
    if (issuer.isEmpty() || issuer.get().isBlank()) {
      throw new IllegalStateException(
          "OIDC_ISSUER_URL is not set: the prod profile refuses to start without an OIDC issuer"
              + " (e.g. https://sso.example.gov.cn/realms/edu). See docs/configuration.md.");
    }
    if (config.getOptionalValue("quarkus.oidc.public-key", String.class).isPresent()) {
      throw new IllegalStateException(
          "quarkus.oidc.public-key is set in the prod profile: production verifies tokens only"
              + " with the issuer's published keys. Remove QUARKUS_OIDC_PUBLIC_KEY.");
    }
    if (!config.getOptionalValue("quarkus.oidc.tenant-enabled", Boolean.class).orElse(true)) {
      throw new IllegalStateException("OIDC must stay enabled in the prod profile");
    }
  }
}
