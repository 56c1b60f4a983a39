package cn.jinan.edu.milestone.client;

import cn.jinan.edu.milestone.config.MilestoneConfig;
import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The token this service presents to other services; the mode is a configuration switch
 * (milestone.peer.token-mode): {@code static} sends PEER_TOKEN (local runs, tests); {@code
 * client-credentials} asks the issuer through quarkus-oidc-client on first use, never at start-up,
 * and reuses the token until it expires.
 */
@ApplicationScoped
public class PeerToken {
  private static final Logger LOG = Logger.getLogger(PeerToken.class);

  @Inject MilestoneConfig config;
  @Inject Instance<OidcClient> oidcClient;

  private volatile Tokens tokens;

  public Optional<String> current() {
    if (!"client-credentials".equals(config.peer().tokenMode())) {
      return config.peer().token().filter(t -> !t.isBlank());
    }
    try {
      Tokens t = tokens;
      if (t == null || t.isAccessTokenExpired()) {
        t = oidcClient.get().getTokens().await().atMost(Duration.ofSeconds(5));
        tokens = t;
      }
      return Optional.of(t.getAccessToken());
    } catch (RuntimeException e) {
      // Without a token the call is refused by the peer and the caller falls back to the last
      // known figure; a missing issuer must not fail the request here.
      LOG.warn("Cannot obtain a client-credentials token for peer calls: " + e.getMessage());
      return Optional.empty();
    }
  }
}
