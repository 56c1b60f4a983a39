package cn.jinan.edu.registry;

import static cn.jinan.edu.registry.Fixtures.draft;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinan.edu.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Concurrency is handled by row locks, versions and a counter row, not by luck. */
@QuarkusTest
class ConcurrencyTests {

  private static <T> List<T> concurrently(List<Callable<T>> calls) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(32);
    try {
      List<Future<T>> futures = pool.invokeAll(calls);
      List<T> out = new ArrayList<>();
      for (Future<T> f : futures) {
        out.add(f.get());
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void fiftyConcurrentApprovalsExactlyOneSucceeds() throws Exception {
    Fixtures.Draft d = draft("GROUP", "370114");
    Fixtures.act(d.id(), "submit", d.applicant(), null).then().statusCode(200);
    String etag = Fixtures.etag(d.id());
    String token = TestTokens.districtReviewer("370114");
    List<Callable<Integer>> calls = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      calls.add(
          () ->
              given()
                  .auth()
                  .oauth2(token)
                  .contentType(ContentType.JSON)
                  .header("If-Match", etag)
                  .body(Map.of())
                  .post("/api/v1/registrations/" + d.id() + "/transitions/approve")
                  .statusCode());
    }
    List<Integer> statuses = concurrently(calls);
    assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
    assertTrue(
        statuses.stream().allMatch(s -> s == 200 || s == 412 || s == 409), statuses.toString());
    List<String> actions =
        given()
            .auth()
            .oauth2(TestTokens.auditor())
            .get("/api/v1/registrations/" + d.id() + "/audit")
            .then()
            .extract()
            .jsonPath()
            .getList("items.action");
    assertEquals(List.of("create", "submit", "approve"), actions);
  }

  @Test
  void twoHundredConcurrentFilingsGetConsecutiveNumbers() throws Exception {
    List<Fixtures.Draft> drafts = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      Fixtures.Draft d = draft("COOPERATION", "370115");
      Fixtures.act(d.id(), "submit", d.applicant(), null).then().statusCode(200);
      Fixtures.act(d.id(), "approve", TestTokens.districtReviewer("370115"), null)
          .then()
          .statusCode(200);
      drafts.add(d);
    }
    String city = TestTokens.cityAdmin();
    List<Callable<Response>> calls = new ArrayList<>();
    for (Fixtures.Draft d : drafts) {
      String etag = Fixtures.etag(d.id());
      calls.add(
          () ->
              given()
                  .auth()
                  .oauth2(city)
                  .contentType(ContentType.JSON)
                  .header("If-Match", etag)
                  .body(Map.of())
                  .post("/api/v1/registrations/" + d.id() + "/transitions/file"));
    }
    List<Response> responses = concurrently(calls);
    TreeSet<Integer> numbers = new TreeSet<>();
    Pattern p = Pattern.compile("济教集备〔\\d{4}〕(\\d{4})号");
    for (Response r : responses) {
      assertEquals(200, r.statusCode(), r.asString());
      Matcher m = p.matcher(r.jsonPath().getString("filingNumber"));
      assertTrue(m.matches());
      numbers.add(Integer.parseInt(m.group(1)));
    }
    assertEquals(200, numbers.size(), "distinct");
    assertEquals(199, numbers.last() - numbers.first(), "consecutive, no gaps: " + numbers);
  }
}
