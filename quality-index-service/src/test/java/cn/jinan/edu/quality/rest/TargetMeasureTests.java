package cn.jinan.edu.quality.rest;

import static io.restassured.RestAssured.given;
import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.jinan.edu.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Each target belongs to the measure (措施) whose paragraph of the plan states it. */
@QuarkusTest
class TargetMeasureTests {
  /** Target → its measure and the plan's words for it in that measure's paragraph. */
  static final Map<String, List<String>> PLAN =
      Map.ofEntries(
          entry("PRESCHOOL_INCLUSIVE_COUNTY", List.of("二", "80%的区县实现创建目标")),
          entry("COMPULSORY_BALANCED_COUNTY", List.of("八", "60%的区县实现创建目标")),
          entry("PRESCHOOL_RESEARCHER", List.of("二", "至少配备1名学前教育专职教研员")),
          entry("PUBLIC_NEW_KINDERGARTEN", List.of("一", "全部举办为公办幼儿园")),
          entry("TOWNSHIP_SCHOOL_CLASS_II", List.of("六", "乡镇驻地学校达到省定Ⅱ类以上办学条件标准")),
          entry("GROUP_REGISTRATION_DONE", List.of("七", "完成全市集团化办学登记、备案")),
          entry("SPECIAL_SCHOOL_STANDARD", List.of("十三", "所有特殊教育学校办学质量达到省定标准")),
          entry("SPECIAL_SCHOOL_PER_DISTRICT", List.of("十二", "每个区县建强、办好1所特殊教育学校")),
          entry("FAMILY_SCHOOL_COMMUNITY", List.of("十四", "“教联体”全覆盖")),
          entry("TECH_HIGH_SCHOOL", List.of("十一", "建成至少2所科技高中")),
          entry("SMALL_CLASS_PILOT", List.of("五", "35人左右的小班化教学")));

  /** milestone-service's catalogue of the plan's 16 measures, beside this module. */
  static final Path CATALOGUE =
      Path.of("../milestone-service/src/main/resources/db/migration/V1__catalogue.sql");

  private static Map<String, String> measuresServed() {
    List<Map<String, Object>> targets =
        given()
            .auth()
            .oauth2(TestTokens.auditor())
            .get("/api/v1/targets")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("$");
    Map<String, String> out = new TreeMap<>();
    targets.forEach(t -> out.put((String) t.get("code"), (String) t.get("measure")));
    return out;
  }

  @Test
  void everyTargetNamesTheMeasureThatStatesIt() {
    Map<String, String> expected = new TreeMap<>();
    PLAN.forEach((code, m) -> expected.put(code, m.get(0)));
    assertEquals(expected, measuresServed());
  }

  @Test
  void indicatorDescriptionsNameTheSameMeasureAsTheirTarget() {
    Map<String, String> served = measuresServed();
    List<Map<String, Object>> indicators =
        given()
            .auth()
            .oauth2(TestTokens.auditor())
            .get("/api/v1/indicators")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("$");
    Pattern mention = Pattern.compile("target ([A-Z_]+), measure ([一二三四五六七八九十]+)");
    Map<String, String> mentioned = new HashMap<>();
    for (Map<String, Object> i : indicators) {
      Matcher m = mention.matcher((String) i.get("description"));
      while (m.find()) {
        assertEquals(served.get(m.group(1)), m.group(2), i.get("code") + ": " + m.group());
        mentioned.put((String) i.get("code"), m.group(2));
      }
    }
    assertEquals("二", mentioned.get("PRESCHOOL_INCLUSIVE_COUNTY_TITLE"));
    assertEquals("八", mentioned.get("COMPULSORY_BALANCED_COUNTY_TITLE"));
  }

  @Test
  void theMeasuresAgreeWithMilestonesCatalogue() throws IOException {
    assumeTrue(Files.isReadable(CATALOGUE), "milestone-service is not beside this module");
    String sql = Files.readString(CATALOGUE, StandardCharsets.UTF_8);
    // Rows of INSERT INTO measure: (number, 'numeral', 'title', action, 'commitments').
    Matcher row =
        Pattern.compile("\\(\\d+, '([一二三四五六七八九十]+)', '[^']*', \\d+,\\s*'([^']*)'\\)").matcher(sql);
    Map<String, String> commitments = new HashMap<>();
    while (row.find()) {
      commitments.put(row.group(1), row.group(2));
    }
    assertEquals(16, commitments.size(), "the plan has 16 measures");
    PLAN.forEach(
        (code, m) -> {
          List<String> stating =
              commitments.entrySet().stream()
                  .filter(c -> c.getValue().contains(m.get(1)))
                  .map(Map.Entry::getKey)
                  .toList();
          assertEquals(List.of(m.get(0)), stating, code + " is stated in measure(s) " + stating);
        });
  }

  @Test
  void theCorrectionIsInTheAuditTrail() {
    JsonPath trail =
        given()
            .auth()
            .oauth2(TestTokens.auditor())
            .get("/api/v1/audit?entityType=target&limit=200")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    List<Map<String, Object>> items = trail.getList("items");
    Map<String, Object> corrected = new TreeMap<>();
    for (Map<String, Object> e : items) {
      if ("migration V4".equals(e.get("actor"))) {
        corrected.put((String) e.get("entityId"), e.get("changes"));
      }
    }
    assertEquals(8, corrected.size(), corrected.toString());
    assertEquals(
        Map.of("measure", Map.of("before", "一", "after", "二")),
        corrected.get("PRESCHOOL_INCLUSIVE_COUNTY"));
    assertTrue(corrected.keySet().stream().allMatch(PLAN::containsKey));
  }
}
