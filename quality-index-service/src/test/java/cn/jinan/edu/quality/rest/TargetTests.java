package cn.jinan.edu.quality.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.jinan.edu.platform.problem.ProblemException;
import cn.jinan.edu.platform.testing.TestTokens;
import cn.jinan.edu.quality.api.Views;
import cn.jinan.edu.quality.client.RegistryClient;
import cn.jinan.edu.quality.service.UnitMirror;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Target evaluation at the API. Each test uses its own periods (years nobody else writes) and sets
 * every district explicitly, so the latest approved period is always its own.
 */
@QuarkusTest
class TargetTests {

  static ValidatableResponse evaluate(String code, String asOf) {
    return given()
        .auth()
        .oauth2(TestTokens.districtReviewer("370126"))
        .get("/api/v1/targets/" + code + "/evaluation?asOf=" + asOf)
        .then()
        .statusCode(200);
  }

  @Test
  void eightyPercentNeedsTenOfTwelve() {
    Fixtures.seedYesNo("PRESCHOOL_INCLUSIVE_COUNTY_TITLE", 2091, 9);
    evaluate("PRESCHOOL_INCLUSIVE_COUNTY", "2091-06-30")
        .body("code", equalTo("PRESCHOOL_INCLUSIVE_COUNTY"))
        .body("met", equalTo(false))
        .body("currentValue", equalTo(9))
        .body("requiredValue", equalTo(10))
        .body("progress", equalTo(0.9f))
        .body("explanation", equalTo("9 of 12 districts, 10 required, 1 more needed"))
        .body("counting", hasSize(9))
        .body("notCounting", hasSize(3))
        .body("status", equalTo("MISSED"));
    Fixtures.seedYesNo("PRESCHOOL_INCLUSIVE_COUNTY_TITLE", 2092, 10);
    evaluate("PRESCHOOL_INCLUSIVE_COUNTY", "2092-06-30")
        .body("met", equalTo(true))
        .body("currentValue", equalTo(10))
        .body("requiredValue", equalTo(10))
        .body("progress", equalTo(1))
        .body("explanation", equalTo("10 of 12 districts, 10 required, met"))
        .body("status", equalTo("MET"));
  }

  @Test
  void sixtyPercentNeedsEightOfTwelve() {
    Fixtures.seedYesNo("COMPULSORY_BALANCED_COUNTY_TITLE", 2093, 7);
    evaluate("COMPULSORY_BALANCED_COUNTY", "2093-01-01")
        .body("met", equalTo(false))
        .body("currentValue", equalTo(7))
        .body("requiredValue", equalTo(8))
        .body("gap", equalTo(1))
        .body("explanation", equalTo("7 of 12 districts, 8 required, 1 more needed"));
    Fixtures.seedYesNo("COMPULSORY_BALANCED_COUNTY_TITLE", 2094, 8);
    evaluate("COMPULSORY_BALANCED_COUNTY", "2094-01-01")
        .body("met", equalTo(true))
        .body("currentValue", equalTo(8))
        .body("requiredValue", equalTo(8))
        // The trajectory shows 2093 unmet and 2094 met.
        .body("trajectory.find { it.year == 2093 }.currentValue", equalTo(7))
        .body("trajectory.find { it.year == 2093 }.met", equalTo(false))
        .body("trajectory.find { it.year == 2094 }.met", equalTo(true));
  }

  @Test
  void onlyApprovedDataCounts() {
    // A value still open does not count.
    Fixtures.importValues(
        List.of(Fixtures.row("FAMILY_SCHOOL_COMMUNITY_COVERED", "370102", 2095, 1)));
    evaluate("FAMILY_SCHOOL_COMMUNITY", "2095-02-01")
        .body("notCounting.find { it.code == '370102' }.reason", notNullValue());
  }

  @Test
  void statusBeforeAndAfterTheDeadline() {
    // SMALL_CLASS_PILOT: ≥ 1 pilot by 2027-12-31; nothing approved yet.
    evaluate("SMALL_CLASS_PILOT", "2026-01-01")
        .body("status", equalTo("ON_TRACK"))
        .body("met", equalTo(false));
    evaluate("SMALL_CLASS_PILOT", "2027-09-01").body("status", equalTo("AT_RISK"));
    evaluate("SMALL_CLASS_PILOT", "2027-12-31").body("status", equalTo("AT_RISK"));
    evaluate("SMALL_CLASS_PILOT", "2028-01-01").body("status", equalTo("MISSED"));
    Fixtures.importValues(List.of(Fixtures.row("SMALL_CLASS_PILOT_SCHOOLS", "370112", 2029, 1)));
    Fixtures.approve("370112", 2029);
    evaluate("SMALL_CLASS_PILOT", "2028-06-30").body("status", equalTo("MISSED"));
    evaluate("SMALL_CLASS_PILOT", "2029-03-01")
        .body("status", equalTo("MET"))
        .body("currentValue", equalTo(1))
        .body("counting[0].code", equalTo("370112"));
    // Met before the deadline: TECH_HIGH_SCHOOL (≥ 2 by 2027).
    evaluate("TECH_HIGH_SCHOOL", "2026-06-30").body("status", equalTo("ON_TRACK"));
    Fixtures.importValues(List.of(Fixtures.row("TECH_HIGH_SCHOOLS", "370113", 2026, 2)));
    Fixtures.approve("370113", 2026);
    evaluate("TECH_HIGH_SCHOOL", "2026-06-30")
        .body("status", equalTo("MET"))
        .body("explanation", containsString("2 required, met"));
    evaluate("TECH_HIGH_SCHOOL", "2025-06-30").body("status", equalTo("ON_TRACK"));
  }

  @Test
  void dashboardFollowsTheContract() {
    given()
        .auth()
        .oauth2(TestTokens.auditor())
        .get("/api/v1/dashboard?asOf=2026-06-30")
        .then()
        .statusCode(200)
        .body("asOf", equalTo("2026-06-30"))
        .body("targets", hasSize(11))
        .body("targets.code", hasItem("GROUP_REGISTRATION_DONE"))
        .body("targets.every { it.status in ['MET','ON_TRACK','AT_RISK','MISSED'] }", equalTo(true))
        .body(
            "targets.every { it.currentValue != null && it.requiredValue != null && it.progress != null }",
            equalTo(true))
        .body("targets.every { it.explanation != null && it.nameZh != null }", equalTo(true))
        .body(
            "targets.find { it.code == 'PRESCHOOL_INCLUSIVE_COUNTY' }.deadline",
            equalTo("2027-12-31"))
        .body("targets.find { it.code == 'PRESCHOOL_RESEARCHER' }.deadline", equalTo(null))
        // registry-service is unreachable in tests: the fallback says so.
        .body(
            "targets.find { it.code == 'GROUP_REGISTRATION_DONE' }.dataSource",
            containsString("registry-service unreachable"));
    given().get("/api/v1/dashboard").then().statusCode(401);
  }

  @Inject UnitMirror mirror;

  static final List<String[]> DISTRICTS =
      List.of(
          new String[] {"370102", "历下区", "DISTRICT"},
          new String[] {"370103", "市中区", "DISTRICT"},
          new String[] {"370104", "槐荫区", "DISTRICT"},
          new String[] {"370105", "天桥区", "DISTRICT"},
          new String[] {"370112", "历城区", "DISTRICT"},
          new String[] {"370113", "长清区", "DISTRICT"},
          new String[] {"370114", "章丘区", "DISTRICT"},
          new String[] {"370115", "济阳区", "DISTRICT"},
          new String[] {"370116", "莱芜区", "DISTRICT"},
          new String[] {"370117", "钢城区", "DISTRICT"},
          new String[] {"370124", "平阴县", "COUNTY"},
          new String[] {"370126", "商河县", "COUNTY"});

  /** The registry's list: the 12 districts since 2000, plus extra periods. */
  static List<RegistryClient.RegistryUnit> registryUnits(RegistryClient.RegistryUnit... extra) {
    List<RegistryClient.RegistryUnit> out = new ArrayList<>();
    for (String[] d : DISTRICTS) {
      out.add(new RegistryClient.RegistryUnit(d[0], d[1], d[2], LocalDate.of(2000, 1, 1), null));
    }
    out.addAll(List.of(extra));
    return out;
  }

  private static ValidatableResponse dashboardTarget(String asOf, String code) {
    return given()
        .auth()
        .oauth2(TestTokens.auditor())
        .get("/api/v1/dashboard?asOf=" + asOf)
        .then()
        .statusCode(200)
        .rootPath("targets.find { it.code == '" + code + "' }");
  }

  @Test
  void functionalZonesFromTheRegistryJoinTheDenominatorFromTheirDate() {
    RegistryClient.RegistryUnit zone =
        new RegistryClient.RegistryUnit(
            "370171", "高新区", "FUNCTIONAL_ZONE", LocalDate.of(2096, 1, 1), null);
    mirror.apply(registryUnits());
    // Read once before the zone exists: the cached dashboard must not survive the change.
    dashboardTarget("2096-06-30", "PRESCHOOL_INCLUSIVE_COUNTY").body("considered", equalTo(12));

    Views.UnitMirrorView result = mirror.apply(registryUnits(zone));
    assertEquals(1, result.added());
    assertEquals(13, result.received());

    given().get("/api/v1/units?asOf=2095-12-31").then().statusCode(200).body("$", hasSize(12));
    given().get("/api/v1/units?asOf=2096-01-01").then().body("$", hasSize(13));
    evaluate("PRESCHOOL_INCLUSIVE_COUNTY", "2096-06-30")
        .body("considered", equalTo(13))
        .body("requiredValue", equalTo(11));
    dashboardTarget("2096-06-30", "PRESCHOOL_INCLUSIVE_COUNTY")
        .body("considered", equalTo(13))
        .body("requiredValue", equalTo(11));

    // The registry ends the zone: the mirror follows; applying the same list again changes nothing.
    RegistryClient.RegistryUnit ended =
        new RegistryClient.RegistryUnit(
            "370171", "高新区", "FUNCTIONAL_ZONE", LocalDate.of(2096, 1, 1), LocalDate.of(2097, 1, 1));
    assertEquals(1, mirror.apply(registryUnits(ended)).updated());
    Views.UnitMirrorView again = mirror.apply(registryUnits(ended));
    assertEquals(0, again.added() + again.updated() + again.removed());
    given().get("/api/v1/units?asOf=2097-01-01").then().body("$", hasSize(12));

    // Gone from the registry → gone here.
    assertEquals(1, mirror.apply(registryUnits()).removed());
    given().get("/api/v1/units?asOf=2096-06-30").then().body("$", hasSize(12));
  }

  @Test
  void theMirrorNeverEmptiesAndOnlyTheCityAsksForARefresh() {
    ProblemException empty = assertThrows(ProblemException.class, () -> mirror.apply(List.of()));
    assertEquals(503, empty.status());
    ProblemException odd =
        assertThrows(
            ProblemException.class,
            () ->
                mirror.apply(
                    registryUnits(
                        new RegistryClient.RegistryUnit(
                            "370199", "?", "PROVINCE", LocalDate.of(2030, 1, 1), null))));
    assertEquals(503, odd.status());
    given().get("/api/v1/units?asOf=2026-06-30").then().body("$", hasSize(12));

    given()
        .auth()
        .oauth2(TestTokens.districtReviewer("370102"))
        .post("/api/v1/units/refresh")
        .then()
        .statusCode(403);
    // registry-service is down in tests: 503 problem+json, units unchanged.
    given()
        .auth()
        .oauth2(TestTokens.cityAdmin())
        .post("/api/v1/units/refresh")
        .then()
        .statusCode(503)
        .contentType("application/problem+json")
        .body("detail", containsString("registry-service"));
    given()
        .auth()
        .oauth2(TestTokens.cityAdmin())
        .contentType("application/json")
        .body(
            "{\"code\":\"370172\",\"nameZh\":\"起步区\",\"kind\":\"FUNCTIONAL_ZONE\",\"validFrom\":\"2096-01-01\"}")
        .post("/api/v1/units")
        .then()
        .statusCode(405);
  }
}
