package cn.jinan.edu.milestone.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Counts and percentages of derived states, overall or grouped by a key (action, year, measure,
 * district). An item with several keys (a task serving two measures) counts once under each.
 */
public final class Rollup {
  private Rollup() {}

  /**
   * Counts per state (every state present, zeros included) and each state's share of the total in
   * percent, rounded half-up to one decimal; all shares are 0 when the total is 0.
   */
  public record Counts(
      int total, Map<DerivedState, Integer> counts, Map<DerivedState, Double> percent) {

    public int count(DerivedState s) {
      return counts.get(s);
    }
  }

  public static Counts count(Collection<DerivedState> states) {
    Map<DerivedState, Integer> counts = new EnumMap<>(DerivedState.class);
    for (DerivedState s : DerivedState.values()) {
      counts.put(s, 0);
    }
    for (DerivedState s : states) {
      counts.merge(s, 1, Integer::sum);
    }
    int total = states.size();
    Map<DerivedState, Double> percent = new EnumMap<>(DerivedState.class);
    for (DerivedState s : DerivedState.values()) {
      percent.put(s, share(counts.get(s), total));
    }
    return new Counts(total, counts, percent);
  }

  /** Groups in the order their keys are first met; sort the input to get a sorted result. */
  public static <T, K> Map<K, Counts> by(
      List<T> items, Function<T, Collection<K>> keys, Function<T, DerivedState> state) {
    Map<K, List<DerivedState>> groups = new LinkedHashMap<>();
    for (T item : items) {
      for (K key : keys.apply(item)) {
        groups.computeIfAbsent(key, k -> new java.util.ArrayList<>()).add(state.apply(item));
      }
    }
    Map<K, Counts> out = new LinkedHashMap<>();
    groups.forEach((k, v) -> out.put(k, count(v)));
    return out;
  }

  static double share(int count, int total) {
    if (total == 0) {
      return 0.0;
    }
    return BigDecimal.valueOf(100L * count)
        .divide(BigDecimal.valueOf(total), 1, RoundingMode.HALF_UP)
        .doubleValue();
  }
}
