package cn.jinan.edu.gateway.web;

import cn.jinan.edu.gateway.domain.HopByHop;
import cn.jinan.edu.platform.web.RequestIds;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import java.util.Set;

/** Header rules in both directions: hop-by-hop fields, forwarding fields, the request id. */
final class ForwardingHeaders {
  private static final Set<String> RESPONSE_HEADERS_DROPPED = Set.of("server", "x-powered-by");

  private ForwardingHeaders() {}

  /** The headers of the request to the backend, from those the client sent. */
  static void toBackend(HttpServerRequest in, MultiMap headers) {
    for (String name : HopByHop.namesToDrop(in.headers().getAll("Connection"))) {
      headers.remove(name);
    }
    // The chain a client sent is kept only when a trusted proxy vouched for it (then Vert.x
    // reports the forwarded address as the remote one); otherwise it is replaced, not extended.
    String previous = forwardedByTrustedProxy(in) ? in.getHeader("X-Forwarded-For") : null;
    String peer = peerHost(in);
    headers.set("X-Forwarded-For", previous == null ? peer : previous + ", " + peer);
    headers.set("X-Forwarded-Proto", in.scheme() == null ? "http" : in.scheme());
    if (in.authority() != null) {
      headers.set("X-Forwarded-Host", in.authority().toString());
    }
    headers.set(RequestIds.HEADER, EdgeProblems.requestId(in));
  }

  /** The headers of the backend's response that the client gets (Location apart). */
  static void fromBackend(MultiMap headers) {
    for (String name : HopByHop.namesToDrop(headers.getAll("Connection"))) {
      headers.remove(name);
    }
    RESPONSE_HEADERS_DROPPED.forEach(headers::remove);
    // The gateway answers with its own request id (the same one it forwarded).
    headers.remove(RequestIds.HEADER);
  }

  /** The host of the connection itself (the edge proxy, or the client when there is none). */
  static String peerHost(HttpServerRequest request) {
    var peer = request.connection() == null ? null : request.connection().remoteAddress();
    return peer == null ? remoteHost(request) : peer.hostAddress();
  }

  static boolean forwardedByTrustedProxy(HttpServerRequest request) {
    return request.getHeader("X-Forwarded-For") != null
        && !remoteHost(request).equals(peerHost(request));
  }

  /** The client's address: forwarded by a trusted proxy, else the connection's peer. */
  static String remoteHost(HttpServerRequest request) {
    return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
  }
}
