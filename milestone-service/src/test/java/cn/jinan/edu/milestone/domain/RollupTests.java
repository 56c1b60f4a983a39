package cn.jinan.edu.milestone.domain;

import static cn.jinan.edu.milestone.domain.DerivedState.AT_RISK;
import static cn.jinan.edu.milestone.domain.DerivedState.COMPLETED;
import static cn.jinan.edu.milestone.domain.DerivedState.DUE_SOON;
import static cn.jinan.edu.milestone.domain.DerivedState.ON_TRACK;
import static cn.jinan.edu.milestone.domain.DerivedState.OVERDUE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Roll-ups on a fixture of six tasks, checked by hand:
 *
 * <pre>
 * task action year measures state
 *  T1    1    2025  1        ON_TRACK
 *  T2    1    2025  1, 2     DUE_SOON
 *  T3    1    2025  2        OVERDUE
 *  T4    2    2025  3        AT_RISK
 *  T5    2    2026  3        COMPLETED
 *  T6    2    2026  3        ON_TRACK
 *
 * group       total OVERDUE DUE_SOON AT_RISK ON_TRACK COMPLETED
 * city          6   1 16.7  1 16.7   1 16.7  2 33.3   1 16.7
 * action 1      3   1 33.3  1 33.3   0  0    1 33.3   0  0
 * action 2      3   0  0    0  0     1 33.3  1 33.3   1 33.3
 * year 2025     4   1 25    1 25     1 25    1 25     0  0
 * year 2026     2   0  0    0  0     0  0    1 50     1 50
 * measure 1     2   0  0    1 50     0  0    1 50     0  0
 * measure 2     2   1 50    1 50     0  0    0  0     0  0
 * measure 3     3   0  0    0  0     1 33.3  1 33.3   1 33.3
 * </pre>
 */
class RollupTests {
  record T(String name, int action, int year, List<Integer> measures, DerivedState state) {}

  static final List<T> FIXTURE =
      List.of(
          new T("T1", 1, 2025, List.of(1), ON_TRACK),
          new T("T2", 1, 2025, List.of(1, 2), DUE_SOON),
          new T("T3", 1, 2025, List.of(2), OVERDUE),
          new T("T4", 2, 2025, List.of(3), AT_RISK),
          new T("T5", 2, 2026, List.of(3), COMPLETED),
          new T("T6", 2, 2026, List.of(3), ON_TRACK));

  /** counts then percents in the order OVERDUE, DUE_SOON, AT_RISK, ON_TRACK, COMPLETED. */
  static void assertRow(Rollup.Counts c, int total, int[] counts, double[] percents) {
    assertEquals(total, c.total());
    Map<DerivedState, Integer> expectedCounts = new LinkedHashMap<>();
    Map<DerivedState, Double> expectedPercent = new LinkedHashMap<>();
    DerivedState[] order = {OVERDUE, DUE_SOON, AT_RISK, ON_TRACK, COMPLETED};
    for (int i = 0; i < order.length; i++) {
      expectedCounts.put(order[i], counts[i]);
      expectedPercent.put(order[i], percents[i]);
    }
    assertEquals(expectedCounts, c.counts());
    assertEquals(expectedPercent, c.percent());
  }

  @Test
  void city() {
    assertRow(
        Rollup.count(FIXTURE.stream().map(T::state).toList()),
        6,
        new int[] {1, 1, 1, 2, 1},
        new double[] {16.7, 16.7, 16.7, 33.3, 16.7});
  }

  @Test
  void byAction() {
    Map<Integer, Rollup.Counts> rows = Rollup.by(FIXTURE, t -> List.of(t.action()), T::state);
    assertEquals(List.of(1, 2), List.copyOf(rows.keySet()));
    assertRow(rows.get(1), 3, new int[] {1, 1, 0, 1, 0}, new double[] {33.3, 33.3, 0, 33.3, 0});
    assertRow(rows.get(2), 3, new int[] {0, 0, 1, 1, 1}, new double[] {0, 0, 33.3, 33.3, 33.3});
  }

  @Test
  void byYear() {
    Map<Integer, Rollup.Counts> rows = Rollup.by(FIXTURE, t -> List.of(t.year()), T::state);
    assertRow(rows.get(2025), 4, new int[] {1, 1, 1, 1, 0}, new double[] {25, 25, 25, 25, 0});
    assertRow(rows.get(2026), 2, new int[] {0, 0, 0, 1, 1}, new double[] {0, 0, 0, 50, 50});
  }

  @Test
  void byMeasureCountsATaskUnderEachOfItsMeasures() {
    Map<Integer, Rollup.Counts> rows = Rollup.by(FIXTURE, T::measures, T::state);
    assertRow(rows.get(1), 2, new int[] {0, 1, 0, 1, 0}, new double[] {0, 50, 0, 50, 0});
    assertRow(rows.get(2), 2, new int[] {1, 1, 0, 0, 0}, new double[] {50, 50, 0, 0, 0});
    assertRow(rows.get(3), 3, new int[] {0, 0, 1, 1, 1}, new double[] {0, 0, 33.3, 33.3, 33.3});
  }

  @Test
  void emptyGroupHasZeroShares() {
    assertRow(Rollup.count(List.of()), 0, new int[] {0, 0, 0, 0, 0}, new double[] {0, 0, 0, 0, 0});
  }

  @Test
  void sharesRoundHalfUp() {
    assertEquals(66.7, Rollup.share(2, 3));
    assertEquals(12.5, Rollup.share(1, 8));
    assertEquals(0.1, Rollup.share(1, 1999)); // 0.05002… → 0.1
  }
}
