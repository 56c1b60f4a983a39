package cn.jinan.edu.gateway.web;

import cn.jinan.edu.gateway.client.Backend;
import io.vertx.core.Future;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.httpproxy.OriginRequestProvider;
import io.vertx.httpproxy.ProxyContext;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;

/** The connection to the backend of one exchange: GET/HEAD retried once, reset on demand. */
final class BackendOrigin {
  private static final String CLIENT_REQUEST = "gateway.clientRequest";

  private BackendOrigin() {}

  static OriginRequestProvider of(Backend backend) {
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

  /** Resets the request to the backend, if one was made: nothing more of it is wanted. */
  static void reset(ProxyContext pc) {
    HttpClientRequest request = pc.get(CLIENT_REQUEST, HttpClientRequest.class);
    if (request != null) {
      request.reset();
    }
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
    return t instanceof ConnectionPoolTooBusyException;
  }
}
