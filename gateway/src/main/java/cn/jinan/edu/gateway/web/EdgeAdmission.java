package cn.jinan.edu.gateway.web;

import cn.jinan.edu.gateway.domain.PathRewrite;
import cn.jinan.edu.gateway.domain.PathRule;
import cn.jinan.edu.gateway.domain.Quota;
import cn.jinan.edu.platform.security.CallerProducer;
import cn.jinan.edu.platform.security.VerifiedTokenIdentities;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.function.BiConsumer;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The edge handler (边缘检查) in front of each route's proxy: the path stays under the prefix, the
 * token is valid unless the path is public, the client is within its rate limit and the declared
 * body within the route's size. What it admits goes on to the proxy with its backend path.
 */
final class EdgeAdmission {
  /** The context-local key under which Quarkus' HTTP metrics look for a path template. */
  private static final String URL_PATH_TEMPLATE = "UrlPathTemplate";

  private static final BiConsumer<RoutingContext, Throwable> IGNORE_AUTH_FAILURE = (c, t) -> {};

  private final IdentityProviderManager identities;
  private final VerifiedTokenIdentities verified;
  private final AdmittedRequests admitted;
  private final RateLimits rateLimits;

  EdgeAdmission(
      IdentityProviderManager identities,
      VerifiedTokenIdentities verified,
      AdmittedRequests admitted,
      RateLimits rateLimits) {
    this.identities = identities;
    this.verified = verified;
    this.admitted = admitted;
    this.rateLimits = rateLimits;
  }

  void handle(RoutingContext ctx, ProxiedRoute route) {
    HttpServerRequest request = ctx.request();
    ctx.put(ProxyRoutes.ROUTE_KEY, route.template);
    Context requestContext = Vertx.currentContext();
    if (requestContext != null) {
      // Quarkus' http_server_requests metric would otherwise tag every distinct proxied path.
      requestContext.putLocal(URL_PATH_TEMPLATE, route.template);
    }
    String path = ctx.normalizedPath();
    if (!PathRewrite.under(path, route.prefix)) {
      // Dot segments led out of the prefix: never forward what was not checked.
      EdgeProblems.write(request, 404, "No resource at " + request.method() + " " + path);
      return;
    }
    String remainder = PathRewrite.remainder(path, route.prefix);
    if (remainder.equals("/q") || remainder.startsWith("/q/")) {
      // A backend's management endpoints (health, metrics, documents) are never public.
      EdgeProblems.write(request, 404, "No resource at " + request.method() + " " + path);
      return;
    }
    boolean isPublic =
        !route.config.auth()
            || PathRule.anyMatches(route.publicRules, request.method().name(), remainder);
    // Nothing of the body may be read (and lost) before the proxy pipes it.
    request.pause();
    String query = request.query();
    String backendUri =
        PathRewrite.backendPath(path, route.prefix, route.rewrite)
            + (query == null ? "" : "?" + query);
    if (isPublic) {
      admit(ctx, route, null, true, backendUri);
    } else {
      authenticate(ctx, route, backendUri, requestContext);
    }
  }

  private void authenticate(
      RoutingContext ctx, ProxiedRoute route, String backendUri, Context context) {
    HttpServerRequest request = ctx.request();
    // A token verified before skips the security pipeline; a new one goes through it, and the
    // platform keeps what it accepted.
    var known = verified.verified(bearer(request));
    if (known.isPresent()) {
      admit(ctx, route, clientId(known.get()), false, backendUri);
      return;
    }
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
      RoutingContext ctx,
      ProxiedRoute route,
      String clientId,
      boolean isPublic,
      String backendUri) {
    if (clientId != null) {
      ctx.put(ProxyRoutes.CLIENT_KEY, clientId);
    }
    // Authenticated calls count against their client, anonymous ones against the address the
    // trusted proxies report (quarkus.http.proxy.*), never against a header anyone may send.
    String key =
        clientId != null
            ? "client:" + clientId
            : "addr:" + ForwardingHeaders.remoteHost(ctx.request());
    Context context = Vertx.currentContext();
    rateLimits
        .tryConsume(isPublic ? route.publicQuota : route.quota, key)
        .whenComplete(
            (decision, failure) ->
                onContext(
                    context,
                    () -> {
                      // The limiter never fails a request: without a decision it is admitted.
                      if (failure != null || withinRateLimit(ctx, decision, clientId)) {
                        admitBody(ctx, route, backendUri);
                      }
                    }));
  }

  private void admitBody(RoutingContext ctx, ProxiedRoute route, String backendUri) {
    HttpServerRequest request = ctx.request();
    long max = route.maxBodySize;
    String length = request.getHeader("Content-Length");
    if (length != null) {
      try {
        if (Long.parseLong(length.trim()) > max) {
          ctx.response().putHeader("Connection", "close");
          EdgeProblems.write(request, 413, "The request body exceeds " + max + " bytes");
          return;
        }
      } catch (NumberFormatException e) {
        EdgeProblems.write(request, 400, "Content-Length is not a number");
        return;
      }
    }
    admitted.admit(ctx, backendUri, max);
    ctx.next();
  }

  /** Sets the RateLimit headers; over the limit, answers 429 and returns false. */
  private static boolean withinRateLimit(RoutingContext ctx, Quota.Decision d, String clientId) {
    HttpServerRequest request = ctx.request();
    HttpServerResponse response = ctx.response();
    if (response.ended() || response.closed()) {
      return false;
    }
    response
        .putHeader("RateLimit-Limit", Long.toString(d.limit()))
        .putHeader("RateLimit-Remaining", Long.toString(d.remaining()))
        .putHeader("RateLimit-Reset", Long.toString(d.resetSeconds()));
    if (d.allowed()) {
      return true;
    }
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
    return false;
  }

  private static String bearer(HttpServerRequest request) {
    String h = request.getHeader("Authorization");
    return h != null && h.regionMatches(true, 0, "Bearer ", 0, 7) ? h.substring(7).trim() : null;
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
}
