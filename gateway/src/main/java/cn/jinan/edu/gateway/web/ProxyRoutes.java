package cn.jinan.edu.gateway.web;

import cn.jinan.edu.gateway.client.Backend;
import cn.jinan.edu.gateway.client.Backends;
import cn.jinan.edu.gateway.config.GatewayConfig;
import cn.jinan.edu.gateway.domain.CircuitBreaker;
import cn.jinan.edu.gateway.domain.HopByHop;
import cn.jinan.edu.gateway.domain.PathRewrite;
import cn.jinan.edu.gateway.domain.PathRule;
import cn.jinan.edu.gateway.domain.RateLimiter;
import cn.jinan.edu.platform.problem.Problem;
import cn.jinan.edu.platform.security.CallerProducer;
import cn.jinan.edu.platform.security.VerifiedTokenIdentities;
import cn.jinan.edu.platform.web.RequestIds;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.proxy.handler.ProxyHandler;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.OriginRequestProvider;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyOptions;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * The reverse proxy (反向代理): one Vert.x route per configured path prefix. The edge handler checks
 * the token (unless the path is public), the rate limit and the declared body size; then
 * vertx-web-proxy's {@link ProxyHandler} hands the request to vertx-http-proxy, whose interceptor
 * here rewrites the path, sets the forwarding headers, applies the circuit breaker and the route's
 * timeout, and turns backend failures into problem+json. Bodies are piped in both directions, never
 * buffered.
 */
@ApplicationScoped
public class ProxyRoutes {
  private static final Logger LOG = Logger.getLogger(ProxyRoutes.class);

  /** RoutingContext keys read by the access log. */
  public static final String ROUTE_KEY = "gateway.route";

  public static final String CLIENT_KEY = "gateway.client";

  /** The context-local key under which Quarkus' HTTP metrics look for a path template. */
  private static final String URL_PATH_TEMPLATE = "UrlPathTemplate";

  private static final String CLIENT_REQUEST = "gateway.clientRequest";
  private static final String SYNTHETIC = "gateway.synthetic";
  private static final Set<String> RESPONSE_HEADERS_DROPPED = Set.of("server", "x-powered-by");

  private final GatewayConfig config;
  private final Backends backends;
  private final RateLimits rateLimits;
  private final IdentityProviderManager identities;
  private final VerifiedTokenIdentities verified;
  private final Vertx vertx;

  /** What the edge handler decided for a request, read by the proxy interceptor. */
  private record Forward(String backendUri, long maxBodySize) {}

  private static final BiConsumer<RoutingContext, Throwable> IGNORE_AUTH_FAILURE = (c, t) -> {};

  private final Map<HttpServerRequest, Forward> inFlight = new ConcurrentHashMap<>();

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
    this.identities = identities;
    this.verified = verified;
    this.vertx = vertx;
  }

  void register(@Observes Router router) {
    List<Map.Entry<String, GatewayConfig.Route>> routes =
        new ArrayList<>(config.routes().entrySet());
    // Longer prefixes first so that /registry/admin could be routed apart from /registry.
    routes.sort(Comparator.comparing(e -> -e.getValue().prefix().length()));
    for (Map.Entry<String, GatewayConfig.Route> e : routes) {
      RouteDef route = new RouteDef(e.getKey(), e.getValue());
      HttpProxy proxy =
          HttpProxy.reverseProxy(
                  new ProxyOptions().setSupportWebSocket(false), route.backend.client)
              .origin(origin(route.backend))
              .addInterceptor(new Interceptor(route));
      router
          .route(route.prefix + "/*")
          .handler(ctx -> edge(ctx, route))
          .handler(ProxyHandler.create(proxy));
      LOG.infof(
          "route %s/** -> %s%s (backend %s)",
          route.prefix,
          route.backend.config.url(),
          route.config.rewrite().orElse(""),
          route.backend.name);
    }
  }

  /** A configured route with its parsed rules. */
  private final class RouteDef {
    final String name;
    final String prefix;
    final GatewayConfig.Route config;
    final Backend backend;
    final List<PathRule> publicRules;
    final RateLimiter limiter;
    final RateLimiter publicLimiter;

    RouteDef(String name, GatewayConfig.Route config) {
      this.name = name;
      String p = config.prefix().trim();
      this.prefix = p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
      this.config = config;
      this.backend = backends.get(config.backend());
      this.publicRules = config.publicPaths().stream().map(PathRule::parse).toList();
      this.limiter = rateLimits.group(config.rateLimitGroup());
      this.publicLimiter = rateLimits.group(config.publicRateLimitGroup());
    }
  }

  // ---- edge: token, rate limit, size ---------------------------------------------------------

  private void edge(RoutingContext ctx, RouteDef route) {
    HttpServerRequest request = ctx.request();
    String template = route.prefix + "/**";
    ctx.put(ROUTE_KEY, template);
    Context requestContext = Vertx.currentContext();
    if (requestContext != null) {
      // Quarkus' http_server_requests metric would otherwise tag every distinct proxied path.
      requestContext.putLocal(URL_PATH_TEMPLATE, template);
    }
    String path = ctx.normalizedPath();
    if (!PathRewrite.under(path, route.prefix)) {
      // Dot segments led out of the prefix: never forward what was not checked.
      EdgeProblems.write(request, 404, "No resource at " + request.method() + " " + path);
      return;
    }
    String remainder = PathRewrite.remainder(path, route.prefix);
    boolean isPublic =
        !route.config.auth()
            || PathRule.anyMatches(route.publicRules, request.method().name(), remainder);
    // Nothing of the body may be read (and lost) before the proxy pipes it.
    request.pause();
    String query = request.query();
    String backendUri =
        PathRewrite.backendPath(path, route.prefix, route.config.rewrite().orElse(""))
            + (query == null ? "" : "?" + query);
    if (isPublic) {
      admit(ctx, route, null, true, backendUri);
      return;
    }
    // A token verified before skips the security pipeline; a new one goes through it, and the
    // platform keeps what it accepted.
    var known = verified.verified(bearer(request));
    if (known.isPresent()) {
      admit(ctx, route, clientId(known.get()), false, backendUri);
      return;
    }
    Context context = requestContext;
    // A rejected token is answered below; without this Quarkus' default failure handler would
    // also fail the routing context.
    ctx.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, IGNORE_AUTH_FAILURE);
    QuarkusHttpUser.getSecurityIdentity(ctx, identities)
        .subscribe()
        .with(
            identity ->
                onContext(
                    context,
                    () -> {
                      if (identity == null || identity.isAnonymous()) {
                        unauthorized(request);
                      } else {
                        String client = clientId(identity);
                        admit(ctx, route, client, false, backendUri);
                      }
                    }),
            failure -> onContext(context, () -> unauthorized(request)));
  }

  private static void onContext(Context context, Runnable action) {
    if (context == null || Vertx.currentContext() == context) {
      action.run();
    } else {
      context.runOnContext(v -> action.run());
    }
  }

  private static void unauthorized(HttpServerRequest request) {
    EdgeProblems.write(
        request,
        401,
        "A valid bearer access token is required (missing, expired, or not issued by the trusted"
            + " issuer)");
  }

  private void admit(
      RoutingContext ctx, RouteDef route, String clientId, boolean isPublic, String backendUri) {
    HttpServerRequest request = ctx.request();
    HttpServerResponse response = ctx.response();
    if (clientId != null) {
      ctx.put(CLIENT_KEY, clientId);
    }
    String key = clientId != null ? "client:" + clientId : "addr:" + remoteHost(request);
    RateLimiter.Decision d = (isPublic ? route.publicLimiter : route.limiter).tryAcquire(key);
    response
        .putHeader("RateLimit-Limit", Integer.toString(d.limit()))
        .putHeader("RateLimit-Remaining", Integer.toString(d.remaining()))
        .putHeader("RateLimit-Reset", Long.toString(d.resetSeconds()));
    if (!d.allowed()) {
      response.putHeader("Retry-After", Long.toString(d.resetSeconds()));
      EdgeProblems.write(
          request,
          429,
          "More than "
              + d.limit()
              + " requests in the current window for "
              + (clientId != null ? "client " + clientId : "this address")
              + "; retry in "
              + d.resetSeconds()
              + " s");
      return;
    }
    long max = route.config.maxBodySize().asLongValue();
    String length = request.getHeader("Content-Length");
    if (length != null) {
      try {
        if (Long.parseLong(length.trim()) > max) {
          response.putHeader("Connection", "close");
          EdgeProblems.write(request, 413, "The request body exceeds " + max + " bytes");
          return;
        }
      } catch (NumberFormatException e) {
        EdgeProblems.write(request, 400, "Content-Length is not a number");
        return;
      }
    }
    inFlight.put(request, new Forward(backendUri, max));
    ctx.addEndHandler(v -> inFlight.remove(request));
    ctx.next();
  }

  private static String bearer(HttpServerRequest request) {
    String h = request.getHeader("Authorization");
    return h != null && h.regionMatches(true, 0, "Bearer ", 0, 7) ? h.substring(7).trim() : null;
  }

  static String remoteHost(HttpServerRequest request) {
    return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
  }

  /** Keycloak puts the client in azp; other issuers use client_id (RFC 9068). */
  static String clientId(SecurityIdentity identity) {
    if (identity.getPrincipal() instanceof JsonWebToken jwt) {
      String client = CallerProducer.clientId(jwt);
      if (client != null) {
        return client;
      }
      if (jwt.getSubject() != null) {
        return "sub:" + jwt.getSubject();
      }
    }
    return identity.getPrincipal() == null ? null : identity.getPrincipal().getName();
  }

  // ---- origin: connection to the backend, GET retried once ------------------------------------

  private static OriginRequestProvider origin(Backend backend) {
    return pc -> {
      Future<HttpClientRequest> first = backend.client.request(backend.requestOptions());
      HttpMethod method = pc.request().getMethod();
      // Nothing has reached the backend when the connection fails, and GET/HEAD are idempotent:
      // one more try. Any other method, or any later failure, is not retried.
      Future<HttpClientRequest> attempt =
          method == HttpMethod.GET || method == HttpMethod.HEAD
              ? first.recover(
                  t ->
                      isConnectFailure(t)
                          ? backend.client.request(backend.requestOptions())
                          : Future.failedFuture(t))
              : first;
      return attempt.onSuccess(req -> pc.set(CLIENT_REQUEST, req));
    };
  }

  static boolean isConnectFailure(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof ConnectException
          || c instanceof NoRouteToHostException
          || c instanceof UnknownHostException) {
        return true;
      }
    }
    return false;
  }

  static boolean isPoolBusy(Throwable t) {
    return t instanceof io.vertx.core.http.ConnectionPoolTooBusyException;
  }

  // ---- interceptor: headers, breaker, timeout, error mapping ----------------------------------

  private final class Interceptor implements ProxyInterceptor {
    private final RouteDef route;

    Interceptor(RouteDef route) {
      this.route = route;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext pc) {
      ProxyRequest out = pc.request();
      HttpServerRequest in = out.proxiedRequest();
      Forward forward = inFlight.get(in);
      if (forward == null) {
        return synthetic(pc, 500, "The request was not admitted by the gateway's edge handler");
      }
      out.setURI(forward.backendUri());
      forwardingHeaders(in, out.headers());

      Promise<ProxyResponse> result = Promise.promise();
      Body body = out.getBody();
      if (body != null && body.length() < 0) {
        // Chunked upload without a declared length: count while streaming.
        out.setBody(
            Body.body(
                new LimitedReadStream(
                    body.stream(),
                    forward.maxBodySize(),
                    () -> {
                      if (result.tryComplete(
                          problem(
                              pc,
                              413,
                              "The request body exceeds " + forward.maxBodySize() + " bytes"))) {
                        route.backend.breaker.onIgnored();
                        reset(pc);
                      }
                    }),
                -1));
      }

      CircuitBreaker breaker = route.backend.breaker;
      CircuitBreaker.Permit permit = breaker.tryAcquire();
      if (!permit.allowed()) {
        long retryAfter = Math.max(1, (permit.retryAfterMillis() + 999) / 1000);
        ProxyResponse refused =
            problem(
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

      long timeoutMs = route.config.timeout().toMillis();
      long[] timer = {-1};
      Runnable[] arm = new Runnable[1];
      arm[0] =
          () ->
              timer[0] =
                  vertx.setTimer(
                      timeoutMs,
                      id -> {
                        // The clock runs from the end of the upload: a long upload is not a slow
                        // backend.
                        if (!in.isEnded()) {
                          arm[0].run();
                        } else if (result.tryComplete(
                            problem(
                                pc,
                                504,
                                "Backend "
                                    + route.backend.name
                                    + " did not answer within "
                                    + timeoutMs
                                    + " ms"))) {
                          breaker.onFailure();
                          reset(pc);
                        }
                      });
      arm[0].run();

      pc.sendRequest()
          .onComplete(
              ar -> {
                vertx.cancelTimer(timer[0]);
                if (ar.succeeded()) {
                  ProxyResponse response = ar.result();
                  if (result.tryComplete(response)) {
                    int status = response.getStatusCode();
                    if (status == 502 || status == 503 || status == 504) {
                      breaker.onFailure();
                    } else {
                      breaker.onSuccess();
                    }
                  } else {
                    response.release();
                  }
                  return;
                }
                if (result.future().isComplete()) {
                  return;
                }
                Throwable t = ar.cause();
                if (in.response().closed()) {
                  breaker.onIgnored(); // the caller went away; says nothing about the backend
                  result.tryComplete(problem(pc, 499, "The client closed the connection"));
                } else if (isConnectFailure(t)) {
                  breaker.onFailure();
                  result.tryComplete(
                      problem(pc, 503, "Backend " + route.backend.name + " is not reachable"));
                } else if (t instanceof HttpClosedException
                    && (in.method() == HttpMethod.GET || in.method() == HttpMethod.HEAD)) {
                  // A kept-alive connection the backend closed (it stopped or restarted): for a
                  // read nothing can have changed, so it is the same as a refused connection.
                  // Other methods stay 502: whether they took effect is unknown.
                  breaker.onFailure();
                  result.tryComplete(
                      problem(
                          pc,
                          503,
                          "Backend " + route.backend.name + " closed the connection; retry later"));
                } else if (isPoolBusy(t)) {
                  breaker.onIgnored();
                  result.tryComplete(
                      problem(pc, 503, "Backend " + route.backend.name + " is saturated"));
                } else {
                  breaker.onFailure();
                  LOG.debugf(t, "backend %s failed", route.backend.name);
                  result.tryComplete(
                      problem(
                          pc,
                          502,
                          "Backend " + route.backend.name + " failed: " + t.getClass().getName()));
                }
              });
      return result.future();
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
      String rewrite = route.config.rewrite().orElse("");
      for (String origin : route.backend.origins()) {
        if (location.regionMatches(true, 0, origin, 0, origin.length())) {
          return PathRewrite.location(location, origin, route.prefix, rewrite, base);
        }
      }
      return PathRewrite.location(
          location, route.backend.origins().get(0), route.prefix, rewrite, base);
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext pc) {
      if (pc.get(SYNTHETIC, Boolean.class) == null) {
        MultiMap headers = pc.response().headers();
        for (String name : HopByHop.namesToDrop(headers.getAll("Connection"))) {
          headers.remove(name);
        }
        RESPONSE_HEADERS_DROPPED.forEach(headers::remove);
        // The gateway answers with its own request id (the same one it forwarded).
        headers.remove(RequestIds.HEADER);
        // A backend's own address must not leak to clients, who could not reach it anyway.
        String location = headers.get("Location");
        if (location != null) {
          headers.set("Location", clientLocation(location, pc.request().proxiedRequest()));
        }
      }
      return pc.sendResponse();
    }
  }

  private static void forwardingHeaders(HttpServerRequest in, MultiMap headers) {
    for (String name : HopByHop.namesToDrop(in.headers().getAll("Connection"))) {
      headers.remove(name);
    }
    String remote = remoteHost(in);
    String previous = in.getHeader("X-Forwarded-For");
    headers.set("X-Forwarded-For", previous == null ? remote : previous + ", " + remote);
    headers.set("X-Forwarded-Proto", in.scheme() == null ? "http" : in.scheme());
    if (in.authority() != null) {
      headers.set("X-Forwarded-Host", in.authority().toString());
    }
    headers.set(RequestIds.HEADER, EdgeProblems.requestId(in));
  }

  private static void reset(ProxyContext pc) {
    HttpClientRequest request = pc.get(CLIENT_REQUEST, HttpClientRequest.class);
    if (request != null) {
      request.reset();
    }
  }

  private static Future<ProxyResponse> synthetic(ProxyContext pc, int status, String detail) {
    return Future.succeededFuture(problem(pc, status, detail));
  }

  /** An answer of the gateway itself, sent through the proxy's response path. */
  private static ProxyResponse problem(ProxyContext pc, int status, String detail) {
    pc.set(SYNTHETIC, Boolean.TRUE);
    HttpServerRequest in = pc.request().proxiedRequest();
    ProxyResponse response = pc.request().release().response();
    response
        .setStatusCode(status)
        .putHeader("Content-Type", Problem.MEDIA_TYPE)
        .setBody(
            Body.body(EdgeProblems.body(status, detail, in.path(), EdgeProblems.requestId(in))));
    return response;
  }
}
