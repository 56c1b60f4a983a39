package cn.jinan.edu.milestone;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The overview of a fixture plan at 2025-07-02, checked by hand (issue date 2025-01-01, so a 2025
 * task's straight line stands at 50.1% and a 2026 task's at 25.1%; DUE_SOON 30 days, margin 20):
 *
 * <pre>
 * task action year deadline   measures 370102                 370103                 overall
 *  T1    1   2025  12-31      1        COMPLETED 100 → COMPL. IN_PROGRESS 60 → ON_TR. ON_TRACK
 *  T2    1   2025  07-20      1, 2     (none) → DUE_SOON      —                      DUE_SOON
 *  T3    1   2025  06-30      2        —                      IN_PROGRESS 90 → OVERD. OVERDUE
 *  T4    2   2025  12-31      3        IN_PROGRESS 20 → AT_R. COMPLETED → COMPL.     AT_RISK
 *  T5    2   2026  12-31      3        COMPLETED → COMPL.     —                      COMPLETED
 *  T6    2   2026  12-31      3        —                      IN_PROGRESS 10 → ON_TR. ON_TRACK
 *
 * district 370102: 4 = COMPLETED 2 (50%), DUE_SOON 1 (25%), AT_RISK 1 (25%)
 * district 370103: 4 = ON_TRACK 2 (50%), OVERDUE 1 (25%), COMPLETED 1 (25%)
 * </pre>
 *
 * City, action, year and measure rows are those of the domain RollupTests fixture.
 */
@QuarkusTest
class RollupApiTests {

  @Test
  void overviewMatchesTheHandCheckedTable() {
    String plan = Fixtures.plan("2025-01-01");
    String a = "370102";
    String b = "370103";
    long t1 = Fixtures.task(plan, 1, 2025, null, List.of(1), List.of(a, b));
    long t2 = Fixtures.task(plan, 1, 2025, "2025-07-20", List.of(1, 2), List.of(a));
    long t3 = Fixtures.task(plan, 1, 2025, "2025-06-30", List.of(2), List.of(b));
    long t4 = Fixtures.task(plan, 2, 2025, null, List.of(3), List.of(a, b));
    long t5 = Fixtures.task(plan, 2, 2026, null, List.of(3), List.of(a));
    long t6 = Fixtures.task(plan, 2, 2026, null, List.of(3), List.of(b));
    Fixtures.accepted(t1, a, "COMPLETED", 100, "2025-06-30");
    Fixtures.accepted(t1, b, "IN_PROGRESS", 60, "2025-06-30");
    Fixtures.accepted(t3, b, "IN_PROGRESS", 90, "2025-06-30");
    Fixtures.accepted(t4, a, "IN_PROGRESS", 20, "2025-06-30");
    Fixtures.accepted(t4, b, "COMPLETED", 100, "2025-06-30");
    Fixtures.accepted(t5, a, "COMPLETED", 100, "2025-07-01");
    Fixtures.accepted(t6, b, "IN_PROGRESS", 10, "2025-07-01");
    // Reported after the day asked about: must not count.
    Fixtures.accepted(t2, a, "COMPLETED", 100, "2025-07-03");

    JsonPath o =
        given()
            .queryParam("plan", plan)
            .queryParam("asOf", "2025-07-02")
            .get("/api/v1/overview")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();

    assertEquals(
        List.of("ON_TRACK", "DUE_SOON", "OVERDUE", "AT_RISK", "COMPLETED", "ON_TRACK"),
        o.getList("tasks.state"));
    assertRow(o, "city", 6, new int[] {1, 1, 1, 2, 1}, new double[] {16.7, 16.7, 16.7, 33.3, 16.7});
    assertRow(
        o, "byAction[0]", 3, new int[] {1, 1, 0, 1, 0}, new double[] {33.3, 33.3, 0, 33.3, 0});
    assertRow(
        o, "byAction[1]", 3, new int[] {0, 0, 1, 1, 1}, new double[] {0, 0, 33.3, 33.3, 33.3});
    assertRow(o, "byYear[0]", 4, new int[] {1, 1, 1, 1, 0}, new double[] {25, 25, 25, 25, 0});
    assertRow(o, "byYear[1]", 2, new int[] {0, 0, 0, 1, 1}, new double[] {0, 0, 0, 50, 50});
    assertRow(o, "byMeasure[0]", 2, new int[] {0, 1, 0, 1, 0}, new double[] {0, 50, 0, 50, 0});
    assertRow(o, "byMeasure[1]", 2, new int[] {1, 1, 0, 0, 0}, new double[] {50, 50, 0, 0, 0});
    assertRow(
        o, "byMeasure[2]", 3, new int[] {0, 0, 1, 1, 1}, new double[] {0, 0, 33.3, 33.3, 33.3});
    assertEquals(List.of("370102", "370103"), o.getList("byDistrict.key"));
    assertRow(o, "byDistrict[0]", 4, new int[] {0, 1, 1, 0, 2}, new double[] {0, 25, 25, 0, 50});
    assertRow(o, "byDistrict[1]", 4, new int[] {1, 0, 0, 2, 1}, new double[] {25, 0, 0, 50, 25});
    assertEquals(List.of("1", "2"), o.getList("byAction.key"));
    assertEquals(List.of("2025", "2026"), o.getList("byYear.key"));
  }

  private static void assertRow(
      JsonPath o, String path, int total, int[] counts, double[] percents) {
    String[] order = {"OVERDUE", "DUE_SOON", "AT_RISK", "ON_TRACK", "COMPLETED"};
    assertEquals(total, o.getInt(path + ".total"), path);
    Map<String, Integer> ec = new LinkedHashMap<>();
    Map<String, Double> ep = new LinkedHashMap<>();
    Map<String, Integer> ac = new LinkedHashMap<>();
    Map<String, Double> ap = new LinkedHashMap<>();
    for (int i = 0; i < order.length; i++) {
      ec.put(order[i], counts[i]);
      ep.put(order[i], percents[i]);
      ac.put(order[i], o.getInt(path + ".counts." + order[i]));
      ap.put(order[i], o.getDouble(path + ".percent." + order[i]));
    }
    assertEquals(ec, ac, path + " counts");
    assertEquals(ep, ap, path + " percent");
  }
}
