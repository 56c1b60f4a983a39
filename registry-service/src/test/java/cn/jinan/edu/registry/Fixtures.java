package cn.jinan.edu.registry;

import static io.restassured.RestAssured.given;

import cn.jinan.edu.platform.ids.Uscc;
import cn.jinan.edu.platform.testing.EventFeeds;
import cn.jinan.edu.platform.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** Test data made through the API, unique per call so tests never share records. */
final class Fixtures {
  private static final AtomicInteger SEQ = new AtomicInteger();
  // A random block per JVM keeps USCCs unique even against leftovers of an earlier run.
  private static final int RUN = ThreadLocalRandom.current().nextInt(1000, 9999);

  private Fixtures() {}

  /** A fresh valid USCC for a public school (事业单位, prefix 12) in the district. */
  static String uscc(String district) {
    String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    long v = (long) RUN * 1_000_000L + SEQ.incrementAndGet();
    StringBuilder tail = new StringBuilder();
    for (int i = 0; i < 7; i++) {
      tail.insert(0, alphabet.charAt((int) (v % 31)));
      v /= 31;
    }
    String first17 = "12" + district + "MB" + tail;
    return Uscc.complete(first17);
  }

  static Map<String, Object> schoolBody(String uscc, String district, String name) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("uscc", uscc);
    m.put("nameZh", name);
    m.put("districtCode", district);
    m.put("stages", List.of("PRIMARY"));
    m.put("ownership", "PUBLIC");
    m.put("locationType", "URBAN");
    m.put("townshipSeat", false);
    m.put("status", "OPEN");
    return m;
  }

  /** Creates a school as city-admin and returns its USCC. */
  static String school(String district) {
    String uscc = uscc(district);
    given()
        .auth()
        .oauth2(TestTokens.cityAdmin())
        .contentType(ContentType.JSON)
        .body(schoolBody(uscc, district, "测试学校" + uscc.substring(10, 17)))
        .post("/api/v1/schools")
        .then()
        .statusCode(201);
    return uscc;
  }

  static Map<String, Object> registrationBody(
      String mode, String lead, List<String> members, LocalDate start, LocalDate end) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("mode", mode);
    m.put("name", "测试教育集团" + SEQ.incrementAndGet());
    m.put("leadSchool", lead);
    m.put("memberSchools", members);
    m.put("partners", List.of(Map.of("name", "山东师范大学", "role", "学术指导")));
    m.put("termStart", start.toString());
    m.put("termEnd", end.toString());
    m.put("contentAreas", List.of("TEACHERS", "CURRICULUM"));
    m.put("contentText", "统一教研、干部教师交流轮岗");
    m.put("contactName", "张老师");
    m.put("contactPhone", "0531-86012345");
    return m;
  }

  /**
   * A draft led by a new school in {@code district} with new members in {@code memberDistricts}.
   */
  static Draft draft(String mode, String district, String... memberDistricts) {
    return draft(
        mode, LocalDate.of(2025, 9, 1), LocalDate.of(2028, 8, 31), district, memberDistricts);
  }

  static Draft draft(
      String mode, LocalDate start, LocalDate end, String district, String... memberDistricts) {
    String lead = school(district);
    List<String> members = new ArrayList<>();
    for (String d : memberDistricts.length == 0 ? new String[] {district} : memberDistricts) {
      members.add(school(d));
    }
    Response r =
        given()
            .auth()
            .oauth2(TestTokens.schoolApplicant(lead))
            .contentType(ContentType.JSON)
            .body(registrationBody(mode, lead, members, start, end))
            .post("/api/v1/registrations");
    r.then().statusCode(201);
    return new Draft(r.jsonPath().getLong("id"), lead, members, district);
  }

  record Draft(long id, String lead, List<String> members, String district) {
    String applicant() {
      return TestTokens.schoolApplicant(lead);
    }
  }

  static String etag(long id) {
    return given()
        .auth()
        .oauth2(TestTokens.cityAdmin())
        .get("/api/v1/registrations/" + id)
        .then()
        .statusCode(200)
        .extract()
        .header("ETag");
  }

  static Response act(long id, String action, String token, String comment) {
    return given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .header("If-Match", etag(id))
        .body(comment == null ? Map.of() : Map.of("comment", comment))
        .post("/api/v1/registrations/" + id + "/transitions/" + action);
  }

  /** Drives a draft to FILED: submit, approve by each involved district, file. */
  static Response toFiled(Draft d, String... involvedDistricts) {
    act(d.id(), "submit", d.applicant(), null).then().statusCode(200);
    String[] districts =
        involvedDistricts.length == 0 ? new String[] {d.district()} : involvedDistricts;
    for (String district : districts) {
      act(d.id(), "approve", TestTokens.districtReviewer(district), null).then().statusCode(200);
    }
    Response filed = act(d.id(), "file", TestTokens.cityAdmin(), null);
    filed.then().statusCode(200);
    return filed;
  }

  /** 济教集备〔2025〕0001号 → JJJB-2025-0001. */
  static String toFiledAscii(String display) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("济教集备〔(\\d{4})〕(\\d{4})号").matcher(display);
    if (!m.matches()) {
      throw new IllegalArgumentException(display);
    }
    return "JJJB-" + m.group(1) + "-" + m.group(2);
  }

  /** Every event on the feed, following nextCursor to the end. */
  static List<Map<String, Object>> allEvents() {
    return EventFeeds.read(TestTokens.auditor(), 0, 200);
  }
}
