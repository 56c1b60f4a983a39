package cn.jinan.edu.quality.client;

import cn.jinan.edu.quality.config.QualityConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Builds the peer clients from configuration: the token mode is a configuration switch. */
public class Clients {

  @Produces
  @Singleton
  PeerTokens peerTokens(QualityConfig config) {
    QualityConfig.Peer p = config.peer();
    return new PeerTokens(
        p.mode(),
        p.token().orElse(null),
        p.issuerUrl().orElse(null),
        p.clientId().orElse(null),
        p.clientSecret().orElse(null),
        config.registry().timeout());
  }

  @Produces
  @Singleton
  RegistryClient registryClient(QualityConfig config, PeerTokens tokens) {
    return new RegistryClient(
            config.registry().url(),
            config.registry().timeout(),
            tokens,
            config.registry().maxPages())
        .withStatisticsFreshness(config.registry().statisticsFreshness());
  }
}
