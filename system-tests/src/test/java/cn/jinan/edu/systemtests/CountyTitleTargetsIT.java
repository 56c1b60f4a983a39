package cn.jinan.edu.systemtests;

import static cn.jinan.edu.systemtests.support.TestUsers.CITY_ADMIN;
import static cn.jinan.edu.systemtests.support.TestUsers.DISTRICTS;
import static cn.jinan.edu.systemtests.support.TestUsers.GOV_DATA_EXCHANGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinan.edu.platform.ids.Uscc;
import cn.jinan.edu.systemtests.support.Http;
import cn.jinan.edu.systemtests.support.Http.Reply;
import cn.jinan.edu.systemtests.support.SuiteExtension;
import cn.jinan.edu.systemtests.support.SystemUnderTest;
import cn.jinan.edu.systemtests.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Scenario B, measures 二 and 八: districts report the two national county titles and the raw figures
 * behind them for 2025–2027, the city approves, and the plan's "80% of districts" and "60% of
 * districts" targets are evaluated exactly at their boundaries — with 12 districts, 9 of 10 and 7
 * of 8 are not met, 10 and 8 are — in quality-index-service and in the milestone tasks bound to
 * them.
 */
@ExtendWith(SuiteExtension.class)
class CountyTitleTargetsIT {
  private static final String PRESCHOOL = "PRESCHOOL_INCLUSIVE_COUNTY";
  private static final String BALANCED = "COMPULSORY_BALANCED_COUNTY";
  private static final Map<String, String> TITLE_OF =
      Map.of(
          PRESCHOOL,
          "PRESCHOOL_INCLUSIVE_COUNTY_TITLE",
          BALANCED,
          "COMPULSORY_BALANCED_COUNTY_TITLE");
  private static final Map<String, String> TASK_TEXT =
      Map.of(PRESCHOOL, "80%的区县实现国家学前教育普及普惠县创建目标", BALANCED, "60%的区县实现国家义务教育优质均衡发展县创建目标");

  /** Reports through its own reviewer by CSV import; the ten before it through data-reporter. */
  private static final String CSV_DISTRICT = "370124";

  /** Reports value by value through its own reviewer; its 2027 approval crosses both lines. */
  private static final String LAST_DISTRICT = "370126";

  private static final List<Integer> PERIODS = List.of(2025, 2026, 2027);

  private final SystemUnderTest suite;
  private final Http http;

  CountyTitleTargetsIT(SystemUnderTest suite) {
    this.suite = suite;
    this.http = suite.http;
  }

  /**
   * Districts holding a title in a period: the first n of {@link TestUsers#DISTRICTS} (preschool 5,
   * 9, 9; balanced 3, 7, 7), and in 2027 also {@link #LAST_DISTRICT}.
   */
  private static boolean holds(String target, String district, int period) {
    int n =
        switch (period) {
          case 2025 -> target.equals(PRESCHOOL) ? 5 : 3;
          default -> target.equals(PRESCHOOL) ? 9 : 7;
        };
    return DISTRICTS.indexOf(district) < n || (period == 2027 && district.equals(LAST_DISTRICT));
  }

  /** One district's report for one period: both titles, the preschool rates, one school's data. */
  private static List<Map<String, Object>> rows(String district, int period) {
    int i = DISTRICTS.indexOf(district);
    String school = Uscc.complete("12" + district + "MB0E2EP01");
    List<Map<String, Object>> rows = new ArrayList<>();
    for (String target : List.of(PRESCHOOL, BALANCED)) {
      rows.add(
          row(
              TITLE_OF.get(target),
              district,
              null,
              period,
              holds(target, district, period) ? "1" : "0"));
    }
    rows.add(row("PRESCHOOL_GROSS_ENROLMENT_RATE", district, null, period, (84 + i % 5) + ".5"));
    rows.add(row("PRESCHOOL_INCLUSIVE_COVERAGE", district, null, period, (78 + i % 4) + ".0"));
    rows.add(row("PRESCHOOL_PUBLIC_SHARE", district, null, period, (48 + i % 6) + ".0"));
    rows.add(row("STUDENTS_PRIMARY", district, school, period, String.valueOf(900 + 10 * i)));
    rows.add(row("QUALIFIED_TEACHERS_PER_100", district, school, period, "4.6"));
    return rows;
  }

  private static Map<String, Object> row(
      String indicator, String district, String school, int period, String value) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("indicator", indicator);
    r.put("districtCode", district);
    if (school != null) {
      r.put("schoolUscc", school);
    }
    r.put("period", period);
    r.put("value", new BigDecimal(value));
    r.put("source", "系统测试 教育事业统计");
    return r;
  }

  @Test
  void countyTitleTargetsTurnMetExactlyAtTheirBoundaries() {
    String reporter = suite.tokens.client(GOV_DATA_EXCHANGE);
    reportAsDataReporter(reporter);
    reportByCsvAsReviewer();
    reportValueByValueAsReviewer();

    // Readable back by any reader of non-personal data.
    JsonNode back =
        http.get(
                suite.gateway(
                    "/quality/api/v1/values?district=" + LAST_DISTRICT + "&period=2027&limit=200"))
            .bearer(reporter)
            .expect(200)
            .json()
            .path("items");
    assertEquals(rows(LAST_DISTRICT, 2027).size(), back.size(), back::toString);
    JsonNode title =
        StreamSupport.stream(back.spliterator(), false)
            .filter(v -> v.path("indicator").asText().equals(TITLE_OF.get(PRESCHOOL)))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no title value in " + back));
    assertEquals(0, title.path("value").decimalValue().compareTo(BigDecimal.ONE), title::toString);
    assertEquals("OPEN", title.path("approvalState").asText(), title::toString);

    // Districts submit, the city approves — every period but the last district's 2027.
    for (int period : PERIODS) {
      for (String d : DISTRICTS) {
        if (!(period == 2027 && d.equals(LAST_DISTRICT))) {
          submitAndApprove(d, period);
        }
      }
    }

    // Approved data only, latest period not after the evaluation year.
    expectEvaluation(PRESCHOOL, "2025-12-31", 5, 10);
    expectEvaluation(BALANCED, "2025-12-31", 3, 8);
    expectEvaluation(PRESCHOOL, "2026-12-31", 9, 10);
    expectEvaluation(BALANCED, "2026-12-31", 7, 8);
    // 370126's 2027 title is reported but not approved: it does not count yet.
    expectEvaluation(PRESCHOOL, "2027-12-31", 9, 10);
    expectEvaluation(BALANCED, "2027-12-31", 7, 8);
    expectTask(PRESCHOOL, "2027-12-31", 9, 10);
    expectTask(BALANCED, "2027-12-31", 7, 8);

    submitAndApprove(LAST_DISTRICT, 2027);

    JsonNode preschool = expectEvaluation(PRESCHOOL, "2027-12-31", 10, 10);
    JsonNode balanced = expectEvaluation(BALANCED, "2027-12-31", 8, 8);
    for (JsonNode e : List.of(preschool, balanced)) {
      assertTrue(
          StreamSupport.stream(e.path("counting").spliterator(), false)
              .anyMatch(
                  c ->
                      c.path("code").asText().equals(LAST_DISTRICT)
                          && c.path("period").asInt() == 2027),
          e::toString);
    }
    expectTask(PRESCHOOL, "2027-12-31", 10, 10);
    expectTask(BALANCED, "2027-12-31", 8, 8);
    // An earlier date still reads the earlier periods.
    expectEvaluation(PRESCHOOL, "2026-12-31", 9, 10);
    expectTask(PRESCHOOL, "2026-12-31", 9, 10);

    // The approval is on the quality event feed for other systems.
    assertTrue(
        hasEvent(reporter, "cn.jinan.edu.qualityindex.data.approved", LAST_DISTRICT + "/2027"),
        "no data.approved event for " + LAST_DISTRICT + "/2027");
  }

  /**
   * Another government system (client credentials) imports ten districts: dry run, then for real.
   */
  private void reportAsDataReporter(String token) {
    List<Map<String, Object>> all = new ArrayList<>();
    for (String d : DISTRICTS.subList(0, DISTRICTS.indexOf(CSV_DISTRICT))) {
      PERIODS.forEach(p -> all.addAll(rows(d, p)));
    }
    JsonNode dry =
        http.post(suite.gateway("/quality/api/v1/values/import?dryRun=true"))
            .bearer(token)
            .json(all)
            .expect(200)
            .json();
    assertFalse(dry.path("committed").asBoolean(), dry::toString);
    assertTrue(dry.path("conflicts").isEmpty(), dry::toString);
    JsonNode done =
        http.post(suite.gateway("/quality/api/v1/values/import"))
            .bearer(token)
            .json(all)
            .expect(200)
            .json();
    assertTrue(done.path("committed").asBoolean(), done::toString);
    assertEquals(all.size(), done.path("created").asInt(), done::toString);
  }

  /**
   * A district reviewer imports its own CSV; a row of another district is refused in the dry run.
   */
  private void reportByCsvAsReviewer() {
    String token = suite.tokens.user(TestUsers.reviewer(CSV_DISTRICT));
    List<Map<String, Object>> own = new ArrayList<>();
    PERIODS.forEach(p -> own.addAll(rows(CSV_DISTRICT, p)));
    List<Map<String, Object>> withForeign = new ArrayList<>(own);
    withForeign.add(rows(LAST_DISTRICT, 2025).get(0));

    JsonNode dry =
        http.post(suite.gateway("/quality/api/v1/values/import?dryRun=true"))
            .bearer(token)
            .body("text/csv; charset=UTF-8", csv(withForeign))
            .expect(200)
            .json();
    JsonNode conflicts = dry.path("conflicts");
    assertEquals(1, conflicts.size(), dry::toString);
    assertEquals("FORBIDDEN", conflicts.get(0).path("code").asText(), dry::toString);
    assertEquals(withForeign.size(), conflicts.get(0).path("row").asInt(), dry::toString);

    JsonNode done =
        http.post(suite.gateway("/quality/api/v1/values/import"))
            .bearer(token)
            .body("text/csv; charset=UTF-8", csv(own))
            .expect(200)
            .json();
    assertTrue(done.path("committed").asBoolean(), done::toString);
    assertEquals(own.size(), done.path("created").asInt(), done::toString);
  }

  /** A district reviewer puts its values one by one; another district's value is refused. */
  private void reportValueByValueAsReviewer() {
    String token = suite.tokens.user(TestUsers.reviewer(LAST_DISTRICT));
    for (int period : PERIODS) {
      for (Map<String, Object> r : rows(LAST_DISTRICT, period)) {
        Object subject = r.getOrDefault("schoolUscc", LAST_DISTRICT);
        http.put(
                suite.gateway(
                    "/quality/api/v1/values/" + r.get("indicator") + "/" + subject + "/" + period))
            .bearer(token)
            .json(
                Map.of(
                    "value",
                    r.get("value"),
                    "districtCode",
                    LAST_DISTRICT,
                    "source",
                    r.get("source")))
            .expect(201);
      }
    }
    http.put(
            suite.gateway(
                "/quality/api/v1/values/" + TITLE_OF.get(PRESCHOOL) + "/" + CSV_DISTRICT + "/2027"))
        .bearer(token)
        .json(Map.of("value", 1, "districtCode", CSV_DISTRICT))
        .send()
        .expectProblem(403, "forbidden");
  }

  private void submitAndApprove(String district, int period) {
    String approval = suite.gateway("/quality/api/v1/approvals/" + district + "/" + period);
    String reviewer = suite.tokens.user(TestUsers.reviewer(district));
    Reply open = http.get(approval).bearer(reviewer).expect(200);
    Reply submitted =
        http.post(approval + "/transitions/submit")
            .bearer(reviewer)
            .ifMatch(open.etag())
            .json("{}")
            .expect(200);
    assertEquals("SUBMITTED", submitted.json().path("state").asText(), submitted::toString);
    Reply approved =
        http.post(approval + "/transitions/approve")
            .bearer(suite.tokens.user(CITY_ADMIN))
            .ifMatch(submitted.etag())
            .json(Map.of("comment", "审核通过"))
            .expect(200);
    assertEquals("APPROVED", approved.json().path("state").asText(), approved::toString);
  }

  private JsonNode expectEvaluation(String target, String asOf, int current, int required) {
    JsonNode e =
        http.get(suite.gateway("/quality/api/v1/targets/" + target + "/evaluation?asOf=" + asOf))
            .bearer(suite.tokens.client(GOV_DATA_EXCHANGE))
            .expect(200)
            .json();
    String what = target + " as of " + asOf + ": " + e;
    assertEquals(12, e.path("considered").asInt(), what);
    assertEquals(required, e.path("requiredValue").asInt(), what);
    assertEquals(current, e.path("currentValue").asInt(), what);
    assertEquals(current >= required, e.path("met").asBoolean(), what);
    if (current >= required) {
      assertEquals("MET", e.path("status").asText(), what);
    } else {
      assertNotEquals("MET", e.path("status").asText(), what);
    }
    return e;
  }

  /**
   * The bound task: every responsible district shows the city-wide figure, and its state follows.
   */
  private void expectTask(String target, String asOf, int current, int required) {
    JsonNode tasks =
        http.get(suite.gateway("/milestone/api/v1/tasks?year=2027")).expect(200).json();
    long id =
        StreamSupport.stream(tasks.spliterator(), false)
            .filter(t -> t.path("textZh").asText().equals(TASK_TEXT.get(target)))
            .findFirst()
            .orElseThrow(
                () -> new AssertionError("no task " + TASK_TEXT.get(target) + " in " + tasks))
            .path("id")
            .asLong();
    JsonNode status =
        http.get(suite.gateway("/milestone/api/v1/tasks/" + id + "/status?asOf=" + asOf))
            .expect(200)
            .json();
    String what = "task " + id + " as of " + asOf + ": " + status;
    assertEquals("QUALITY_TARGET", status.path("binding").path("source").asText(), what);
    assertEquals(target, status.path("binding").path("targetCode").asText(), what);
    boolean met = current >= required;
    assertEquals(DISTRICTS.size(), status.path("units").size(), what);
    for (JsonNode u : status.path("units")) {
      JsonNode f = u.path("figure");
      assertEquals(current, f.path("currentValue").asInt(), what);
      assertEquals(required, f.path("requiredValue").asInt(), what);
      assertEquals(met, f.path("met").asBoolean(), what);
      assertFalse(f.path("stale").asBoolean(), what);
      assertEquals(met, u.path("state").asText().equals("COMPLETED"), what);
    }
    assertEquals(met, status.path("state").asText().equals("COMPLETED"), what);
  }

  private boolean hasEvent(String token, String type, String subject) {
    String after = "0";
    while (true) {
      JsonNode page =
          http.get(suite.gateway("/quality/api/v1/events?limit=200&after=" + after))
              .bearer(token)
              .expect(200)
              .json();
      for (JsonNode e : page.path("items")) {
        if (e.path("type").asText().equals(type) && e.path("subject").asText().equals(subject)) {
          return true;
        }
        after = e.path("sequence").asText();
      }
      if (page.path("nextCursor").isNull() || page.path("items").isEmpty()) {
        return false;
      }
    }
  }

  private static String csv(List<Map<String, Object>> rows) {
    StringBuilder b =
        new StringBuilder("indicator,districtCode,schoolUscc,period,value,source,comment\n");
    for (Map<String, Object> r : rows) {
      b.append(r.get("indicator"))
          .append(',')
          .append(r.get("districtCode"))
          .append(',')
          .append(r.getOrDefault("schoolUscc", ""))
          .append(',')
          .append(r.get("period"))
          .append(',')
          .append(r.get("value"))
          .append(',')
          .append(r.get("source"))
          .append(",\n");
    }
    return b.toString();
  }
}
