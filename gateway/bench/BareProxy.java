import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.httpproxy.HttpProxy;

/**
 * The benchmark's floor for the gateway: vertx-http-proxy alone (the library the gateway is built
 * on, same jars, native epoll), with no token check, rate limit, access log, metrics or Quarkus
 * HTTP filters. Whatever the gateway reaches is bounded by this on the same machine.
 *
 * <p>Run from gateway-bench.sh: {@code java -cp 'target/quarkus-app/lib/main/*' BareProxy.java
 * PORT BACKEND_PORT}.
 */
public class BareProxy {
  public static void main(String[] args) {
    int port = Integer.parseInt(args[0]);
    int backend = Integer.parseInt(args[1]);
    int loops = 2 * Runtime.getRuntime().availableProcessors(); // as Quarkus sizes its event loops
    Vertx vertx =
        Vertx.vertx(new VertxOptions().setPreferNativeTransport(true).setEventLoopPoolSize(loops));
    vertx.deployVerticle(
        () ->
            new AbstractVerticle() {
              @Override
              public void start() {
                HttpProxy proxy =
                    HttpProxy.reverseProxy(
                            vertx.createHttpClient(new HttpClientOptions().setMaxPoolSize(64)))
                        .origin(backend, "127.0.0.1");
                vertx.createHttpServer().requestHandler(proxy).listen(port, "127.0.0.1");
              }
            },
        new DeploymentOptions().setInstances(loops));
  }
}
