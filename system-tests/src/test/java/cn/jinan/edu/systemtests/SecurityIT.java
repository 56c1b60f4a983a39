package cn.jinan.edu.systemtests;

import static cn.jinan.edu.systemtests.support.TestUsers.AUDITOR;
import static cn.jinan.edu.systemtests.support.TestUsers.CITY_ADMIN;
import static cn.jinan.edu.systemtests.support.TestUsers.GOV_DATA_EXCHANGE;
import static cn.jinan.edu.systemtests.support.TestUsers.SCHOOL_370104;
import static cn.jinan.edu.systemtests.support.TestUsers.SCHOOL_370104_USCC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinan.edu.platform.ids.Uscc;
import cn.jinan.edu.systemtests.support.Http;
import cn.jinan.edu.systemtests.support.Http.Reply;
import cn.jinan.edu.systemtests.support.SuiteExtension;
import cn.jinan.edu.systemtests.support.SystemUnderTest;
import cn.jinan.edu.systemtests.support.TestUsers;
import cn.jinan.edu.systemtests.support.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Scenario C, security: what a system's token may not do, which tokens are refused at the gateway
 * and again at each service's own port, and whose audit trail a district may read.
 */
@ExtendWith(SuiteExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityIT {
  private static final String DISTRICT = "370104";
  private static final String OTHER_DISTRICT = "370103";

  /** A protected read on each service: gateway path and the service's own path. */
  private static final List<String[]> PROTECTED =
      List.of(
          new String[] {"registry", "/api/v1/registrations"},
          new String[] {"milestone", "/api/v1/reports"},
          new String[] {"quality", "/api/v1/values"});

  private final SystemUnderTest suite;
  private final Http http;

  /** A registration of 370104, approved by its district and waiting for the city. */
  private long registrationId;

  SecurityIT(SystemUnderTest suite) {
    this.suite = suite;
    this.http = suite.http;
  }

  @BeforeAll
  void registrationAwaitingTheCity() {
    String member = Uscc.complete("12370104MB0E2E002");
    for (String[] s :
        List.of(
            new String[] {SCHOOL_370104_USCC, "济南市槐荫区系统测试小学"},
            new String[] {member, "济南市槐荫区系统测试第二小学"})) {
      http.post(suite.gateway("/registry/api/v1/schools"))
          .bearer(suite.tokens.client(GOV_DATA_EXCHANGE))
          .json(
              Map.of(
                  "uscc",
                  s[0],
                  "nameZh",
                  s[1],
                  "districtCode",
                  DISTRICT,
                  "stages",
                  List.of("PRIMARY"),
                  "ownership",
                  "PUBLIC",
                  "locationType",
                  "URBAN",
                  "townshipSeat",
                  false))
          .expect(201);
    }
    String school = suite.tokens.user(SCHOOL_370104);
    Reply draft =
        http.post(suite.gateway("/registry/api/v1/registrations"))
            .bearer(school)
            .json(
                Map.of(
                    "mode", "COOPERATION",
                    "name", "槐荫区系统测试合作办学",
                    "leadSchool", SCHOOL_370104_USCC,
                    "memberSchools", List.of(member),
                    "termStart", "2027-09-01",
                    "termEnd", "2029-08-31",
                    "contentAreas", List.of("TEACHERS"),
                    "contactName", "李老师",
                    "contactPhone", "13800000000"))
            .expect(201);
    registrationId = draft.json().path("id").asLong();
    Reply submitted =
        http.post(registration("/transitions/submit"))
            .bearer(school)
            .ifMatch(draft.etag())
            .json("{}")
            .expect(200);
    http.post(registration("/transitions/approve"))
        .bearer(suite.tokens.user(TestUsers.reviewer(DISTRICT)))
        .ifMatch(submitted.etag())
        .json(Map.of("comment", "同意"))
        .expect(200);
  }

  @Test
  void clientCredentialsTokenCannotActAsCityAdmin() {
    String system = suite.tokens.client(GOV_DATA_EXCHANGE);
    JsonNode claims = Tokens.claims(system);
    assertEquals(GOV_DATA_EXCHANGE, claims.path("azp").asText(), claims::toString);

    Reply current = http.get(registration("")).bearer(system).expect(200);
    assertEquals("DISTRICT_APPROVED", current.json().path("state").asText(), current::toString);
    List<Reply> refused = new ArrayList<>();
    refused.add(
        http.post(registration("/transitions/file"))
            .bearer(system)
            .ifMatch(current.etag())
            .json(Map.of("comment", "系统越权备案"))
            .send());
    refused.add(
        http.put(registration("/typical-case"))
            .bearer(system)
            .json(Map.of("year", 2026, "stage", "PRIMARY"))
            .send());
    refused.add(
        http.post(suite.gateway("/registry/api/v1/units"))
            .bearer(system)
            .json(
                Map.of(
                    "code", "370171",
                    "nameZh", "济南高新技术产业开发区",
                    "kind", "FUNCTIONAL_ZONE",
                    "validFrom", "2027-01-01"))
            .send());
    Reply approval =
        http.get(suite.gateway("/quality/api/v1/approvals/" + DISTRICT + "/2025"))
            .bearer(system)
            .expect(200);
    refused.add(
        http.post(
                suite.gateway(
                    "/quality/api/v1/approvals/" + DISTRICT + "/2025/transitions/approve"))
            .bearer(system)
            .ifMatch(approval.etag())
            .json(Map.of("comment", "系统越权审定"))
            .send());
    refused.add(http.post(suite.gateway("/quality/api/v1/units/refresh")).bearer(system).send());
    refused.add(
        http.put(suite.gateway("/milestone/api/v1/tasks/6/assignments"))
            .bearer(system)
            .ifMatch("\"0\"")
            .json(Map.of("unitCodes", List.of("370100"), "comment", "系统越权调整分工"))
            .send());
    refused.add(
        http.put(suite.gateway("/milestone/api/v1/tasks/30/binding"))
            .bearer(system)
            .json(Map.of("source", "QUALITY_TARGET", "targetCode", "FAMILY_SCHOOL_COMMUNITY"))
            .send());
    refused.forEach(r -> r.expectProblem(403, "forbidden"));

    // Nothing changed; the city itself may file (the refusal was about the role, not the state).
    assertEquals(
        "DISTRICT_APPROVED",
        http.get(registration("")).bearer(system).expect(200).json().path("state").asText());
    Reply asCity = http.get(registration("")).bearer(suite.tokens.user(CITY_ADMIN)).expect(200);
    assertTrue(asCity.json().path("allowedActions").toString().contains("file"), asCity::toString);
  }

  @Test
  void missingExpiredAndForeignTokensAreRefusedAtTheGatewayAndAtEachService() throws Exception {
    String valid = suite.tokens.user(CITY_ADMIN);
    String shortLived = suite.tokens.shortLived(CITY_ADMIN);
    String foreign = suite.tokens.fromOtherRealm();

    // The same calls succeed with valid tokens, the short-lived one included while it lives (so
    // the gateway has also verified and remembered it).
    for (String token : List.of(valid, shortLived)) {
      for (String url : protectedUrls()) {
        http.get(url).bearer(token).expect(200);
      }
    }

    // The foreign token is well-formed and claims the same role and audience; only its issuer
    // (and the keys that signed it) differ.
    JsonNode foreignClaims = Tokens.claims(foreign);
    assertTrue(
        foreignClaims.path("iss").asText().endsWith("/realms/elsewhere"), foreignClaims::toString);
    assertTrue(
        foreignClaims.path("aud").toString().contains("jinan-edu-api"), foreignClaims::toString);
    assertTrue(
        foreignClaims.path("realm_access").toString().contains("city-admin"),
        foreignClaims::toString);

    long exp = Tokens.claims(shortLived).path("exp").asLong();
    long wait = exp * 1000 - System.currentTimeMillis() + 2000;
    if (wait > 0) {
      Thread.sleep(wait);
    }
    assertTrue(Instant.now().getEpochSecond() > exp);

    Map<String, String> refused = new LinkedHashMap<>();
    refused.put("no token", null);
    refused.put("expired", shortLived);
    refused.put("another realm", foreign);
    refused.put("not a JWT", "not-a-token");
    for (var e : refused.entrySet()) {
      for (String url : protectedUrls()) {
        Http.Call call = http.get(url);
        if (e.getValue() != null) {
          call.bearer(e.getValue());
        }
        Reply r = call.send();
        assertEquals(401, r.status(), () -> e.getKey() + ": " + r);
        r.expectProblem(401, "unauthenticated");
        // The path the refusing server saw: with the route prefix the gateway refused at the
        // edge, without it the service did.
        assertEquals(
            URI.create(url).getPath(),
            r.json().path("instance").asText(),
            () -> e.getKey() + ": " + r);
        String challenge = r.header("WWW-Authenticate");
        assertTrue(
            challenge != null && challenge.startsWith("Bearer"),
            () -> e.getKey() + ": " + r.headers());
      }
    }
  }

  @Test
  void districtReviewerReadsOnlyItsOwnDistrictsAuditTrails() {
    String other = suite.tokens.user(TestUsers.reviewer(OTHER_DISTRICT));
    String own = suite.tokens.user(TestUsers.reviewer(DISTRICT));

    for (String path :
        List.of(
            "/registry/api/v1/registrations/" + registrationId + "/audit",
            "/registry/api/v1/audit?district=" + DISTRICT,
            "/quality/api/v1/approvals/" + DISTRICT + "/2025/audit",
            "/quality/api/v1/audit?district=" + DISTRICT,
            "/milestone/api/v1/audit?district=" + DISTRICT)) {
      http.get(suite.gateway(path)).bearer(other).send().expectProblem(403, "forbidden");
    }
    // Without a filter the trail is narrowed to the reviewer's own district.
    JsonNode visible =
        http.get(suite.gateway("/registry/api/v1/audit?limit=200"))
            .bearer(other)
            .expect(200)
            .json();
    for (JsonNode entry : visible.path("items")) {
      assertFalse(
          entry.path("entityType").asText().equals("registration")
              && entry.path("entityId").asText().equals(String.valueOf(registrationId)),
          visible::toString);
    }

    // The district itself and the auditor read it.
    for (String token : List.of(own, suite.tokens.user(AUDITOR))) {
      JsonNode trail =
          http.get(registration("/audit")).bearer(token).expect(200).json().path("items");
      assertTrue(trail.size() >= 3, trail::toString);
      assertEquals(
          "DISTRICT_APPROVED",
          trail.get(trail.size() - 1).path("toState").asText(),
          trail::toString);
    }
  }

  private List<String> protectedUrls() {
    List<String> urls = new ArrayList<>();
    for (String[] p : PROTECTED) {
      urls.add(suite.gateway("/" + p[0] + p[1]));
      urls.add(suite.direct(p[0], p[1]));
    }
    return urls;
  }

  private String registration(String suffix) {
    return suite.gateway("/registry/api/v1/registrations/" + registrationId + suffix);
  }
}
