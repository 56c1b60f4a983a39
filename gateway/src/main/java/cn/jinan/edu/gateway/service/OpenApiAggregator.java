package cn.jinan.edu.gateway.service;

import cn.jinan.edu.gateway.client.Backend;
import cn.jinan.edu.gateway.client.Backends;
import cn.jinan.edu.gateway.config.GatewayConfig;
import cn.jinan.edu.gateway.domain.OpenApiMerger;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fetches each backend's OpenAPI document at run time and keeps it for a while, so the merged
 * document always reflects what is deployed. A backend that cannot be reached keeps its last good
 * document; if there never was one it is listed as unavailable.
 */
@ApplicationScoped
public class OpenApiAggregator {
  private record Cached(JsonNode document, long fetchedAt) {}

  /** A service that publishes its document through the gateway. */
  public record ServiceDoc(String service, String prefix) {}

  private final GatewayConfig config;
  private final Backends backends;
  private final ObjectMapper mapper;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  OpenApiAggregator(GatewayConfig config, Backends backends, ObjectMapper mapper) {
    this.config = config;
    this.backends = backends;
    this.mapper = mapper;
  }

  /**
   * The backends that publish OpenAPI with the prefix they are reached at: the route named like the
   * backend, else the backend's shortest prefix.
   */
  public List<ServiceDoc> services() {
    Map<String, String> prefixByBackend = new TreeMap<>();
    config
        .routes()
        .forEach(
            (name, r) -> {
              if (backends.get(r.backend()).config.openapi()
                  && !name.equals(r.backend())
                  && !config.routes().containsKey(r.backend())) {
                prefixByBackend.merge(
                    r.backend(), strip(r.prefix()), (a, b) -> a.length() <= b.length() ? a : b);
              }
            });
    config
        .routes()
        .forEach(
            (name, r) -> {
              if (name.equals(r.backend()) && backends.get(r.backend()).config.openapi()) {
                prefixByBackend.put(r.backend(), strip(r.prefix()));
              }
            });
    List<ServiceDoc> docs = new ArrayList<>();
    prefixByBackend.forEach((backend, prefix) -> docs.add(new ServiceDoc(backend, prefix)));
    return docs;
  }

  public Uni<ObjectNode> merged(String serverUrl) {
    List<ServiceDoc> services = services();
    List<Future<JsonNode>> fetches = new ArrayList<>();
    for (ServiceDoc s : services) {
      fetches.add(document(s.service()));
    }
    Future<ObjectNode> merged =
        Future.join(new ArrayList<>(fetches))
            .transform(
                ignored -> {
                  List<OpenApiMerger.Source> sources = new ArrayList<>();
                  Map<String, String> unavailable = new LinkedHashMap<>();
                  for (int i = 0; i < services.size(); i++) {
                    Future<JsonNode> f = fetches.get(i);
                    ServiceDoc s = services.get(i);
                    if (f.succeeded()) {
                      sources.add(new OpenApiMerger.Source(s.service(), s.prefix(), f.result()));
                    } else {
                      unavailable.put(s.service(), String.valueOf(f.cause().getMessage()));
                    }
                  }
                  return Future.succeededFuture(
                      OpenApiMerger.merge(sources, serverUrl, unavailable));
                });
    return Uni.createFrom().completionStage(merged.toCompletionStage());
  }

  /** One service's own document with its server set to the gateway prefix. */
  public Uni<ObjectNode> single(String service, String serverUrl) {
    ServiceDoc doc =
        services().stream().filter(s -> s.service().equals(service)).findFirst().orElse(null);
    if (doc == null) {
      return Uni.createFrom().nullItem();
    }
    return Uni.createFrom()
        .completionStage(document(service).toCompletionStage())
        .map(
            d -> {
              ObjectNode copy = (ObjectNode) d.deepCopy();
              copy.putArray("servers").addObject().put("url", join(serverUrl, doc.prefix()));
              return copy;
            });
  }

  private Future<JsonNode> document(String service) {
    Cached cached = cache.get(service);
    long now = System.currentTimeMillis();
    if (cached != null && now - cached.fetchedAt() < config.openapiCacheTtl().toMillis()) {
      return Future.succeededFuture(cached.document());
    }
    Backend backend = backends.get(service);
    return backend
        .get(backend.config.openapiPath(), config.probeTimeout())
        .compose(
            r -> {
              if (r.status() != 200) {
                return Future.failedFuture("HTTP " + r.status());
              }
              try {
                JsonNode doc = mapper.readTree(r.body().getBytes());
                if (!doc.has("paths")) {
                  return Future.failedFuture("not an OpenAPI document");
                }
                cache.put(service, new Cached(doc, System.currentTimeMillis()));
                return Future.succeededFuture(doc);
              } catch (java.io.IOException e) {
                return Future.failedFuture("not JSON: " + e.getMessage());
              }
            })
        .recover(
            t ->
                cached != null
                    ? Future.succeededFuture(cached.document()) // stale beats nothing
                    : Future.failedFuture(t));
  }

  private static String strip(String prefix) {
    String p = prefix.trim();
    return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
  }

  static String join(String base, String prefix) {
    return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + prefix;
  }
}
