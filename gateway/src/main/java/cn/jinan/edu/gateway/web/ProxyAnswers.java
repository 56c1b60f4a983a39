package cn.jinan.edu.gateway.web;

import cn.jinan.edu.platform.problem.Problem;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyResponse;

/** Answers of the gateway itself (problem+json) sent through the proxy's response path. */
final class ProxyAnswers {
  private static final String SYNTHETIC = "gateway.synthetic";

  private ProxyAnswers() {}

  /** The backend's answer is replaced by the gateway's: the request to the backend is released. */
  static ProxyResponse problem(ProxyContext pc, int status, String detail) {
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

  /** Whether the response is the gateway's own rather than the backend's. */
  static boolean isSynthetic(ProxyContext pc) {
    return pc.get(SYNTHETIC, Boolean.class) != null;
  }
}
