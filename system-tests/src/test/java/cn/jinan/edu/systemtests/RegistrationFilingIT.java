package cn.jinan.edu.systemtests;

import static cn.jinan.edu.systemtests.support.TestUsers.AUDITOR;
import static cn.jinan.edu.systemtests.support.TestUsers.CITY_ADMIN;
import static cn.jinan.edu.systemtests.support.TestUsers.GOV_DATA_EXCHANGE;
import static cn.jinan.edu.systemtests.support.TestUsers.SCHOOL_370102;
import static cn.jinan.edu.systemtests.support.TestUsers.SCHOOL_370102_USCC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinan.edu.platform.ids.Uscc;
import cn.jinan.edu.systemtests.support.Http;
import cn.jinan.edu.systemtests.support.Http.Reply;
import cn.jinan.edu.systemtests.support.SuiteExtension;
import cn.jinan.edu.systemtests.support.SystemUnderTest;
import cn.jinan.edu.systemtests.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Scenario A, measure 七 (集团化办学2.0): a school registers a group, its district approves, the city
 * files it; the public verifies it without a token; the registry's event feed carries the filing;
 * the bound key task shows it. Every call goes through the gateway.
 */
@ExtendWith(SuiteExtension.class)
class RegistrationFilingIT {
  /** Task 6 of the plan's list, bound to the registry's filing statistics per district. */
  private static final String TASK_TEXT = "完成全市中小学校集团化办学（合作办学）登记备案";

  private static final String DISTRICT = "370102";
  private static final String MEMBER = Uscc.complete("12370102MB0E2EA02");

  private final SystemUnderTest suite;
  private final Http http;

  RegistrationFilingIT(SystemUnderTest suite) {
    this.suite = suite;
    this.http = suite.http;
  }

  @Test
  void schoolRegistersDistrictApprovesCityFilesAndEveryoneSeesIt() {
    String reporter = suite.tokens.client(GOV_DATA_EXCHANGE);
    String school = suite.tokens.user(SCHOOL_370102);
    String reviewer = suite.tokens.user(TestUsers.reviewer(DISTRICT));
    String otherReviewer = suite.tokens.user(TestUsers.reviewer("370103"));
    String city = suite.tokens.user(CITY_ADMIN);

    // The directory: another government system adds both schools (the lead is the test user's).
    addSchool(reporter, SCHOOL_370102_USCC, "济南市历下区系统测试小学");
    addSchool(reporter, MEMBER, "济南市历下区系统测试第二小学");

    // The school drafts; a retry with the same Idempotency-Key returns the same registration.
    Map<String, Object> draft =
        Map.ofEntries(
            Map.entry("mode", "GROUP"),
            Map.entry("name", "历下区系统测试小学教育集团"),
            Map.entry("leadSchool", SCHOOL_370102_USCC),
            Map.entry("memberSchools", List.of(MEMBER)),
            Map.entry("partners", List.of(Map.of("name", "山东师范大学", "role", "学术指导"))),
            Map.entry("termStart", "2027-09-01"),
            Map.entry("termEnd", "2030-08-31"),
            Map.entry("contentAreas", List.of("TEACHERS", "CURRICULUM", "TEACHING_RESEARCH")),
            Map.entry("contentText", "统一教研、集体备课，干部教师交流轮岗"),
            Map.entry("contactName", "张老师"),
            Map.entry("contactPhone", "0531-86012345"));
    String key = "e2e-" + UUID.randomUUID();
    Reply created =
        http.post(suite.gateway("/registry/api/v1/registrations"))
            .bearer(school)
            .header("Idempotency-Key", key)
            .json(draft)
            .expect(201);
    long id = created.json().path("id").asLong();
    assertEquals("DRAFT", created.json().path("state").asText(), created::toString);
    Reply replay =
        http.post(suite.gateway("/registry/api/v1/registrations"))
            .bearer(school)
            .header("Idempotency-Key", key)
            .json(draft)
            .send();
    assertTrue(replay.status() == 200 || replay.status() == 201, replay::toString);
    assertEquals(id, replay.json().path("id").asLong(), replay::toString);
    assertEquals("true", replay.header("Idempotent-Replayed"), replay::toString);

    Reply submitted =
        http.post(registration(id, "/transitions/submit"))
            .bearer(school)
            .ifMatch(created.etag())
            .json("{}")
            .expect(200);
    assertEquals("SUBMITTED", submitted.json().path("state").asText(), submitted::toString);

    // Another district's reviewer may not decide on a registration of 370102.
    http.post(registration(id, "/transitions/approve"))
        .bearer(otherReviewer)
        .ifMatch(submitted.etag())
        .json(Map.of("comment", "越权审核"))
        .send()
        .expectProblem(403, "forbidden");

    Reply seen = http.get(registration(id, "")).bearer(reviewer).expect(200);
    assertTrue(contains(seen.json().path("allowedActions"), "approve"), seen::toString);
    Reply approved =
        http.post(registration(id, "/transitions/approve"))
            .bearer(reviewer)
            .ifMatch(seen.etag())
            .json(Map.of("comment", "材料齐全，同意"))
            .expect(200);
    assertEquals("DISTRICT_APPROVED", approved.json().path("state").asText(), approved::toString);

    // Before the filing, the key task counts the registration as expected but not filed.
    long taskId = taskId();
    JsonNode before = unitFigure(taskId, DISTRICT);
    assertFalse(before.path("figure").path("met").asBoolean(), before::toString);
    assertEquals(0, before.path("figure").path("currentValue").asInt(), before::toString);
    assertEquals(1, before.path("figure").path("requiredValue").asInt(), before::toString);
    assertFalse("COMPLETED".equals(before.path("state").asText()), before::toString);

    Reply filed =
        http.post(registration(id, "/transitions/file"))
            .bearer(city)
            .ifMatch(http.get(registration(id, "")).bearer(city).expect(200).etag())
            .json(Map.of("comment", "予以备案"))
            .expect(200);
    JsonNode f = filed.json();
    assertEquals("FILED", f.path("state").asText(), filed::toString);
    String filingNumber = f.path("filingNumber").asText();
    String filingAscii = f.path("filingNumberAscii").asText();
    assertTrue(filingNumber.matches("济教集备〔\\d{4}〕\\d{4}号"), filed::toString);
    assertTrue(filingAscii.matches("JJJB-\\d{4}-\\d{4}"), filed::toString);

    // Anyone can verify it, without a token: by either form of the filing number, by school.
    for (String number : List.of(filingAscii, filingNumber)) {
      JsonNode items = publicSearch("filingNumber", number);
      assertEquals(1, items.size(), items::toString);
      assertEquals(filingNumber, items.get(0).path("filingNumber").asText());
      assertEquals(SCHOOL_370102_USCC, items.get(0).path("leadSchool").path("uscc").asText());
      assertFalse(items.get(0).has("contactPhone"), "contact data is not public: " + items);
    }
    for (String uscc : List.of(SCHOOL_370102_USCC, MEMBER)) {
      JsonNode items = publicSearch("school", uscc);
      assertEquals(1, items.size(), items::toString);
      assertEquals(filingAscii, items.get(0).path("filingNumberAscii").asText(), items::toString);
      assertTrue(
          List.of("FILED", "ACTIVE").contains(items.get(0).path("state").asText()),
          items::toString);
    }

    // Other systems learn of the filing from the event feed, as a CloudEvent.
    JsonNode event = filingEvent(reporter, id);
    assertEquals("1.0", event.path("specversion").asText(), event::toString);
    assertEquals("/jinan-edu/registry-service", event.path("source").asText(), event::toString);
    assertNotNull(UUID.fromString(event.path("id").asText()));
    assertTrue(event.path("time").asText().endsWith("Z"), event::toString);
    assertEquals("application/json", event.path("datacontenttype").asText(), event::toString);
    assertEquals(filingNumber, event.path("data").path("filingNumber").asText(), event::toString);

    // The key task now shows the district's registrations all filed.
    JsonNode after = unitFigure(taskId, DISTRICT);
    assertTrue(after.path("figure").path("met").asBoolean(), after::toString);
    assertEquals(1, after.path("figure").path("currentValue").asInt(), after::toString);
    assertEquals(1, after.path("figure").path("requiredValue").asInt(), after::toString);
    assertFalse(after.path("figure").path("stale").asBoolean(), after::toString);
    assertEquals("COMPLETED", after.path("state").asText(), after::toString);

    // Who did what, in order, for the auditor.
    JsonNode trail =
        http.get(registration(id, "/audit"))
            .bearer(suite.tokens.user(AUDITOR))
            .expect(200)
            .json()
            .path("items");
    List<String> states = new ArrayList<>();
    trail.forEach(e -> states.add(e.path("toState").asText()));
    assertEquals(
        List.of("DRAFT", "SUBMITTED", "DISTRICT_APPROVED", "FILED"), states, trail::toString);
  }

  private void addSchool(String token, String uscc, String name) {
    http.post(suite.gateway("/registry/api/v1/schools"))
        .bearer(token)
        .json(
            Map.of(
                "uscc",
                uscc,
                "nameZh",
                name,
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

  private String registration(long id, String suffix) {
    return suite.gateway("/registry/api/v1/registrations/" + id + suffix);
  }

  private JsonNode publicSearch(String parameter, String value) {
    return http.get(
            suite.gateway(
                "/registry/api/v1/public/registrations?"
                    + parameter
                    + "="
                    + URLEncoder.encode(value, StandardCharsets.UTF_8)))
        .expect(200)
        .json()
        .path("items");
  }

  /** Reads the feed from the start, page by page, as the integration guide shows. */
  private JsonNode filingEvent(String token, long id) {
    String after = "0";
    while (true) {
      JsonNode page =
          http.get(suite.gateway("/registry/api/v1/events?limit=200&after=" + after))
              .bearer(token)
              .expect(200)
              .json();
      for (JsonNode e : page.path("items")) {
        if (e.path("subject").asText().equals("registrations/" + id)
            && e.path("type").asText().equals("cn.jinan.edu.registry.registration.filed")) {
          return e;
        }
        after = e.path("sequence").asText();
      }
      if (page.path("nextCursor").isNull() || page.path("items").isEmpty()) {
        throw new AssertionError("no filing event for registration " + id + " in the feed");
      }
    }
  }

  private long taskId() {
    JsonNode tasks = http.get(suite.gateway("/milestone/api/v1/tasks")).expect(200).json();
    List<JsonNode> matching =
        StreamSupport.stream(tasks.spliterator(), false)
            .filter(t -> t.path("textZh").asText().contains(TASK_TEXT))
            .toList();
    assertEquals(1, matching.size(), "tasks naming " + TASK_TEXT + ": " + matching);
    return matching.get(0).path("id").asLong();
  }

  /** The task's derived state for one responsible unit (public, through the gateway). */
  private JsonNode unitFigure(long taskId, String unit) {
    JsonNode status =
        http.get(suite.gateway("/milestone/api/v1/tasks/" + taskId + "/status")).expect(200).json();
    assertEquals(
        "REGISTRY_FILING", status.path("binding").path("source").asText(), status::toString);
    for (JsonNode u : status.path("units")) {
      if (u.path("unitCode").asText().equals(unit)) {
        return u;
      }
    }
    throw new AssertionError("no unit " + unit + " in " + status);
  }

  private static boolean contains(JsonNode array, String value) {
    return StreamSupport.stream(array.spliterator(), false).anyMatch(n -> n.asText().equals(value));
  }
}
