package cn.jinan.edu.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Builds the {@link Caller} of the current request from the verified access token. */
public class CallerProducer {
  public static final String DISTRICT_CLAIM = "district_code";
  public static final String SCHOOL_CLAIM = "school_code";

  @Produces
  @RequestScoped
  Caller caller(SecurityIdentity identity) {
    if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
      return Caller.anonymous();
    }
    ScopeClaims claims = identity.getAttribute(ScopeClaims.ATTRIBUTE);
    if (claims == null) {
      claims = ScopeClaims.of(jwt);
    }
    return new Caller(
        jwt.getSubject(),
        claims.clientId(),
        identity.getRoles(),
        claims.district(),
        claims.school());
  }

  /**
   * The claims a {@link Caller} needs beyond subject and roles, read once per verified token
   * ({@link VerifiedTokenIdentities} keeps them with the identity): smallrye-jwt answers {@code
   * getClaim} of a name outside MP-JWT's standard claims by throwing and catching an exception,
   * which cost a twelfth of a {@code GET /api/v1/me} in the profile (bench/flamegraphs).
   */
  record ScopeClaims(String clientId, String district, String school) {
    static final String ATTRIBUTE = ScopeClaims.class.getName();

    static ScopeClaims of(JsonWebToken jwt) {
      return new ScopeClaims(
          CallerProducer.clientId(jwt),
          stringClaim(jwt, DISTRICT_CLAIM),
          stringClaim(jwt, SCHOOL_CLAIM));
    }
  }

  /** Keycloak puts the client in azp; other issuers use client_id (RFC 9068). */
  public static String clientId(JsonWebToken jwt) {
    String azp = stringClaim(jwt, "azp");
    return azp != null ? azp : stringClaim(jwt, "client_id");
  }

  static String stringClaim(JsonWebToken jwt, String name) {
    Object value = jwt.getClaim(name);
    if (value == null) {
      return null;
    }
    String s = value.toString();
    // JSON string claims may arrive quoted from some JsonValue implementations.
    if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
      s = s.substring(1, s.length() - 1);
    }
    return s;
  }
}
