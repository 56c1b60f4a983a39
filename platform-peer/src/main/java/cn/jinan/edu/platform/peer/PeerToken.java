package cn.jinan.edu.platform.peer;

import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The bearer token this service presents to its peers. Mode {@code static} answers the configured
 * token; mode {@code client-credentials} asks the issuer through quarkus-oidc-client on the first
 * call (never at start-up) and reuses the token until shortly before it expires.
 */
@ApplicationScoped
public class PeerToken {
  private static final Logger LOG = Logger.getLogger(PeerToken.class);

  @Inject PeerConfig config;
  @Inject Instance<OidcClient> oidcClient;

  private volatile Tokens tokens;

  /** The token to send; empty when none is configured or the issuer cannot be reached. */
  public Uni<Optional<String>> current() {
    if (config.tokenMode() == PeerConfig.TokenMode.STATIC) {
      return Uni.createFrom().item(config.token().filter(t -> !t.isBlank()));
    }
    Tokens held = tokens;
    if (held != null
        && !held.isAccessTokenExpired()
        && !held.isAccessTokenWithinRefreshInterval()) {
      return Uni.createFrom().item(Optional.of(held.getAccessToken()));
    }
    return Uni.createFrom()
        .deferred(() -> oidcClient.get().getTokens())
        .ifNoItem()
        .after(config.timeout())
        .fail()
        .map(
            fresh -> {
              tokens = fresh;
              return Optional.of(fresh.getAccessToken());
            })
        .onFailure()
        .recoverWithItem(
            e -> {
              // Sent without a token the call is refused by the peer and ends in the caller's
              // fallback: a missing issuer never fails a request here.
              LOG.warn("Cannot obtain a client-credentials token for peer calls: " + e);
              return Optional.empty();
            });
  }
}
