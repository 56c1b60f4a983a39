package cn.jinan.edu.platform.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Real RS256 access tokens for tests, signed with the test key whose public half the %test profile
 * trusts. Variants produce the tokens a service must refuse: expired, foreign issuer, foreign key,
 * unsigned.
 */
public final class TestTokens {
  /** The issuer the %test profile expects. */
  public static final String ISSUER = "https://auth.test.invalid/realms/edu";

  private static final PrivateKey TEST_KEY = loadKey("/test-keys/test-private.pem");
  private static final PrivateKey OTHER_KEY = loadKey("/test-keys/other-private.pem");

  private TestTokens() {}

  public static Builder as(String... roles) {
    return new Builder(List.of(roles));
  }

  /** Shorthands for the roles of DOMAIN.md section 1. */
  public static String cityAdmin() {
    return as("city-admin").sign();
  }

  public static String districtReviewer(String districtCode) {
    return as("district-reviewer").district(districtCode).sign();
  }

  public static String schoolApplicant(String uscc) {
    return as("school-applicant").school(uscc).sign();
  }

  public static String dataReporter() {
    return as("data-reporter").client("gov-data-exchange").subject(null).sign();
  }

  public static String auditor() {
    return as("auditor").sign();
  }

  public static final class Builder {
    private final List<String> roles;
    private String subject = "test-user-" + UUID.randomUUID();
    private String clientId = "test-client";
    private String district;
    private String school;
    private String issuer = ISSUER;
    private Instant expiresAt = Instant.now().plus(Duration.ofMinutes(10));
    private boolean topLevelRoles;
    private PrivateKey key = TEST_KEY;

    private Builder(List<String> roles) {
      this.roles = new ArrayList<>(roles);
    }

    public Builder subject(String subject) {
      this.subject = subject;
      return this;
    }

    public Builder client(String clientId) {
      this.clientId = clientId;
      return this;
    }

    public Builder district(String districtCode) {
      this.district = districtCode;
      return this;
    }

    public Builder school(String uscc) {
      this.school = uscc;
      return this;
    }

    public Builder issuer(String issuer) {
      this.issuer = issuer;
      return this;
    }

    public Builder expiresAt(Instant expiresAt) {
      this.expiresAt = expiresAt;
      return this;
    }

    public Builder expired() {
      this.expiresAt = Instant.now().minus(Duration.ofMinutes(5));
      return this;
    }

    /** Put roles in a top-level "roles" claim instead of Keycloak's realm_access.roles. */
    public Builder topLevelRoles() {
      this.topLevelRoles = true;
      return this;
    }

    /** Sign with a key no service trusts. */
    public Builder foreignKey() {
      this.key = OTHER_KEY;
      return this;
    }

    public String sign() {
      JwtClaimsBuilder claims =
          Jwt.issuer(issuer)
              .issuedAt(expiresAt.minus(Duration.ofMinutes(15)))
              .expiresAt(expiresAt)
              .claim("azp", clientId)
              .claim("typ", "Bearer");
      if (subject != null) {
        claims.subject(subject);
      } else {
        claims.subject("service-account-" + clientId);
      }
      if (topLevelRoles) {
        claims.claim("roles", roles);
      } else {
        claims.claim("realm_access", Map.of("roles", roles));
      }
      if (district != null) {
        claims.claim("district_code", district);
      }
      if (school != null) {
        claims.claim("school_code", school);
      }
      return claims.jws().keyId("test-key").sign(key);
    }

    /** The same claims with "alg":"none" and no signature. */
    public String unsigned() {
      String signed = sign();
      String payload = signed.split("\\.")[1];
      String header =
          Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString(
                  "{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
      return header + "." + payload + ".";
    }
  }

  private static PrivateKey loadKey(String resource) {
    try (InputStream in = TestTokens.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test key " + resource);
      }
      String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
      String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
      return KeyFactory.getInstance("RSA")
          .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
    } catch (IOException | java.security.GeneralSecurityException e) {
      throw new IllegalStateException("cannot load test key " + resource, e);
    }
  }
}
