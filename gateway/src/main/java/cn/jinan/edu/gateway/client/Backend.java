package cn.jinan.edu.gateway.client;

import cn.jinan.edu.gateway.config.GatewayConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * One backend service: its connection pool (a Vert.x HttpClient) and its circuit breaker. Shared by
 * every route that points at the backend.
 */
public final class Backend {
  public final String name;
  public final String host;
  public final int port;
  public final boolean ssl;
  public final GatewayConfig.Backend config;
  public final HttpClient client;
  public final BackendCircuit circuit;

  /** Where probes and documents are read: the management interface, else the base URL. */
  private final String managementHost;

  private final int managementPort;

  Backend(Vertx vertx, String name, GatewayConfig.Backend config) {
    this.name = name;
    this.config = config;
    URI uri = URI.create(config.url());
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("backend " + name + ": not an absolute URL " + uri);
    }
    this.host = uri.getHost();
    this.ssl = "https".equalsIgnoreCase(uri.getScheme());
    this.port = uri.getPort() > 0 ? uri.getPort() : ssl ? 443 : 80;
    HttpClientOptions options =
        new HttpClientOptions()
            .setDefaultHost(host)
            .setDefaultPort(port)
            .setSsl(ssl)
            .setConnectTimeout((int) config.connectTimeout().toMillis())
            .setKeepAlive(true)
            // Bodies stream through untouched; compression is the client's and backend's business.
            .setDecompressionSupported(false);
    PoolOptions pool =
        new PoolOptions()
            .setHttp1MaxSize(config.maxConnections())
            // A bounded queue: beyond it calls fail fast (503) instead of piling up.
            .setMaxWaitQueueSize(config.maxConnections() * 4);
    this.client = vertx.createHttpClient(options, pool);
    this.circuit =
        new BackendCircuit(vertx, name, config.failureThreshold(), config.openDuration());
    URI management = config.managementUrl().map(URI::create).orElse(uri);
    this.managementHost = management.getHost();
    this.managementPort = management.getPort() > 0 ? management.getPort() : port;
  }

  /**
   * How the backend may name itself in a Location header: with its port, and without a default one.
   */
  public List<String> origins() {
    String scheme = ssl ? "https" : "http";
    String withPort = scheme + "://" + host + ":" + port;
    return (ssl ? port == 443 : port == 80)
        ? List.of(withPort, scheme + "://" + host)
        : List.of(withPort);
  }

  public RequestOptions requestOptions() {
    return new RequestOptions().setHost(host).setPort(port).setSsl(ssl);
  }

  /**
   * A small GET for probes and documents, to the management interface; the whole body is read into
   * memory.
   */
  public Future<Response> get(String path, Duration timeout) {
    return client
        .request(
            new RequestOptions()
                .setHost(managementHost)
                .setPort(managementPort)
                .setSsl(ssl)
                .setMethod(HttpMethod.GET)
                .setURI(path)
                .setTimeout(timeout.toMillis())
                .putHeader("Accept", "application/json"))
        .compose(req -> req.send().compose(this::read));
  }

  private Future<Response> read(HttpClientResponse response) {
    return response.body().map(body -> new Response(response.statusCode(), body));
  }

  public record Response(int status, Buffer body) {}
}
