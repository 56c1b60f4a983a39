package cn.jinan.edu.milestone;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.jinan.edu.milestone.api.Views;
import cn.jinan.edu.milestone.client.RegistryUnits.RegistryUnit;
import cn.jinan.edu.milestone.service.UnitMirror;
import cn.jinan.edu.platform.problem.ProblemException;
import cn.jinan.edu.platform.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The 区县 are registry-service's; this service holds a read-only mirror of its list. */
@QuarkusTest
class UnitMirrorTests {
  /** A functional zone that exists only in these tests. */
  static final String ZONE = "370171";

  @Inject UnitMirror mirror;
  @Inject EntityManager em;

  /**
   * registry-service's seed (registry-service/src/main/resources/db/migration/V1__registry.sql).
   */
  static final List<String[]> REGISTRY =
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

  static List<RegistryUnit> registry(RegistryUnit... extra) {
    List<RegistryUnit> out = new ArrayList<>();
    for (String[] u : REGISTRY) {
      out.add(new RegistryUnit(u[0], u[1], u[2], LocalDate.of(2000, 1, 1), null));
    }
    out.addAll(List.of(extra));
    return out;
  }

  static RegistryUnit zone(LocalDate from, LocalDate to) {
    return new RegistryUnit(ZONE, "高新区", "FUNCTIONAL_ZONE", from, to);
  }

  /** Back to the registry's seed, whatever an earlier (possibly interrupted) run left. */
  @BeforeEach
  @AfterEach
  void registrySeed() {
    StubSources.mode(StubSources.Mode.UP);
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery("DELETE FROM task_assignment WHERE unit_code = :c")
                    .setParameter("c", ZONE)
                    .executeUpdate());
    mirror.apply(registry());
  }

  @Test
  void theSeedAlreadyEqualsTheRegistrysUnits() {
    Views.UnitMirrorView again = mirror.apply(registry());
    assertEquals(12, again.received());
    assertEquals(0, again.added() + again.updated() + again.removed() + again.retained());
    given()
        .get("/api/v1/units?kind=COUNTY")
        .then()
        .statusCode(200)
        .body("code", contains("370124", "370126"))
        .body("nameZh", contains("平阴县", "商河县"));
    // The city and its departments are this service's own and stay.
    given().get("/api/v1/units?kind=CITY").then().body("code", contains("370100"));
    given().get("/api/v1/units?kind=DEPARTMENT").then().body("code.size()", equalTo(5));
  }

  @Test
  void theMirrorFollowsTheRegistry() {
    Views.UnitMirrorView added = mirror.apply(registry(zone(LocalDate.of(2096, 1, 1), null)));
    assertEquals(1, added.added());
    assertEquals(13, added.received());
    given()
        .get("/api/v1/units?kind=FUNCTIONAL_ZONE")
        .then()
        .body("code", contains(ZONE))
        .body("validFrom", contains("2096-01-01"));

    // The registry ends the zone and opens a second period: the next one to start is held.
    Views.UnitMirrorView periods =
        mirror.apply(
            registry(
                zone(LocalDate.of(2096, 1, 1), LocalDate.of(2097, 1, 1)),
                zone(LocalDate.of(2099, 1, 1), null)));
    assertEquals(1, periods.updated());
    given()
        .get("/api/v1/units?kind=FUNCTIONAL_ZONE")
        .then()
        .body("validFrom", contains("2096-01-01"))
        .body("validTo", contains("2097-01-01"));

    // Gone from the registry → gone here.
    assertEquals(1, mirror.apply(registry()).removed());
    given().get("/api/v1/units?kind=FUNCTIONAL_ZONE").then().body("code.size()", equalTo(0));
  }

  @Test
  void aUnitThatHistoryRefersToIsRetained() {
    mirror.apply(registry(zone(LocalDate.of(2020, 1, 1), null)));
    String plan = Fixtures.plan("2025-06-13");
    long task = Fixtures.task(plan, 1, 2026, null, List.of(1), List.of(ZONE));
    given()
        .get("/api/v1/tasks/" + task + "/assignments")
        .then()
        .body("current.unitKind", contains("FUNCTIONAL_ZONE"));

    Views.UnitMirrorView result = mirror.apply(registry());
    assertEquals(1, result.retained());
    assertEquals(0, result.removed());
    given().get("/api/v1/units?kind=FUNCTIONAL_ZONE").then().body("code", contains(ZONE));
  }

  @Test
  void whatTheRegistryCannotHaveMeantChangesNothing() {
    for (List<RegistryUnit> odd :
        List.of(
            List.<RegistryUnit>of(),
            registry(new RegistryUnit("370199", "?", "PROVINCE", LocalDate.of(2030, 1, 1), null)),
            registry(new RegistryUnit("370100", "济南市", "DISTRICT", LocalDate.of(2000, 1, 1), null)),
            registry(zone(LocalDate.of(2030, 1, 1), LocalDate.of(2030, 1, 1))))) {
      ProblemException e = assertThrows(ProblemException.class, () -> mirror.apply(odd));
      assertEquals(503, e.status());
    }
    given().get("/api/v1/units?kind=CITY").then().body("code", contains("370100"));
    assertEquals(0, mirror.apply(registry()).updated());
  }

  @Test
  void onlyTheCityAsksForARefreshAndARegistryOutageKeepsTheMirror() {
    given().post("/api/v1/units/refresh").then().statusCode(401);
    ReportApiTests.problem(
        given()
            .auth()
            .oauth2(TestTokens.districtReviewer("370102"))
            .contentType(ContentType.JSON)
            .post("/api/v1/units/refresh")
            .then(),
        403,
        "forbidden");
    StubSources.mode(StubSources.Mode.ERROR);
    ReportApiTests.problem(
            given().auth().oauth2(TestTokens.cityAdmin()).post("/api/v1/units/refresh").then(),
            503,
            "service-unavailable")
        .header("Retry-After", "30");
    given()
        .get("/api/v1/units")
        .then()
        .statusCode(200)
        .body("findAll { it.kind == 'DISTRICT' || it.kind == 'COUNTY' }.size()", equalTo(12));
  }
}
