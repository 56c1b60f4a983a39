package cn.jinan.edu.systemtests;

import static cn.jinan.edu.systemtests.support.TestUsers.CITY_ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinan.edu.platform.ids.Uscc;
import cn.jinan.edu.systemtests.support.Http;
import cn.jinan.edu.systemtests.support.SuiteExtension;
import cn.jinan.edu.systemtests.support.SystemUnderTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The suite's three imports (schools, indicator values, assessment records), each sent a file with
 * one valid and one refused row through the gateway, answer the one ImportSummary: the same fields,
 * the same conflict fields, and an all-or-nothing 422 that carries it and writes nothing.
 */
@ExtendWith(SuiteExtension.class)
class ImportSummaryIT {
  private static final Set<String> SUMMARY_FIELDS =
      Set.of("dryRun", "committed", "created", "updated", "ignored", "rejected", "conflicts");
  private static final Set<String> CONFLICT_FIELDS = Set.of("row", "field", "code", "reason");

  private final SystemUnderTest suite;
  private final Http http;

  ImportSummaryIT(SystemUnderTest suite) {
    this.suite = suite;
    this.http = suite.http;
  }

  private record Endpoint(String path, String csv, String refusedField, boolean nested) {}

  private static List<Endpoint> endpoints() {
    String school = Uscc.complete("12370105MB0T3T001");
    String broken = school.substring(0, 17) + "Z"; // Z is never a check character
    String student = Uscc.complete("12370102MB0T3T002");
    return List.of(
        new Endpoint(
            "/registry/api/v1/schools/import",
            "uscc,nameZh,districtCode,stages,ownership,locationType,townshipSeat,status\n"
                + school
                + ",天桥区导入测试小学,370105,PRIMARY,PUBLIC,URBAN,false,OPEN\n"
                + broken
                + ",天桥区导入测试小学乙,370105,PRIMARY,PUBLIC,URBAN,false,OPEN\n",
            "uscc",
            false),
        new Endpoint(
            "/quality/api/v1/values/import",
            "indicator,districtCode,schoolUscc,period,value,source,comment\n"
                + "PRESCHOOL_GROSS_ENROLMENT_RATE,370105,,2049,91.5,,\n"
                + "PRESCHOOL_GROSS_ENROLMENT_RATE,370112,,2049,abc,,\n",
            "value",
            false),
        new Endpoint(
            "/quality/api/v1/assessments/import?recompute=false",
            "studentKey,schoolUscc,districtCode,grade,subject,year,priorScore,currentScore\n"
                + "h0123456789abcdef,"
                + student
                + ",370102,9,数学,2049,60,70\n"
                + "h0123456789abcdeg,"
                + student
                + ",370102,9,数学,2049,60,not-a-score\n",
            "currentScore",
            true));
  }

  @Test
  void everyImportAnswersTheSameSummary() {
    String token = suite.tokens.user(CITY_ADMIN);
    for (Endpoint e : endpoints()) {
      String dryRun = e.path() + (e.path().contains("?") ? "&" : "?") + "dryRun=true";
      JsonNode answer =
          http.post(suite.gateway(dryRun))
              .bearer(token)
              .body("text/csv; charset=UTF-8", e.csv())
              .expect(200)
              .json();
      JsonNode dry = e.nested() ? answer.path("summary") : answer;
      assertShape(e, dry);
      assertTrue(dry.path("dryRun").asBoolean(), dry::toString);
      assertEquals(1, dry.path("created").asInt(), dry::toString);

      JsonNode problem =
          http.post(suite.gateway(e.path()))
              .bearer(token)
              .body("text/csv; charset=UTF-8", e.csv())
              .expect(422)
              .json();
      JsonNode refused = problem.path("summary");
      assertShape(e, refused);
      assertFalse(refused.path("committed").asBoolean(), refused::toString);
    }
  }

  private static void assertShape(Endpoint e, JsonNode summary) {
    assertEquals(SUMMARY_FIELDS, fields(summary), e.path() + ": " + summary);
    assertEquals(1, summary.path("rejected").asInt(), e.path() + ": " + summary);
    JsonNode conflict = summary.path("conflicts").get(0);
    assertEquals(CONFLICT_FIELDS, fields(conflict), e.path() + ": " + summary);
    assertEquals(2, conflict.path("row").asInt(), e.path() + ": " + summary);
    assertEquals(e.refusedField(), conflict.path("field").asText(), e.path() + ": " + summary);
    assertEquals("INVALID", conflict.path("code").asText(), e.path() + ": " + summary);
    assertFalse(conflict.path("reason").asText().isBlank(), e.path() + ": " + summary);
  }

  private static Set<String> fields(JsonNode node) {
    Set<String> names = new TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
