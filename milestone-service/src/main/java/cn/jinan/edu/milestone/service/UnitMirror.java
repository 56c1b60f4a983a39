package cn.jinan.edu.milestone.service;

import cn.jinan.edu.milestone.api.Views;
import cn.jinan.edu.milestone.client.RegistryUnits;
import cn.jinan.edu.milestone.domain.Deadline;
import cn.jinan.edu.milestone.domain.ResponsibleUnit;
import cn.jinan.edu.milestone.domain.UnitKind;
import cn.jinan.edu.milestone.domain.UnitPeriods;
import cn.jinan.edu.platform.data.ClusterJobs;
import cn.jinan.edu.platform.problem.ProblemException;
import cn.jinan.edu.platform.problem.ProblemType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Units (区县: districts, counties, functional zones) belong to registry-service; the 区县 rows of
 * responsible_unit are a read-only mirror of its list, followed on a schedule and on demand.
 * Nothing here edits a unit. While the registry cannot be read, or lists something this service
 * cannot hold, the units held stay as they are. The city bureau and its departments are this
 * service's own rows and are never touched.
 */
@ApplicationScoped
public class UnitMirror {
  private static final Logger LOG = Logger.getLogger(UnitMirror.class);
  static final String SOURCE = "registry-service";
  private static final Set<String> REGISTRY_KINDS =
      Arrays.stream(UnitKind.values())
          .filter(UnitKind::districtLevel)
          .map(Enum::name)
          .collect(Collectors.toSet());

  @Inject ClusterJobs jobs;
  @Inject @RestClient RegistryUnits registry;
  @Inject EntityManager em;

  @Scheduled(
      identity = "milestone-unit-mirror",
      every = "${milestone.units.refresh:10m}",
      delayed = "${milestone.units.first-refresh:5s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduled(ScheduledExecution execution) {
    jobs.run(execution, this::refresh);
  }

  /** Reads the registry's units now; 503 when it cannot be read (the mirror is kept). */
  public Views.UnitMirrorView refresh() {
    List<RegistryUnits.RegistryUnit> units;
    try {
      units = registry.units();
    } catch (RuntimeException e) {
      LOG.warnf("registry-service units unavailable (%s); keeping the units held", e.toString());
      throw unavailable(
          "registry-service, the owner of units, cannot be read now; the units held here stay as"
              + " they are");
    }
    return apply(units == null ? List.of() : units);
  }

  /**
   * Makes the mirror equal to the registry's list in one transaction. An empty list is refused: the
   * registry always has the 12 districts, so empty means a fault, not "no units".
   */
  public Views.UnitMirrorView apply(List<RegistryUnits.RegistryUnit> units) {
    if (units.isEmpty()) {
      throw unavailable("registry-service listed no units; the units held here stay as they are");
    }
    Map<String, UnitPeriods.Period> wanted =
        UnitPeriods.heldOn(periods(units), LocalDate.now(Deadline.ZONE));
    return QuarkusTransaction.requiringNew().call(() -> write(wanted, units.size()));
  }

  private static List<UnitPeriods.Period> periods(List<RegistryUnits.RegistryUnit> units) {
    List<UnitPeriods.Period> out = new ArrayList<>();
    for (RegistryUnits.RegistryUnit u : units) {
      if (u.code() == null
          || !u.code().matches("[0-9]{6}")
          || u.nameZh() == null
          || u.nameZh().isBlank()
          || !REGISTRY_KINDS.contains(u.kind())
          || u.validFrom() == null
          || (u.validTo() != null && !u.validTo().isAfter(u.validFrom()))) {
        throw unavailable(
            "registry-service listed a unit this service cannot hold (" + u + "); nothing changed");
      }
      out.add(
          new UnitPeriods.Period(
              u.code(),
              u.nameZh().strip(),
              UnitKind.valueOf(u.kind()),
              u.validFrom(),
              u.validTo()));
    }
    return out;
  }

  private Views.UnitMirrorView write(Map<String, UnitPeriods.Period> wanted, int received) {
    Map<String, ResponsibleUnit> held =
        ResponsibleUnit.<ResponsibleUnit>listAll().stream()
            .collect(Collectors.toMap(u -> u.code, Function.identity()));
    for (String code : wanted.keySet()) {
      ResponsibleUnit own = held.get(code);
      if (own != null && !own.kind.districtLevel()) {
        throw unavailable(
            "registry-service listed unit " + code + ", which is this service's " + own.kind);
      }
    }
    Gone gone = removeGone(held, wanted);
    int removed = gone.removed();
    int retained = gone.retained();
    int added = 0;
    int updated = 0;
    for (UnitPeriods.Period p : wanted.values()) {
      ResponsibleUnit u = held.get(p.code());
      if (u == null) {
        u = new ResponsibleUnit();
        u.code = p.code();
        added++;
      } else if (same(u, p)) {
        continue;
      } else {
        updated++;
      }
      u.nameZh = p.nameZh();
      u.kind = p.kind();
      u.validFrom = p.validFrom();
      u.validTo = p.validTo();
      u.persist();
    }
    if (added + updated + removed + retained > 0) {
      LOG.infof(
          "units mirrored from %s: %d added, %d updated, %d removed, %d retained",
          SOURCE, added, updated, removed, retained);
    }
    em.flush();
    List<Views.UnitView> all =
        ResponsibleUnit.<ResponsibleUnit>list("order by code").stream()
            .map(CatalogueViews::view)
            .toList();
    return new Views.UnitMirrorView(SOURCE, received, added, updated, removed, retained, all);
  }

  private record Gone(int removed, int retained) {}

  /** Units the registry no longer lists: removed, or kept when history refers to them. */
  private Gone removeGone(
      Map<String, ResponsibleUnit> held, Map<String, UnitPeriods.Period> wanted) {
    int removed = 0;
    int retained = 0;
    for (ResponsibleUnit u : held.values()) {
      if (u.kind.districtLevel() && !wanted.containsKey(u.code)) {
        if (referenced(u.code)) {
          retained++; // it stays with the period it had
        } else {
          u.delete();
          removed++;
        }
      }
    }
    return new Gone(removed, retained);
  }

  private static boolean same(ResponsibleUnit u, UnitPeriods.Period p) {
    return Objects.equals(u.nameZh, p.nameZh())
        && u.kind == p.kind()
        && Objects.equals(u.validFrom, p.validFrom())
        && Objects.equals(u.validTo, p.validTo());
  }

  /** Whether an assignment, a report or an announcement names the unit. */
  private boolean referenced(String code) {
    Object found =
        em.createNativeQuery(
                "SELECT EXISTS (SELECT 1 FROM task_assignment WHERE unit_code = :c)"
                    + " OR EXISTS (SELECT 1 FROM progress_report WHERE unit_code = :c)"
                    + " OR EXISTS (SELECT 1 FROM announcement WHERE unit_code = :c)")
            .setParameter("c", code)
            .getSingleResult();
    return Boolean.TRUE.equals(found);
  }

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
