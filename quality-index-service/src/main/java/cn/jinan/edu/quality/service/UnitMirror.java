package cn.jinan.edu.quality.service;

import cn.jinan.edu.platform.problem.ProblemException;
import cn.jinan.edu.platform.problem.ProblemType;
import cn.jinan.edu.quality.client.RegistryClient;
import cn.jinan.edu.quality.domain.Unit;
import cn.jinan.edu.quality.domain.UnitKind;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jboss.logging.Logger;

/**
 * Units (区县 and functional zones) belong to registry-service; this service keeps a read-only mirror
 * of them because every "X% of districts" target counts the units in scope on a date. The mirror
 * follows the registry on a schedule and on demand; nothing here edits a unit.
 */
@ApplicationScoped
public class UnitMirror {
  private static final Logger LOG = Logger.getLogger(UnitMirror.class);
  static final String SOURCE = "registry-service";

  @Inject RegistryClient registry;

  @Scheduled(
      identity = "unit-mirror",
      every = "${quality.registry.units-refresh:10m}",
      delayed = "${quality.registry.units-first-refresh:5s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduled() {
    registry.units().ifPresent(this::apply);
  }

  /** Reads the registry's units now; 503 when it cannot be read. */
  public Views.UnitMirrorView refresh() {
    List<RegistryClient.RegistryUnit> units =
        registry
            .units()
            .orElseThrow(
                () ->
                    new ProblemException(
                        ProblemType.SERVICE_UNAVAILABLE,
                        503,
                        "registry-service, the owner of units, cannot be read now; the units"
                            + " held here stay as they are",
                        List.of(),
                        Map.of(),
                        Map.of("Retry-After", "30")));
    return apply(units);
  }

  /**
   * Makes the mirror equal to the registry's list in one transaction. An empty list is refused: the
   * registry always has the 12 districts, so empty means a fault, not "no units".
   */
  public Views.UnitMirrorView apply(List<RegistryClient.RegistryUnit> units) {
    if (units.isEmpty()) {
      throw new ProblemException(
          ProblemType.SERVICE_UNAVAILABLE,
          503,
          "registry-service listed no units; the units held here stay as they are",
          List.of(),
          Map.of(),
          Map.of("Retry-After", "30"));
    }
    Map<String, RegistryClient.RegistryUnit> wanted = new HashMap<>();
    for (RegistryClient.RegistryUnit u : units) {
      if (u.code() == null
          || !u.code().matches("[0-9]{6}")
          || Arrays.stream(UnitKind.values()).noneMatch(k -> k.name().equals(u.kind()))
          || (u.validTo() != null && !u.validTo().isAfter(u.validFrom()))) {
        throw new ProblemException(
            ProblemType.SERVICE_UNAVAILABLE,
            503,
            "registry-service listed a unit this service cannot hold (" + u + "); nothing changed",
            List.of(),
            Map.of(),
            Map.of("Retry-After", "30"));
      }
      wanted.put(u.code() + "|" + u.validFrom(), u);
    }
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              int added = 0;
              int updated = 0;
              int removed = 0;
              List<Unit> held = Unit.listAll();
              Map<String, Unit> byKey = new HashMap<>();
              for (Unit u : held) {
                String key = u.code + "|" + u.validFrom;
                if (wanted.containsKey(key)) {
                  byKey.put(key, u);
                } else {
                  u.delete();
                  removed++;
                }
              }
              for (Map.Entry<String, RegistryClient.RegistryUnit> e : wanted.entrySet()) {
                RegistryClient.RegistryUnit r = e.getValue();
                UnitKind kind = UnitKind.valueOf(r.kind());
                Unit u = byKey.get(e.getKey());
                if (u == null) {
                  u = new Unit();
                  u.code = r.code();
                  u.validFrom = r.validFrom();
                  u.createdBy = SOURCE;
                  added++;
                } else if (Objects.equals(u.nameZh, r.nameZh())
                    && u.kind == kind
                    && Objects.equals(u.validTo, r.validTo())) {
                  continue;
                } else {
                  updated++;
                }
                u.nameZh = r.nameZh();
                u.kind = kind;
                u.validTo = r.validTo();
                u.persist();
              }
              if (added + updated + removed > 0) {
                LOG.infof(
                    "units mirrored from %s: %d added, %d updated, %d removed",
                    SOURCE, added, updated, removed);
              }
              List<Views.UnitView> all = new ArrayList<>();
              Unit.<Unit>list("order by code, validFrom")
                  .forEach(u -> all.add(ReferenceService.view(u)));
              return new Views.UnitMirrorView(SOURCE, units.size(), added, updated, removed, all);
            });
  }
}
