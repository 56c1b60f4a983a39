package cn.jinan.edu.platform.peer;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.Optional;

/**
 * How a service calls its peers ({@code platform.peer.*}). The shared defaults are in
 * platform-peer's META-INF/microprofile-config.properties; each service maps its environment
 * variables onto these keys in its application.properties.
 */
@ConfigMapping(prefix = "platform.peer")
public interface PeerConfig {

  /** Where the bearer token of outbound calls comes from. */
  enum TokenMode {
    /** {@link #token()}: the local run (./run.sh mints one) and the tests; no issuer needed. */
    STATIC,
    /** quarkus-oidc-client, client-credentials grant against the issuer: production. */
    CLIENT_CREDENTIALS
  }

  /** {@code static} or {@code client-credentials} (PEER_TOKEN_MODE). */
  TokenMode tokenMode();

  /** The token of mode {@code static} (PEER_TOKEN); none configured means no Authorization. */
  Optional<String> token();

  /** The longest one attempt may take, connecting and reading together (the FT @Timeout). */
  Duration timeout();

  /** Tries of an idempotent read, the first included (1 = no retry). */
  int attempts();

  /** Pause between two tries. */
  Duration retryDelay();

  /** When a peer that keeps failing is no longer asked for a while. */
  Breaker circuitBreaker();

  interface Breaker {
    /** How many of the latest calls the failure ratio is taken over. */
    int requestVolumeThreshold();

    /** The share of failures among them that opens the circuit. */
    double failureRatio();

    /** How long the circuit stays open before one trial call is let through. */
    Duration delay();
  }
}
