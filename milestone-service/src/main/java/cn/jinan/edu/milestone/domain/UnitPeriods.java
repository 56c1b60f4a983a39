package cn.jinan.edu.milestone.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which period of a registry unit this service holds. registry-service keeps every period of a unit
 * (a code may end and start again, or change from 县 to 区); a responsible unit here is one row per
 * code, because assignments and reports refer to the code. The row held is the period in scope on
 * the day of the refresh, else the next one to start, else the last one to end: what "is this unit
 * in scope today" needs, and the mirror follows the registry again on the next refresh.
 */
public final class UnitPeriods {
  private UnitPeriods() {}

  /** One period of a unit, as the registry lists it. */
  public record Period(
      String code, String nameZh, UnitKind kind, LocalDate validFrom, LocalDate validTo) {

    public boolean inScopeOn(LocalDate day) {
      return !day.isBefore(validFrom) && (validTo == null || day.isBefore(validTo));
    }
  }

  /** The period held per code, by code. */
  public static Map<String, Period> heldOn(List<Period> periods, LocalDate day) {
    Map<String, List<Period>> byCode = new TreeMap<>();
    for (Period p : periods) {
      byCode.computeIfAbsent(p.code(), c -> new ArrayList<>()).add(p);
    }
    Map<String, Period> out = new LinkedHashMap<>();
    byCode.forEach((code, ps) -> out.put(code, held(ps, day)));
    return out;
  }

  private static Period held(List<Period> periods, LocalDate day) {
    Optional<Period> current = periods.stream().filter(p -> p.inScopeOn(day)).findFirst();
    if (current.isPresent()) {
      return current.get();
    }
    Optional<Period> next =
        periods.stream()
            .filter(p -> p.validFrom().isAfter(day))
            .min(Comparator.comparing(Period::validFrom));
    // Otherwise every period has ended (validTo is set and not after the day): the last to end.
    return next.orElseGet(
        () -> periods.stream().max(Comparator.comparing(Period::validTo)).orElseThrow());
  }
}
