package cn.jinan.edu.gateway.web;

import cn.jinan.edu.platform.problem.Problem;
import cn.jinan.edu.platform.problem.ProblemType;
import cn.jinan.edu.platform.web.RequestIds;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.Json;
import java.util.Map;

/** problem+json bodies for answers the gateway gives itself (401, 413, 429, 502, 503, 504). */
public final class EdgeProblems {
  private EdgeProblems() {}

  public static Buffer body(int status, String detail, String instance, String requestId) {
    ProblemType type = ProblemType.forStatus(status);
    String title = type == ProblemType.HTTP_ERROR ? "HTTP " + status : type.title();
    Problem problem =
        new Problem(type.uri(), title, status, detail, instance, requestId, null, Map.of());
    return Buffer.buffer(Json.encode(problem));
  }

  /** The request id the platform filter put on the response. */
  public static String requestId(HttpServerRequest request) {
    String id = request.response().headers().get(RequestIds.HEADER);
    return id != null ? id : RequestIds.acceptOrGenerate(request.getHeader(RequestIds.HEADER));
  }

  /** Writes the problem and lets the rest of the request body drain. */
  public static void write(HttpServerRequest request, int status, String detail) {
    HttpServerResponse response = request.response();
    if (response.ended() || response.headWritten()) {
      return;
    }
    if (status == 401) {
      response.putHeader("WWW-Authenticate", "Bearer");
    }
    request.resume();
    response
        .setStatusCode(status)
        .putHeader("Content-Type", Problem.MEDIA_TYPE)
        .end(body(status, detail, request.path(), requestId(request)));
  }
}
