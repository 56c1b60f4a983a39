package cn.jinan.edu.gateway.web;

import cn.jinan.edu.gateway.client.BackendCircuit;
import cn.jinan.edu.gateway.config.GatewayConfig;
import cn.jinan.edu.gateway.domain.PathRewrite;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;

/**
 * The proxy library's interceptor of one route. Requests: the backend path and forwarding headers,
 * the circuit (open: 503 with Retry-After, the backend is not called), then an {@link Exchange}.
 * Responses: hop-by-hop and identifying headers dropped, Location pointed at the gateway.
 */
final class RouteInterceptor implements ProxyInterceptor {
  private final ProxiedRoute route;
  private final AdmittedRequests admitted;
  private final GatewayConfig config;
  private final Vertx vertx;

  RouteInterceptor(
      ProxiedRoute route, AdmittedRequests admitted, GatewayConfig config, Vertx vertx) {
    this.route = route;
    this.admitted = admitted;
    this.config = config;
    this.vertx = vertx;
  }

  @Override
  public Future<ProxyResponse> handleProxyRequest(ProxyContext pc) {
    ProxyRequest out = pc.request();
    HttpServerRequest in = out.proxiedRequest();
    AdmittedRequests.Forward forward = admitted.get(in);
    if (forward == null) {
      return Future.succeededFuture(
          ProxyAnswers.problem(
              pc, 500, "The request was not admitted by the gateway's edge handler"));
    }
    out.setURI(forward.backendUri());
    ForwardingHeaders.toBackend(in, out.headers());
    BackendCircuit circuit = route.backend.circuit;
    BackendCircuit.Call call = circuit.tryAcquire();
    if (call == null) {
      long retryAfter = Math.max(1, (circuit.retryAfterMillis() + 999) / 1000);
      ProxyResponse refused =
          ProxyAnswers.problem(
              pc,
              503,
              "Backend "
                  + route.backend.name
                  + " is failing; the circuit is open, retry in "
                  + retryAfter
                  + " s");
      refused.putHeader("Retry-After", Long.toString(retryAfter));
      return Future.succeededFuture(refused);
    }
    return new Exchange(pc, route, vertx, call).start(forward.maxBodySize());
  }

  @Override
  public Future<Void> handleProxyResponse(ProxyContext pc) {
    if (!ProxyAnswers.isSynthetic(pc)) {
      MultiMap headers = pc.response().headers();
      ForwardingHeaders.fromBackend(headers);
      // A backend's own address must not leak to clients, who could not reach it anyway.
      String location = headers.get("Location");
      if (location != null) {
        headers.set("Location", clientLocation(location, pc.request().proxiedRequest()));
      }
    }
    return pc.sendResponse();
  }

  private String clientLocation(String location, HttpServerRequest in) {
    String base =
        config
            .publicUrl()
            .filter(u -> !u.isBlank())
            .orElseGet(
                () ->
                    (in.scheme() == null ? "http" : in.scheme())
                        + "://"
                        + (in.authority() == null ? "localhost" : in.authority().toString()));
    for (String origin : route.backend.origins()) {
      if (location.regionMatches(true, 0, origin, 0, origin.length())) {
        return PathRewrite.location(location, origin, route.prefix, route.rewrite, base);
      }
    }
    return PathRewrite.location(
        location, route.backend.origins().get(0), route.prefix, route.rewrite, base);
  }
}
