package cn.jinan.edu.quality.service;

import cn.jinan.edu.platform.security.Caller;
import cn.jinan.edu.quality.api.Views;
import cn.jinan.edu.quality.config.QualityConfig;
import cn.jinan.edu.quality.domain.InclusiveClassAverage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The plan's inclusive-class averages (随班就读, measure 十三) per class, school, district and city, from
 * the assessment records; a figure is published only with at least the configured minimum of
 * students.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class InclusiveAverages {
  private static final String RULE =
      "只计入分子，不计入分母: plan average = Σ scores of all students ÷ students without special"
          + " needs; the conventional average (Σ all ÷ all) beside it. Schools, districts and the"
          + " city pool their students.";

  @Inject EntityManager em;
  @Inject QualityConfig config;

  public Views.InclusiveReportView report(
      Caller caller, int year, String subject, String grade, String district) {
    String scope = DataScope.readScope(caller, district);
    int minimum = config.minimumStudents();
    List<Views.InclusiveAverageView> classes = new ArrayList<>();
    Map<String, InclusiveClassAverage> schools = new TreeMap<>();
    Map<String, String> schoolDistrict = new HashMap<>();
    Map<String, InclusiveClassAverage> districts = new TreeMap<>();
    InclusiveClassAverage city = InclusiveClassAverage.EMPTY;
    for (Tuple r : classSums(year, subject, grade, scope)) {
      InclusiveClassAverage a =
          new InclusiveClassAverage(
              r.get("score_sum", BigDecimal.class),
              r.get("students", Number.class).longValue(),
              r.get("special_needs", Number.class).longValue());
      String d = r.get("district_code", String.class);
      String s = r.get("school_uscc", String.class);
      String c = r.get("class_id", String.class);
      classes.add(average("CLASS", d, s, c.isEmpty() ? "(未分班 no class)" : c, a, minimum));
      schools.merge(s, a, InclusiveClassAverage::plus);
      schoolDistrict.put(s, d);
      districts.merge(d, a, InclusiveClassAverage::plus);
      city = city.plus(a);
    }
    List<Views.InclusiveAverageView> schoolViews = new ArrayList<>();
    schools.forEach(
        (s, a) -> schoolViews.add(average("SCHOOL", schoolDistrict.get(s), s, null, a, minimum)));
    List<Views.InclusiveAverageView> districtViews = new ArrayList<>();
    districts.forEach((d, a) -> districtViews.add(average("DISTRICT", d, null, null, a, minimum)));
    return new Views.InclusiveReportView(
        year,
        subject,
        grade,
        RULE,
        minimum,
        scope == null ? average("CITY", null, null, null, city, minimum) : null,
        districtViews,
        schoolViews,
        classes);
  }

  /** Score sums and head counts per class of a year and subject, in district, school order. */
  private List<Tuple> classSums(int year, String subject, String grade, String scope) {
    StringBuilder q =
        new StringBuilder(
            "SELECT district_code, school_uscc, coalesce(class_id, '') AS class_id,"
                + " sum(current_score) AS score_sum, count(*) AS students,"
                + " count(*) FILTER (WHERE special_needs) AS special_needs FROM assessment_record"
                + " WHERE year = :y AND subject = :s");
    Map<String, Object> p = new HashMap<>();
    p.put("y", year);
    p.put("s", subject);
    if (grade != null) {
      q.append(" AND grade = :g");
      p.put("g", grade);
    }
    if (scope != null) {
      q.append(" AND district_code = :d");
      p.put("d", scope);
    }
    var query = em.createNativeQuery(q + " GROUP BY 1, 2, 3 ORDER BY 1, 2, 3", Tuple.class);
    p.forEach(query::setParameter);
    @SuppressWarnings("unchecked")
    List<Tuple> rows = query.getResultList();
    return rows;
  }

  private static Views.InclusiveAverageView average(
      String level,
      String district,
      String school,
      String classId,
      InclusiveClassAverage a,
      int minimum) {
    // Below the minimum only the head count is published.
    boolean hidden = a.students() < minimum;
    return new Views.InclusiveAverageView(
        level,
        district,
        school,
        classId,
        a.students(),
        hidden ? null : a.specialNeedsStudents(),
        hidden ? null : a.studentsWithoutSpecialNeeds(),
        hidden ? null : a.planAverage().orElse(null),
        hidden ? null : a.conventionalAverage().orElse(null),
        hidden,
        hidden ? "fewer than " + minimum + " students: figures not published" : a.explanation());
  }
}
