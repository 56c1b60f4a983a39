package cn.jinan.edu.gateway.service;

import cn.jinan.edu.gateway.client.Backend;
import cn.jinan.edu.gateway.client.Backends;
import cn.jinan.edu.gateway.config.GatewayConfig;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness includes each backend's liveness (short timeout). Liveness of the gateway itself does
 * not: a backend outage must not get the gateway restarted.
 */
@Readiness
@ApplicationScoped
public class BackendReadiness implements AsyncHealthCheck {
  private final Backends backends;
  private final GatewayConfig config;

  BackendReadiness(Backends backends, GatewayConfig config) {
    this.backends = backends;
    this.config = config;
  }

  @Override
  public Uni<HealthCheckResponse> call() {
    List<Backend> all = new ArrayList<>(backends.all().values());
    List<Future<String>> probes = new ArrayList<>();
    for (Backend b : all) {
      probes.add(
          b.get(b.config.healthPath(), config.probeTimeout())
              .map(r -> r.status() == 200 ? "UP" : "DOWN (HTTP " + r.status() + ")")
              .otherwise(t -> "DOWN (" + t.getClass().getSimpleName() + ")"));
    }
    Future<HealthCheckResponse> result =
        Future.join(new ArrayList<>(probes))
            .transform(
                ignored -> {
                  HealthCheckResponseBuilder builder =
                      HealthCheckResponse.named("gateway backends");
                  boolean up = true;
                  for (int i = 0; i < all.size(); i++) {
                    Backend b = all.get(i);
                    String state = probes.get(i).result();
                    builder.withData(b.name, state + " " + b.config.url());
                    builder.withData(b.name + ".circuit", b.circuit.state().name());
                    if (!state.equals("UP") && b.config.requiredForReadiness()) {
                      up = false;
                    }
                  }
                  return Future.succeededFuture(builder.status(up).build());
                });
    return Uni.createFrom().completionStage(result.toCompletionStage());
  }
}
