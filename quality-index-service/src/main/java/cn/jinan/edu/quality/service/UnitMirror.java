package cn.jinan.edu.quality.service;

import cn.jinan.edu.platform.data.ClusterJobs;
import cn.jinan.edu.platform.problem.ProblemException;
import cn.jinan.edu.platform.problem.ProblemType;
import cn.jinan.edu.quality.api.Views;
import cn.jinan.edu.quality.client.RegistryClient;
import cn.jinan.edu.quality.domain.Unit;
import cn.jinan.edu.quality.domain.UnitKind;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
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

  @Inject ClusterJobs jobs;
  @Inject RegistryClient registry;

  @Scheduled(
      identity = "unit-mirror",
      every = "${quality.registry.units-refresh:10m}",
      delayed = "${quality.registry.units-first-refresh:5s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduled(ScheduledExecution execution) {
    jobs.run(execution, () -> registry.units().ifPresent(this::apply));
  }

  /** Reads the registry's units now; 503 when it cannot be read. */
  public Views.UnitMirrorView refresh() {
    List<RegistryClient.RegistryUnit> units =
        registry
            .units()
            .orElseThrow(
                () ->
                    unavailable(
                        "registry-service, the owner of units, cannot be read now; the units"
                            + " held here stay as they are"));
    return apply(units);
  }

  /**
   * Makes the mirror equal to the registry's list in one transaction. An empty list is refused: the
   * registry always has the 12 districts, so empty means a fault, not "no units".
   */
  public Views.UnitMirrorView apply(List<RegistryClient.RegistryUnit> units) {
    Map<String, RegistryClient.RegistryUnit> wanted = byKey(units);
    return QuarkusTransaction.requiringNew().call(() -> mirror(wanted, units.size()));
  }

  /**
   * The registry's units by code and start, once all were checked: one odd unit changes nothing.
   */
  private static Map<String, RegistryClient.RegistryUnit> byKey(
      List<RegistryClient.RegistryUnit> units) {
    if (units.isEmpty()) {
      throw unavailable("registry-service listed no units; the units held here stay as they are");
    }
    Map<String, RegistryClient.RegistryUnit> wanted = new HashMap<>();
    for (RegistryClient.RegistryUnit u : units) {
      if (!holdable(u)) {
        throw unavailable(
            "registry-service listed a unit this service cannot hold (" + u + "); nothing changed");
      }
      wanted.put(u.code() + "|" + u.validFrom(), u);
    }
    return wanted;
  }

  private static boolean holdable(RegistryClient.RegistryUnit u) {
    return u.code() != null
        && u.code().matches("[0-9]{6}")
        && Arrays.stream(UnitKind.values()).anyMatch(k -> k.name().equals(u.kind()))
        && (u.validTo() == null || u.validTo().isAfter(u.validFrom()));
  }

  /** Deletes the periods the registry no longer lists, then adds or updates the rest. */
  private Views.UnitMirrorView mirror(
      Map<String, RegistryClient.RegistryUnit> wanted, int received) {
    Map<String, Unit> held = new HashMap<>();
    int removed = 0;
    for (Unit u : Unit.<Unit>listAll()) {
      String key = u.code + "|" + u.validFrom;
      if (wanted.containsKey(key)) {
        held.put(key, u);
      } else {
        u.delete();
        removed++;
      }
    }
    int added = 0;
    int updated = 0;
    for (Map.Entry<String, RegistryClient.RegistryUnit> e : wanted.entrySet()) {
      RegistryClient.RegistryUnit r = e.getValue();
      Unit u = held.get(e.getKey());
      if (u == null) {
        added++;
      } else if (unchanged(u, r)) {
        continue;
      } else {
        updated++;
      }
      copy(r, u == null ? newUnit(r) : u).persist();
    }
    if (added + updated + removed > 0) {
      LOG.infof(
          "units mirrored from %s: %d added, %d updated, %d removed",
          SOURCE, added, updated, removed);
    }
    List<Views.UnitView> all = new ArrayList<>();
    Unit.<Unit>list("order by code, validFrom").forEach(u -> all.add(ReferenceService.view(u)));
    return new Views.UnitMirrorView(SOURCE, received, added, updated, removed, all);
  }

  private static boolean unchanged(Unit u, RegistryClient.RegistryUnit r) {
    return Objects.equals(u.nameZh, r.nameZh())
        && u.kind == UnitKind.valueOf(r.kind())
        && Objects.equals(u.validTo, r.validTo());
  }

  private static Unit newUnit(RegistryClient.RegistryUnit r) {
    Unit u = new Unit();
    u.code = r.code();
    u.validFrom = r.validFrom();
    u.createdBy = SOURCE;
    return u;
  }

  private static Unit copy(RegistryClient.RegistryUnit r, Unit u) {
    u.nameZh = r.nameZh();
    u.kind = UnitKind.valueOf(r.kind());
    u.validTo = r.validTo();
    return u;
  }

  /** 503 with Retry-After: the registry's list cannot be followed now, and nothing changed. */
  private static ProblemException unavailable(String detail) {
    return new ProblemException(
        ProblemType.SERVICE_UNAVAILABLE,
        503,
        detail,
        List.of(),
        Map.of(),
        Map.of("Retry-After", "30"));
  }
}
