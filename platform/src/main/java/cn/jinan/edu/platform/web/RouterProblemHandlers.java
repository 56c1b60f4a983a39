package cn.jinan.edu.platform.web;

import cn.jinan.edu.platform.problem.Problem;
import cn.jinan.edu.platform.problem.ProblemType;
import cn.jinan.edu.platform.problem.Problems;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Errors that never reach JAX-RS (no route matched, body too large, failures in HTTP-layer
 * handlers) are answered in the same problem+json format instead of Vert.x's HTML pages.
 */
@ApplicationScoped
public class RouterProblemHandlers {
  private static final Logger LOG = Logger.getLogger(RouterProblemHandlers.class);

  void register(@Observes Router router) {
    router.errorHandler(404, ctx -> write(ctx, 404, "No resource at " + describe(ctx)));
    router.errorHandler(
        405, ctx -> write(ctx, 405, "Method " + ctx.request().method() + " is not allowed"));
    router.errorHandler(413, ctx -> write(ctx, 413, "The request body exceeds the size limit"));
    router.errorHandler(500, ctx -> fail(ctx));
    router
        .route()
        .order(Integer.MIN_VALUE)
        .failureHandler(
            ctx -> {
              int status = ctx.statusCode();
              if (status >= 400 && status < 500 && status != 401 && status != 403) {
                write(ctx, status, ProblemType.forStatus(status).title());
              } else if (status == 401 || status == 403) {
                // Auth failures from the HTTP layer (e.g. a rejected token) follow the same shape
                // as the ones JAX-RS maps.
                write(
                    ctx,
                    status,
                    status == 401
                        ? "A valid bearer access token is required"
                        : "The token's roles do not allow this operation");
              } else {
                fail(ctx);
              }
            });
  }

  private static void fail(RoutingContext ctx) {
    if (ctx.failure() != null) {
      LOG.error("Unhandled failure", ctx.failure());
    }
    write(ctx, 500, "An unexpected error occurred; quote the requestId when reporting it");
  }

  private static String describe(RoutingContext ctx) {
    return ctx.request().method() + " " + ctx.request().path();
  }

  static void write(RoutingContext ctx, int status, String detail) {
    if (ctx.response().ended() || ctx.response().headWritten()) {
      return;
    }
    Object id = ctx.get(RequestIds.MDC_KEY);
    Problem base =
        Problems.of(
            ProblemType.forStatus(status),
            status,
            detail,
            ctx.request().path(),
            List.of(),
            Map.of());
    Problem problem =
        new Problem(
            base.type,
            base.title,
            base.status,
            base.detail,
            base.instance,
            id == null ? base.requestId : id.toString(),
            null,
            Map.of());
    if (status == 401) {
      ctx.response().putHeader("WWW-Authenticate", "Bearer");
    }
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", Problem.MEDIA_TYPE)
        .end(Json.encode(problem));
  }
}
