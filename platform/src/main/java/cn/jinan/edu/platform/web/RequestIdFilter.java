package cn.jinan.edu.platform.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.MDC;

/**
 * Runs before everything else (health, OpenAPI and REST alike) so that every response and every log
 * line of the request carries the same id.
 */
@ApplicationScoped
public class RequestIdFilter {
  static final int PRIORITY = 10_000;

  void register(@Observes Filters filters) {
    filters.register(
        ctx -> {
          String id = RequestIds.acceptOrGenerate(ctx.request().getHeader(RequestIds.HEADER));
          ctx.put(RequestIds.MDC_KEY, id);
          MDC.put(RequestIds.MDC_KEY, id);
          ctx.response().putHeader(RequestIds.HEADER, id);
          ctx.next();
        },
        PRIORITY);
  }
}
