package cn.jinan.edu.platform.peer;

import io.quarkus.rest.client.reactive.ReactiveClientHeadersFactory;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * Puts the service's own bearer token ({@link PeerToken}) on every call of a REST client annotated
 * {@code @RegisterClientHeaders(PeerHeaders.class)}. Non-blocking, so it may run on an event loop.
 */
@ApplicationScoped
public class PeerHeaders extends ReactiveClientHeadersFactory {
  @Inject PeerToken token;

  @Override
  public Uni<MultivaluedMap<String, String>> getHeaders(
      MultivaluedMap<String, String> incoming, MultivaluedMap<String, String> outgoing) {
    return token
        .current()
        .map(
            t -> {
              MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
              t.ifPresent(value -> headers.add("Authorization", "Bearer " + value));
              return headers;
            });
  }
}
