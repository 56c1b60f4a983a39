package cn.jinan.edu.gateway.web;

import cn.jinan.edu.gateway.client.Backends;
import cn.jinan.edu.gateway.config.GatewayConfig;
import cn.jinan.edu.platform.security.VerifiedTokenIdentities;
import io.quarkus.security.identity.IdentityProviderManager;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.proxy.handler.ProxyHandler;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The reverse proxy (反向代理): one Vert.x route per configured path prefix. {@link EdgeAdmission}
 * checks the token (unless the path is public), the rate limit and the declared body size; then
 * vertx-web-proxy's {@link ProxyHandler} hands the request to vertx-http-proxy, whose {@link
 * RouteInterceptor} rewrites the path, sets the forwarding headers and applies the circuit breaker,
 * and whose {@link Exchange} applies the route's timeout and turns backend failures into
 * problem+json. Bodies are piped in both directions, never buffered.
 */
@ApplicationScoped
public class ProxyRoutes {
  private static final Logger LOG = Logger.getLogger(ProxyRoutes.class);

  /** RoutingContext keys read by the access log. */
  public static final String ROUTE_KEY = "gateway.route";

  public static final String CLIENT_KEY = "gateway.client";

  private final GatewayConfig config;
  private final Backends backends;
  private final RateLimits rateLimits;
  private final Vertx vertx;
  private final AdmittedRequests admitted = new AdmittedRequests();
  private final EdgeAdmission admission;

  ProxyRoutes(
      GatewayConfig config,
      Backends backends,
      RateLimits rateLimits,
      IdentityProviderManager identities,
      VerifiedTokenIdentities verified,
      Vertx vertx) {
    this.config = config;
    this.backends = backends;
    this.rateLimits = rateLimits;
    this.vertx = vertx;
    this.admission = new EdgeAdmission(identities, verified, admitted, rateLimits);
  }

  void register(@Observes Router router) {
    List<Map.Entry<String, GatewayConfig.Route>> routes =
        new ArrayList<>(config.routes().entrySet());
    // Longer prefixes first so that /registry/admin could be routed apart from /registry.
    routes.sort(Comparator.comparing(e -> -e.getValue().prefix().length()));
    for (Map.Entry<String, GatewayConfig.Route> e : routes) {
      ProxiedRoute route = new ProxiedRoute(e.getKey(), e.getValue(), backends, rateLimits);
      HttpProxy proxy =
          HttpProxy.reverseProxy(
                  new ProxyOptions().setSupportWebSocket(false), route.backend.client)
              .origin(BackendOrigin.of(route.backend))
              .addInterceptor(new RouteInterceptor(route, admitted, config, vertx));
      router
          .route(route.prefix + "/*")
          .handler(ctx -> admission.handle(ctx, route))
          .handler(ProxyHandler.create(proxy));
      LOG.infof(
          "route %s/** -> %s%s (backend %s)",
          route.prefix, route.backend.config.url(), route.rewrite, route.backend.name);
    }
  }
}
