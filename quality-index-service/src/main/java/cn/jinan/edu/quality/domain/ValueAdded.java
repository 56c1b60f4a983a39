package cn.jinan.edu.quality.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collector;

/**
 * Value-added evaluation (增值性评价, measure 七): schools are judged by their students' progress, not
 * their raw level.
 *
 * <p>Per subject, a city-wide ordinary least-squares line current = a + b·prior is fitted over all
 * students. A school's value added is the mean residual of its students, which equals (ȳₛ − ȳ) −
 * b·(x̄ₛ − x̄); with an intercept in the model the student-weighted mean over all schools is zero,
 * so the figure is relative to the city. Its standard error is sᵣ / √nₛ, where sᵣ is the standard
 * deviation (n − 1 denominator) of the school's own residuals around their mean; the uncertainty of
 * the city line itself is ignored, being negligible next to a single school's.
 *
 * <p>Only per-(subject, school) moments are kept: count, means and centred sums of squares and
 * products, updated record by record (Welford) and combined across schools with the pairwise
 * formula of Chan et al. That is numerically as stable as a two-pass "means first, then centred
 * sums" computation, without holding the records: memory grows with subjects × schools, not with
 * records. The student key is not used; records must already be one per student and subject
 * (deduplication belongs upstream, it would need every key in memory).
 */
public final class ValueAdded {

  private ValueAdded() {}

  /** Schools with fewer students than this get no published figure. */
  public static final int DEFAULT_MINIMUM_STUDENTS = 10;

  /** One student's prior and current score in a subject. */
  public record ScoreRecord(
      String studentKey,
      String schoolUscc,
      String subject,
      double priorScore,
      double currentScore) {}

  public static Accumulator accumulator() {
    return new Accumulator(DEFAULT_MINIMUM_STUDENTS);
  }

  /**
   * @param minimumStudents schools with fewer students in a subject are suppressed; at least 2,
   *     because a standard deviation needs two residuals
   */
  public static Accumulator accumulator(int minimumStudents) {
    return new Accumulator(minimumStudents);
  }

  /** For {@code records.stream().collect(ValueAdded.collector(10))}; parallel streams work too. */
  public static Collector<ScoreRecord, Accumulator, Result> collector(int minimumStudents) {
    return Collector.of(
        () -> new Accumulator(minimumStudents),
        Accumulator::add,
        Accumulator::merge,
        Accumulator::finish);
  }

  /** Feed records one by one, then {@link #finish()}. Not thread-safe. */
  public static final class Accumulator {
    private final int minimumStudents;
    private final Map<String, Map<String, Moments>> bySubject = new HashMap<>();

    private Accumulator(int minimumStudents) {
      if (minimumStudents < 2) {
        throw new IllegalArgumentException("minimumStudents must be ≥ 2");
      }
      this.minimumStudents = minimumStudents;
    }

    public Accumulator add(ScoreRecord r) {
      return add(r.schoolUscc(), r.subject(), r.priorScore(), r.currentScore());
    }

    public Accumulator add(String schoolUscc, String subject, double prior, double current) {
      Objects.requireNonNull(schoolUscc, "schoolUscc");
      Objects.requireNonNull(subject, "subject");
      if (!Double.isFinite(prior) || !Double.isFinite(current)) {
        throw new IllegalArgumentException("scores must be finite numbers");
      }
      bySubject
          .computeIfAbsent(subject, k -> new HashMap<>())
          .computeIfAbsent(schoolUscc, k -> new Moments())
          .add(prior, current);
      return this;
    }

    public Accumulator addAll(Iterable<ScoreRecord> records) {
      for (ScoreRecord r : records) {
        add(r);
      }
      return this;
    }

    /** Combines another accumulator's data into this one. */
    public Accumulator merge(Accumulator other) {
      other.bySubject.forEach(
          (subject, schools) -> {
            Map<String, Moments> mine = bySubject.computeIfAbsent(subject, k -> new HashMap<>());
            schools.forEach(
                (school, m) -> mine.computeIfAbsent(school, k -> new Moments()).merge(m));
          });
      return this;
    }

    public Result finish() {
      Map<String, SubjectResult> subjects = new TreeMap<>();
      bySubject.forEach(
          (subject, schools) ->
              subjects.put(subject, finishSubject(subject, schools, minimumStudents)));
      return new Result(minimumStudents, Collections.unmodifiableMap(subjects));
    }
  }

  private static SubjectResult finishSubject(
      String subject, Map<String, Moments> schools, int minimumStudents) {
    Moments city = new Moments();
    schools.values().forEach(city::merge);
    boolean defined = city.n >= 2 && city.sxx > 0;
    double slope = defined ? city.sxy / city.sxx : Double.NaN;
    double intercept = defined ? city.meanY - slope * city.meanX : Double.NaN;
    Fit fit = new Fit(subject, city.n, city.meanX, city.meanY, intercept, slope, defined);

    Map<String, SchoolValueAdded> out = new TreeMap<>();
    schools.forEach(
        (school, m) -> {
          Status status;
          Estimate estimate = null;
          if (!defined) {
            status = Status.NO_CITY_FIT;
          } else if (m.n < minimumStudents) {
            status = Status.SUPPRESSED;
          } else {
            status = Status.ESTIMATED;
            // Centred form: differences of means, not a + b·x̄ₛ − ȳₛ with large terms.
            double va = (m.meanY - city.meanY) - slope * (m.meanX - city.meanX);
            // Residuals centred within the school: Σ((y−ȳₛ) − b(x−x̄ₛ))².
            double ss = m.syy - 2 * slope * m.sxy + slope * slope * m.sxx;
            double sd = Math.sqrt(Math.max(0, ss) / (m.n - 1));
            estimate = new Estimate(va, sd / Math.sqrt(m.n));
          }
          out.put(school, new SchoolValueAdded(school, subject, m.n, status, estimate));
        });
    return new SubjectResult(fit, Collections.unmodifiableMap(out));
  }

  /** Count, means and centred sums for one (subject, school) or the whole city. */
  private static final class Moments {
    long n;
    double meanX;
    double meanY;
    double sxx;
    double sxy;
    double syy;

    void add(double x, double y) {
      n++;
      double dx = x - meanX;
      double dy = y - meanY;
      meanX += dx / n;
      meanY += dy / n;
      // Welford: old deviation times new deviation gives the exact increment of the centred sum.
      sxx += dx * (x - meanX);
      sxy += dx * (y - meanY);
      syy += dy * (y - meanY);
    }

    void merge(Moments o) {
      if (o.n == 0) {
        return;
      }
      if (n == 0) {
        n = o.n;
        meanX = o.meanX;
        meanY = o.meanY;
        sxx = o.sxx;
        sxy = o.sxy;
        syy = o.syy;
        return;
      }
      long total = n + o.n;
      double dx = o.meanX - meanX;
      double dy = o.meanY - meanY;
      double w = (double) n * o.n / total;
      meanX += dx * o.n / total;
      meanY += dy * o.n / total;
      sxx += o.sxx + dx * dx * w;
      sxy += o.sxy + dx * dy * w;
      syy += o.syy + dy * dy * w;
      n = total;
    }
  }

  /**
   * The city-wide line for a subject.
   *
   * @param defined false when it cannot be fitted (fewer than 2 students, or all prior scores
   *     equal); intercept and slope are then NaN
   */
  public record Fit(
      String subject,
      long students,
      double priorMean,
      double currentMean,
      double intercept,
      double slope,
      boolean defined) {}

  /** Why a school has, or has no, figure. */
  public enum Status {
    ESTIMATED,
    /** Fewer students than the minimum: no figure published. */
    SUPPRESSED,
    /** The subject's city line could not be fitted. */
    NO_CITY_FIT
  }

  /** A value added with its standard error. */
  public record Estimate(double valueAdded, double standardError) {}

  /**
   * A school's value added in one subject.
   *
   * @param estimate null unless {@code status} is {@link Status#ESTIMATED}
   */
  public record SchoolValueAdded(
      String schoolUscc, String subject, long students, Status status, Estimate estimate) {

    public boolean suppressed() {
      return status == Status.SUPPRESSED;
    }
  }

  /** A subject's line and its schools, by USCC. */
  public record SubjectResult(Fit fit, Map<String, SchoolValueAdded> schools) {}

  /** All subjects, by subject. */
  public record Result(int minimumStudents, Map<String, SubjectResult> subjects) {

    public Optional<SchoolValueAdded> school(String subject, String schoolUscc) {
      SubjectResult s = subjects.get(subject);
      return Optional.ofNullable(s == null ? null : s.schools().get(schoolUscc));
    }

    /** Every group in every subject, subjects in order. */
    public List<GroupValueAdded> groups(Collection<Group> groups) {
      List<GroupValueAdded> out = new ArrayList<>();
      subjects.forEach(
          (subject, result) -> {
            for (Group g : groups) {
              out.add(groupValueAdded(g, subject, result.schools()));
            }
          });
      return out;
    }
  }

  /** A schooling group (教育集团) or cooperation: lead school (牵头校) and member schools (成员校). */
  public record Group(String groupId, String leadSchoolUscc, List<String> memberSchoolUsccs) {
    public Group {
      Objects.requireNonNull(groupId, "groupId");
      Objects.requireNonNull(leadSchoolUscc, "leadSchoolUscc");
      memberSchoolUsccs = List.copyOf(memberSchoolUsccs);
    }

    /** Lead first, then members, without duplicates. */
    public List<String> schools() {
      LinkedHashSet<String> all = new LinkedHashSet<>();
      all.add(leadSchoolUscc);
      all.addAll(memberSchoolUsccs);
      return List.copyOf(all);
    }
  }

  /**
   * A group's value added beside its lead school's own.
   *
   * @param lead the lead school's figure; null when it has no students in the subject
   * @param estimate null when no school of the group has a figure
   * @param students students of the schools counted
   * @param schoolsCounted schools with a figure, which make up the weighted mean
   * @param schoolsWithoutFigures suppressed schools and schools with no data in the subject
   */
  public record GroupValueAdded(
      String groupId,
      String subject,
      SchoolValueAdded lead,
      Estimate estimate,
      long students,
      List<String> schoolsCounted,
      List<String> schoolsWithoutFigures) {

    public GroupValueAdded {
      schoolsCounted = List.copyOf(schoolsCounted);
      schoolsWithoutFigures = List.copyOf(schoolsWithoutFigures);
    }
  }

  /**
   * Enrolment-weighted mean of the group's published school figures: Σ nₛ·VAₛ / Σ nₛ over schools
   * with an estimate. Suppressed schools are left out, so the group figure cannot be used to back
   * out a suppressed school's. Standard error √(Σ nₛ²·SEₛ²) / Σ nₛ, treating schools as
   * independent.
   *
   * @param schools the subject's school figures by USCC
   */
  public static GroupValueAdded groupValueAdded(
      Group group, String subject, Map<String, SchoolValueAdded> schools) {
    List<String> counted = new ArrayList<>();
    List<String> without = new ArrayList<>();
    long n = 0;
    double weighted = 0;
    double variance = 0;
    for (String uscc : group.schools()) {
      SchoolValueAdded s = schools.get(uscc);
      if (s == null || s.estimate() == null) {
        without.add(uscc);
        continue;
      }
      counted.add(uscc);
      n += s.students();
      weighted += s.students() * s.estimate().valueAdded();
      double se = s.estimate().standardError();
      variance += (double) s.students() * s.students() * se * se;
    }
    Estimate estimate = n == 0 ? null : new Estimate(weighted / n, Math.sqrt(variance) / n);
    return new GroupValueAdded(
        group.groupId(),
        subject,
        schools.get(group.leadSchoolUscc()),
        estimate,
        n,
        counted,
        without);
  }
}
