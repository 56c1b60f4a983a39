package cn.jinan.edu.gateway.web;

import cn.jinan.edu.gateway.client.BackendCircuit;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import org.jboss.logging.Logger;

/**
 * One admitted request on its way to the backend and back: the route's timeout, the body limit of a
 * chunked upload, the backend's failures turned into problem+json, and exactly one report to the
 * backend's circuit. Whichever comes first (answer, timeout, body over the limit) answers the
 * client; the others find the answer given. Itself the timeout's timer handler.
 */
final class Exchange implements Handler<Long> {
  private static final Logger LOG = Logger.getLogger(Exchange.class);

  private final ProxyContext pc;
  private final HttpServerRequest in;
  private final ProxiedRoute route;
  private final Vertx vertx;
  private final BackendCircuit.Call call;
  private final Promise<ProxyResponse> result = Promise.promise();
  private long timer = -1;

  Exchange(ProxyContext pc, ProxiedRoute route, Vertx vertx, BackendCircuit.Call call) {
    this.pc = pc;
    this.in = pc.request().proxiedRequest();
    this.route = route;
    this.vertx = vertx;
    this.call = call;
  }

  Future<ProxyResponse> start(long maxBodySize) {
    ProxyRequest out = pc.request();
    Body body = out.getBody();
    if (body != null && body.length() < 0) {
      // Chunked upload without a declared length: count while streaming.
      out.setBody(
          Body.body(
              new LimitedReadStream(body.stream(), maxBodySize, () -> bodyTooLarge(maxBodySize)),
              -1));
    }
    timer = vertx.setTimer(route.timeoutMillis, this);
    pc.sendRequest().onComplete(this::answered);
    return result.future();
  }

  private void bodyTooLarge(long maxBodySize) {
    if (result.tryComplete(
        ProxyAnswers.problem(pc, 413, "The request body exceeds " + maxBodySize + " bytes"))) {
      call.ignored();
      BackendOrigin.reset(pc);
    }
  }

  /** The route's timeout. */
  @Override
  public void handle(Long id) {
    // The clock runs from the end of the upload: a long upload is not a slow backend.
    if (!in.isEnded()) {
      timer = vertx.setTimer(route.timeoutMillis, this);
    } else if (result.tryComplete(
        ProxyAnswers.problem(
            pc,
            504,
            "Backend "
                + route.backend.name
                + " did not answer within "
                + route.timeoutMillis
                + " ms"))) {
      call.failed();
      BackendOrigin.reset(pc);
    }
  }

  private void answered(AsyncResult<ProxyResponse> ar) {
    vertx.cancelTimer(timer);
    if (ar.succeeded()) {
      ProxyResponse response = ar.result();
      if (result.tryComplete(response)) {
        int status = response.getStatusCode();
        if (status == 502 || status == 503 || status == 504) {
          call.failed();
        } else {
          call.succeeded();
        }
      } else {
        response.release();
      }
      return;
    }
    if (!result.future().isComplete()) {
      failed(ar.cause());
    }
  }

  private void failed(Throwable t) {
    String backend = route.backend.name;
    if (in.response().closed()) {
      call.ignored(); // the caller went away; says nothing about the backend
      result.tryComplete(ProxyAnswers.problem(pc, 499, "The client closed the connection"));
    } else if (BackendOrigin.isConnectFailure(t)) {
      call.failed();
      result.tryComplete(ProxyAnswers.problem(pc, 503, "Backend " + backend + " is not reachable"));
    } else if (t instanceof HttpClosedException
        && (in.method() == HttpMethod.GET || in.method() == HttpMethod.HEAD)) {
      // A kept-alive connection the backend closed (it stopped or restarted): for a read nothing
      // can have changed, so it is the same as a refused connection. Other methods stay 502:
      // whether they took effect is unknown.
      call.failed();
      result.tryComplete(
          ProxyAnswers.problem(
              pc, 503, "Backend " + backend + " closed the connection; retry later"));
    } else if (BackendOrigin.isPoolBusy(t)) {
      call.ignored();
      result.tryComplete(ProxyAnswers.problem(pc, 503, "Backend " + backend + " is saturated"));
    } else {
      call.failed();
      LOG.debugf(t, "backend %s failed", backend);
      result.tryComplete(
          ProxyAnswers.problem(
              pc, 502, "Backend " + backend + " failed: " + t.getClass().getName()));
    }
  }
}
