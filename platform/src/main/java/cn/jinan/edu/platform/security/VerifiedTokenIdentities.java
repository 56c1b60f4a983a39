package cn.jinan.edu.platform.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Reuses the identity of a bearer token this service has already verified (签名已验证的令牌), instead of
 * checking the RS256 signature and parsing the claims again on every call. Two beans share one
 * {@link VerifiedTokens}: {@link Lookup} runs before quarkus-oidc and answers from the cache (or
 * passes, so that OIDC verifies as usual), and {@link Remember} runs after every other augmentor
 * and keeps what OIDC accepted. Expiry is still honoured to the second; a refused token is never
 * kept.
 */
@ApplicationScoped
public class VerifiedTokenIdentities {
  private static final String FROM_CACHE = "cn.jinan.edu.platform.verified-token-cache";
  private static final String ROUTING_CONTEXT = RoutingContext.class.getName();
  private static final String REQUEST_CONTEXT = AuthenticationRequestContext.class.getName();

  private final VerifiedTokens<SecurityIdentity> tokens = new VerifiedTokens<>(10_000);
  private final Counter hits;
  private final Counter misses;

  VerifiedTokenIdentities(MeterRegistry registry) {
    this.hits = counter(registry, "hit");
    this.misses = counter(registry, "miss");
  }

  private static Counter counter(MeterRegistry registry, String result) {
    return Counter.builder("platform.verified.tokens")
        .description(
            "Bearer tokens answered from the verified-token cache (hit) or verified (miss)")
        .tag("result", result)
        .register(registry);
  }

  private static long now() {
    return System.currentTimeMillis() / 1000;
  }

  /**
   * The identity of a token verified before and still within its time, for code that checks tokens
   * outside Quarkus' security pipeline (the gateway's edge); on a miss the pipeline verifies the
   * token and {@link Remember} keeps it.
   */
  public Optional<SecurityIdentity> verified(String token) {
    Optional<SecurityIdentity> known =
        token == null ? Optional.empty() : tokens.lookup(token, now());
    known.ifPresent(i -> hits.increment());
    return known;
  }

  SecurityIdentity lookup(TokenAuthenticationRequest request) {
    TokenCredential credential = request.getToken();
    SecurityIdentity cached =
        verified(credential == null ? null : credential.getToken()).orElse(null);
    if (cached == null) {
      misses.increment();
      return null;
    }
    // Kept without the request that verified it (see remember): give it this one's.
    RoutingContext current = HttpSecurityUtils.getRoutingContextAttribute(request);
    QuarkusSecurityIdentity.Builder copy =
        QuarkusSecurityIdentity.builder(cached).addAttribute(FROM_CACHE, Boolean.TRUE);
    if (current != null) {
      copy.addAttribute(ROUTING_CONTEXT, current);
      if (current.get(REQUEST_CONTEXT) != null) {
        copy.addAttribute(REQUEST_CONTEXT, current.get(REQUEST_CONTEXT));
      }
    }
    return copy.build();
  }

  void remember(SecurityIdentity identity) {
    if (identity.isAnonymous()
        || identity.getAttribute(FROM_CACHE) != null
        || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
      return;
    }
    TokenCredential credential = identity.getCredential(TokenCredential.class);
    if (credential == null || credential.getToken() == null) {
      return;
    }
    // A new identity, not a copy: a copy would keep the original (and with it the routing context
    // of the request that verified it) reachable from the cache for minutes. Permission checkers
    // are not carried over; the suite authorises by role and the Caller's scope claims.
    QuarkusSecurityIdentity.Builder kept =
        new QuarkusSecurityIdentity.Builder()
            .setPrincipal(jwt)
            .addRoles(identity.getRoles())
            .addCredentials(identity.getCredentials())
            .addAttribute(CallerProducer.ScopeClaims.ATTRIBUTE, CallerProducer.ScopeClaims.of(jwt));
    identity
        .getAttributes()
        .forEach(
            (name, value) -> {
              if (!ROUTING_CONTEXT.equals(name) && !REQUEST_CONTEXT.equals(name)) {
                kept.addAttribute(name, value);
              }
            });
    tokens.remember(credential.getToken(), kept.build(), jwt.getExpirationTime(), now());
  }

  /** Tried before quarkus-oidc's provider; a null item hands the request on to it. */
  @ApplicationScoped
  public static class Lookup implements IdentityProvider<TokenAuthenticationRequest> {
    private final VerifiedTokenIdentities cache;

    Lookup(VerifiedTokenIdentities cache) {
      this.cache = cache;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
      return TokenAuthenticationRequest.class;
    }

    @Override
    public int priority() {
      // Providers are tried from the highest priority down; quarkus-oidc's has the default (1001).
      return 2_000;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
        TokenAuthenticationRequest request, AuthenticationRequestContext context) {
      return Uni.createFrom().item(cache.lookup(request));
    }
  }

  /** The last augmentor: what it sees is the identity every request with this token gets. */
  @ApplicationScoped
  public static class Remember implements SecurityIdentityAugmentor {
    private final VerifiedTokenIdentities cache;

    Remember(VerifiedTokenIdentities cache) {
      this.cache = cache;
    }

    @Override
    public int priority() {
      return Integer.MIN_VALUE;
    }

    @Override
    public Uni<SecurityIdentity> augment(
        SecurityIdentity identity, AuthenticationRequestContext context) {
      cache.remember(identity);
      return Uni.createFrom().item(identity);
    }
  }
}
