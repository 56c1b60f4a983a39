package cn.jinan.edu.gateway.client;

import cn.jinan.edu.gateway.config.GatewayConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** The configured backends, created once at start-up. */
@ApplicationScoped
public class Backends {
  private final Map<String, Backend> byName;

  Backends(Vertx vertx, GatewayConfig config) {
    Map<String, Backend> m = new TreeMap<>();
    config.backends().forEach((name, b) -> m.put(name, new Backend(vertx, name, b)));
    this.byName = Collections.unmodifiableMap(m);
  }

  public Backend get(String name) {
    Backend b = byName.get(name);
    if (b == null) {
      throw new IllegalStateException("no backend named " + name + " in gateway.backends");
    }
    return b;
  }

  public Map<String, Backend> all() {
    return byName;
  }

  void close(@Observes ShutdownEvent event) {
    byName
        .values()
        .forEach(
            b -> {
              b.circuit.close();
              b.client.close();
            });
  }
}
