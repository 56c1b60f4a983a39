package cn.jinan.edu.gateway.client;

import cn.jinan.edu.gateway.config.GatewayConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.circuitbreaker.CircuitBreakerState;
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

  Backends(Vertx vertx, GatewayConfig config, MeterRegistry registry) {
    Map<String, Backend> m = new TreeMap<>();
    config.backends().forEach((name, b) -> m.put(name, new Backend(vertx, name, b)));
    this.byName = Collections.unmodifiableMap(m);
    // gateway_backend_circuit_open{backend}: 1 while the backend's circuit refuses calls.
    byName.forEach(
        (name, b) ->
            Gauge.builder(
                    "gateway.backend.circuit.open",
                    b,
                    x -> x.circuit.state() == CircuitBreakerState.OPEN ? 1 : 0)
                .description("1 while the backend's circuit is open (calls answered 503)")
                .tag("backend", name)
                .register(registry));
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
