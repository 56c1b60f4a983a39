package cn.jinan.edu.gateway.web;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the edge handler decided for each request in flight, read by the route's interceptor: the
 * proxy library hands the interceptor the server request, not the routing context.
 */
final class AdmittedRequests {
  record Forward(String backendUri, long maxBodySize) {}

  private final Map<HttpServerRequest, Forward> inFlight = new ConcurrentHashMap<>();

  /** Remembers the decision until the request ends. */
  void admit(RoutingContext ctx, String backendUri, long maxBodySize) {
    HttpServerRequest request = ctx.request();
    inFlight.put(request, new Forward(backendUri, maxBodySize));
    ctx.addEndHandler(v -> inFlight.remove(request));
  }

  /** The decision for the request, or null when the edge handler did not admit it. */
  Forward get(HttpServerRequest request) {
    return inFlight.get(request);
  }
}
