package cn.jinan.edu.quality.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinan.edu.quality.domain.ValueAdded.Estimate;
import cn.jinan.edu.quality.domain.ValueAdded.Fit;
import cn.jinan.edu.quality.domain.ValueAdded.Group;
import cn.jinan.edu.quality.domain.ValueAdded.GroupValueAdded;
import cn.jinan.edu.quality.domain.ValueAdded.Result;
import cn.jinan.edu.quality.domain.ValueAdded.SchoolValueAdded;
import cn.jinan.edu.quality.domain.ValueAdded.ScoreRecord;
import cn.jinan.edu.quality.domain.ValueAdded.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ValueAddedTests {

  /**
   * Two schools of three students, built as current = 10 + 0.8·prior + residual with residuals that
   * sum to zero and are orthogonal to prior, so the OLS line is exactly a = 10, b = 0.8.
   *
   * <pre>
   * school  prior  current  residual
   * A       50     50        0
   * A       60     61        3
   * A       70     69        3      mean 2; deviations −2, 1, 1 → SS 6, sd √(6/2) = √3, SE √3/√3 = 1
   * B       60     55       −3
   * B       70     63       −3
   * B       80     74        0      mean −2; deviations −1, −1, 2 → SS 6, SE 1
   * Σ residual = 0; Σ residual·(prior − 65) = 0 + 3·(−5) + 3·5 + (−3)(−5) + (−3)·5 + 0 = 0.
   * </pre>
   */
  private static List<ScoreRecord> handCase(double shift) {
    double[][] a = {{50, 50}, {60, 61}, {70, 69}};
    double[][] b = {{60, 55}, {70, 63}, {80, 74}};
    List<ScoreRecord> out = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      out.add(new ScoreRecord("a" + i, "A", "math", a[i][0] + shift, a[i][1] + shift));
      out.add(new ScoreRecord("b" + i, "B", "math", b[i][0] + shift, b[i][1] + shift));
    }
    return out;
  }

  @Test
  void smallHandComputedCase() {
    Result r = ValueAdded.accumulator(3).addAll(handCase(0)).finish();
    Fit fit = r.subjects().get("math").fit();
    assertTrue(fit.defined());
    assertEquals(6, fit.students());
    assertEquals(0.8, fit.slope(), 1e-12);
    assertEquals(10.0, fit.intercept(), 1e-9);

    SchoolValueAdded a = r.school("math", "A").orElseThrow();
    assertEquals(Status.ESTIMATED, a.status());
    assertEquals(3, a.students());
    assertEquals(2.0, a.estimate().valueAdded(), 1e-9);
    assertEquals(1.0, a.estimate().standardError(), 1e-9);
    SchoolValueAdded b = r.school("math", "B").orElseThrow();
    assertEquals(-2.0, b.estimate().valueAdded(), 1e-9);
    assertEquals(1.0, b.estimate().standardError(), 1e-9);
  }

  @Test
  void largeScoreOffsetsDoNotLosePrecision() {
    // Shifting every score by 10⁷ changes the intercept only; centred sums keep the rest.
    Result r = ValueAdded.accumulator(3).addAll(handCase(1e7)).finish();
    assertEquals(0.8, r.subjects().get("math").fit().slope(), 1e-9);
    assertEquals(2.0, r.school("math", "A").orElseThrow().estimate().valueAdded(), 1e-6);
    assertEquals(1.0, r.school("math", "A").orElseThrow().estimate().standardError(), 1e-6);
  }

  @Test
  void plantedSchoolEffectsAreRecovered() {
    // 20 schools × 200 students; prior ~ N(70, 10); current = 5 + 0.9·prior + effect + N(0, 3).
    // A school's estimate has SE ≈ 3/√200 ≈ 0.21, so 0.6 is about 2.8 standard errors.
    Random random = new Random(20250613L);
    int schools = 20;
    int perSchool = 200;
    double[] effect = new double[schools];
    double meanEffect = 0;
    for (int s = 0; s < schools; s++) {
      effect[s] = -5 + 10 * random.nextDouble();
      meanEffect += effect[s] / schools;
    }
    ValueAdded.Accumulator acc = ValueAdded.accumulator();
    for (int s = 0; s < schools; s++) {
      for (int i = 0; i < perSchool; i++) {
        double prior = 70 + 10 * random.nextGaussian();
        double current = 5 + 0.9 * prior + effect[s] + 3 * random.nextGaussian();
        acc.add(new ScoreRecord("st" + s + "-" + i, "SCHOOL" + s, "chinese", prior, current));
      }
    }
    Result r = acc.finish();
    assertEquals(0.9, r.subjects().get("chinese").fit().slope(), 0.02);

    double weightedSum = 0;
    for (int s = 0; s < schools; s++) {
      SchoolValueAdded va = r.school("chinese", "SCHOOL" + s).orElseThrow();
      assertEquals(perSchool, va.students());
      // Value added is relative to the city mean, so compare with the centred effects.
      assertEquals(effect[s] - meanEffect, va.estimate().valueAdded(), 0.6, "school " + s);
      assertEquals(3 / Math.sqrt(perSchool), va.estimate().standardError(), 0.03);
      weightedSum += va.students() * va.estimate().valueAdded();
    }
    // With an intercept the residuals sum to zero, so the student-weighted mean is zero.
    assertEquals(0.0, weightedSum, 1e-6);
  }

  @Test
  void schoolsBelowTheMinimumAreSuppressedButStillInTheCityLine() {
    ValueAdded.Accumulator acc = ValueAdded.accumulator();
    Random random = new Random(7);
    addStudents(acc, random, "BIG", 50);
    addStudents(acc, random, "TEN", 10);
    addStudents(acc, random, "NINE", 9);
    Result r = acc.finish();

    assertEquals(ValueAdded.DEFAULT_MINIMUM_STUDENTS, r.minimumStudents());
    assertEquals(69, r.subjects().get("math").fit().students());
    SchoolValueAdded nine = r.school("math", "NINE").orElseThrow();
    assertTrue(nine.suppressed());
    assertEquals(Status.SUPPRESSED, nine.status());
    assertEquals(9, nine.students());
    assertNull(nine.estimate());
    SchoolValueAdded ten = r.school("math", "TEN").orElseThrow();
    assertFalse(ten.suppressed());
    assertTrue(Double.isFinite(ten.estimate().valueAdded()));

    // A higher configured minimum suppresses TEN too.
    ValueAdded.Accumulator strict = ValueAdded.accumulator(11);
    addStudents(strict, new Random(7), "TEN", 10);
    addStudents(strict, new Random(8), "BIG", 50);
    assertTrue(strict.finish().school("math", "TEN").orElseThrow().suppressed());
  }

  private static void addStudents(ValueAdded.Accumulator acc, Random random, String school, int n) {
    for (int i = 0; i < n; i++) {
      double prior = 70 + 10 * random.nextGaussian();
      acc.add(school, "math", prior, 5 + 0.9 * prior + 3 * random.nextGaussian());
    }
  }

  @Test
  void groupIsTheEnrolmentWeightedMeanBesideItsLead() {
    Map<String, SchoolValueAdded> schools =
        Map.of(
            "LEAD", estimated("LEAD", 10, 1.0, 0.5),
            "M1", estimated("M1", 30, -1.0, 0.2),
            "M2", new SchoolValueAdded("M2", "math", 4, Status.SUPPRESSED, null));
    Group group = new Group("G1", "LEAD", List.of("M1", "M2", "M3"));

    GroupValueAdded g = ValueAdded.groupValueAdded(group, "math", schools);
    // (10·1.0 + 30·(−1.0)) / 40 = −0.5; SE = √(10²·0.5² + 30²·0.2²) / 40 = √(25 + 36) / 40
    assertEquals(-0.5, g.estimate().valueAdded(), 1e-12);
    assertEquals(Math.sqrt(61) / 40, g.estimate().standardError(), 1e-12);
    assertEquals(40, g.students());
    assertEquals(1.0, g.lead().estimate().valueAdded(), 1e-12);
    assertEquals(List.of("LEAD", "M1"), g.schoolsCounted());
    assertEquals(List.of("M2", "M3"), g.schoolsWithoutFigures());
  }

  @Test
  void groupWithoutAnyFigureHasNoEstimate() {
    Map<String, SchoolValueAdded> schools =
        Map.of("LEAD", new SchoolValueAdded("LEAD", "math", 3, Status.SUPPRESSED, null));
    GroupValueAdded g =
        ValueAdded.groupValueAdded(new Group("G", "LEAD", List.of()), "math", schools);
    assertNull(g.estimate());
    assertTrue(g.lead().suppressed());
  }

  @Test
  void groupsAreComputedForEverySubjectFromAResult() {
    List<ScoreRecord> records = new ArrayList<>(handCase(0));
    handCase(0)
        .forEach(
            r ->
                records.add(
                    new ScoreRecord(
                        r.studentKey(),
                        r.schoolUscc(),
                        "physics",
                        r.priorScore(),
                        r.currentScore())));
    Result result = ValueAdded.accumulator(3).addAll(records).finish();
    List<GroupValueAdded> groups = result.groups(List.of(new Group("G", "A", List.of("B"))));
    assertEquals(2, groups.size());
    assertEquals("math", groups.get(0).subject());
    assertEquals("physics", groups.get(1).subject());
    // Equal sizes, +2 and −2: the group is at the city mean while its lead is at +2.
    assertEquals(0.0, groups.get(0).estimate().valueAdded(), 1e-9);
    assertEquals(2.0, groups.get(0).lead().estimate().valueAdded(), 1e-9);
  }

  @Test
  void constantPriorScoresGiveNoCityLine() {
    ValueAdded.Accumulator acc = ValueAdded.accumulator(2);
    for (int i = 0; i < 5; i++) {
      acc.add("A", "art", 60, 60 + i);
    }
    Result r = acc.finish();
    assertFalse(r.subjects().get("art").fit().defined());
    assertEquals(Status.NO_CITY_FIT, r.school("art", "A").orElseThrow().status());
  }

  @Test
  void parallelCollectionMatchesSequentialFeeding() {
    Random random = new Random(99);
    List<ScoreRecord> records = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      double prior = 70 + 10 * random.nextGaussian();
      records.add(
          new ScoreRecord(
              "s" + i, "S" + (i % 37), "math", prior, 3 + prior + 4 * random.nextGaussian()));
    }
    Result sequential = ValueAdded.accumulator(10).addAll(records).finish();
    Result parallel = records.parallelStream().collect(ValueAdded.collector(10));
    assertEquals(
        sequential.subjects().get("math").fit().slope(),
        parallel.subjects().get("math").fit().slope(),
        1e-9);
    for (int s = 0; s < 37; s++) {
      assertEquals(
          sequential.school("math", "S" + s).orElseThrow().estimate().valueAdded(),
          parallel.school("math", "S" + s).orElseThrow().estimate().valueAdded(),
          1e-9);
    }
  }

  @Test
  void aMillionRecordsInWellUnderFiveSeconds() {
    // 1,000 schools × 500 students × 2 subjects; records are made on the fly, as from a reader.
    int n = 1_000_000;
    Random random = new Random(1);
    double[] prior = new double[n];
    double[] noise = new double[n];
    for (int i = 0; i < n; i++) {
      prior[i] = 70 + 10 * random.nextGaussian();
      noise[i] = 3 * random.nextGaussian();
    }
    String[] schools = new String[1000];
    for (int s = 0; s < schools.length; s++) {
      schools[s] = String.format("12370100%09dX", s);
    }
    String[] subjects = {"math", "chinese"};

    long start = System.nanoTime();
    ValueAdded.Accumulator acc = ValueAdded.accumulator();
    for (int i = 0; i < n; i++) {
      int student = i / 2;
      acc.add(
          new ScoreRecord(
              null,
              schools[student % schools.length],
              subjects[i % 2],
              prior[i],
              5 + 0.9 * prior[i] + noise[i]));
    }
    Result r = acc.finish();
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertEquals(500_000, r.subjects().get("math").fit().students());
    assertEquals(1000, r.subjects().get("chinese").schools().size());
    assertEquals(0.9, r.subjects().get("math").fit().slope(), 0.01);
    assertTrue(millis < 5000, "took " + millis + " ms");
  }

  private static SchoolValueAdded estimated(String uscc, long n, double va, double se) {
    return new SchoolValueAdded(uscc, "math", n, Status.ESTIMATED, new Estimate(va, se));
  }
}
