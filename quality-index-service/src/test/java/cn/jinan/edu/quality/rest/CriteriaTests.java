package cn.jinan.edu.quality.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import cn.jinan.edu.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CriteriaTests {

  @Test
  void preschoolReadinessExplainsEachCheck() {
    Fixtures.importValues(
        List.of(
            Fixtures.row("PRESCHOOL_GROSS_ENROLMENT_RATE", "370115", 2071, 85),
            Fixtures.row("PRESCHOOL_INCLUSIVE_COVERAGE", "370115", 2071, 79.9),
            Fixtures.row("PRESCHOOL_PUBLIC_SHARE", "370115", 2071, 55)));
    given()
        .auth()
        .oauth2(TestTokens.districtReviewer("370115"))
        .get("/api/v1/criteria/preschool?period=2071")
        .then()
        .statusCode(200)
        .body("$", hasSize(1))
        .body("[0].districtCode", equalTo("370115"))
        .body("[0].passed", equalTo(false))
        .body("[0].checks.find { it.criterion == 'GROSS_ENROLMENT' }.outcome", equalTo("PASS"))
        .body("[0].checks.find { it.criterion == 'INCLUSIVE_COVERAGE' }.outcome", equalTo("FAIL"))
        .body("[0].checks.find { it.criterion == 'INCLUSIVE_COVERAGE' }.threshold", equalTo(80));
    given()
        .auth()
        .oauth2(TestTokens.auditor())
        .get("/api/v1/criteria/preschool?period=2071")
        .then()
        .statusCode(200)
        .body("$", hasSize(12))
        .body("find { it.districtCode == '370116' }.incomplete", equalTo(true));
  }

  @Test
  void balancedReadinessNamesFailingSchoolsAndIndicators() {
    List<Map<String, Object>> rows = new ArrayList<>();
    String[] schools = {"12370104MB00000200", "52370102MJ0000042M"};
    double[][] values = {
      // qualified, key, PE/art, floor, sports, equipment, multimedia
      {4.5, 1.2, 1.0, 5.0, 8.0, 2500, 2.5},
      {4.5, 1.2, 1.0, 4.0, 8.0, 2500, 2.5} // floor space 4.0 of 4.5 = 88.9%: tolerated
    };
    String[] codes = {
      "QUALIFIED_TEACHERS_PER_100", "KEY_TEACHERS_PER_100", "PE_ART_TEACHERS_PER_100",
      "FLOOR_SPACE_PER_STUDENT", "SPORTS_GROUND_PER_STUDENT", "EQUIPMENT_VALUE_PER_STUDENT",
      "MULTIMEDIA_CLASSROOMS_PER_100"
    };
    for (int s = 0; s < 2; s++) {
      for (int i = 0; i < 7; i++) {
        rows.add(school(codes[i], schools[s], values[s][i]));
      }
      rows.add(school("STUDENTS_PRIMARY", schools[s], 500));
    }
    // A third school misses two standards.
    String third = "12370105MB0000031J";
    for (int i = 0; i < 7; i++) {
      rows.add(school(codes[i], third, i < 2 ? values[0][i] * 0.5 : values[0][i]));
    }
    rows.add(school("STUDENTS_PRIMARY", third, 300));
    Fixtures.importValues(rows);
    given()
        .auth()
        .oauth2(TestTokens.cityAdmin())
        .get("/api/v1/criteria/balanced?period=2072&district=370116&stage=PRIMARY")
        .then()
        .statusCode(200)
        .body("$", hasSize(1))
        .body("[0].stage", equalTo("PRIMARY"))
        .body("[0].schools", equalTo(3))
        .body("[0].passed", equalTo(false))
        .body("[0].failingSchools", hasSize(1))
        .body("[0].failingSchools[0].schoolUscc", equalTo(third))
        .body("[0].failingSchools[0].belowStandard", hasItem("KEY_TEACHERS_PER_100"))
        .body("[0].indicators", hasSize(7));
    given()
        .auth()
        .oauth2(TestTokens.cityAdmin())
        .get("/api/v1/criteria/balanced?period=2072&district=370116&stage=JUNIOR")
        .then()
        .statusCode(200)
        .body("[0].schools", equalTo(0))
        .body("[0].passed", equalTo(false));
  }

  private static Map<String, Object> school(String indicator, String uscc, double value) {
    return Map.of(
        "indicator",
        indicator,
        "districtCode",
        "370116",
        "schoolUscc",
        uscc,
        "period",
        2072,
        "value",
        value);
  }
}
