package cn.jinan.edu.milestone.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/** Puts the service's own bearer token on every call to another service. */
@ApplicationScoped
public class PeerHeaders implements ClientHeadersFactory {
  @Inject PeerToken token;

  @Override
  public MultivaluedMap<String, String> update(
      MultivaluedMap<String, String> incoming, MultivaluedMap<String, String> outgoing) {
    MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
    token.current().ifPresent(t -> headers.add("Authorization", "Bearer " + t));
    return headers;
  }
}
