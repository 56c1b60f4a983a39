package cn.jinan.edu.faulttests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinan.edu.faulttests.support.DelayingProxy;
import cn.jinan.edu.faulttests.support.FaultSuite;
import cn.jinan.edu.faulttests.support.FaultSuiteExtension;
import cn.jinan.edu.faulttests.support.Http;
import cn.jinan.edu.faulttests.support.Http.Answer;
import cn.jinan.edu.faulttests.support.Usccs;
import cn.jinan.edu.platform.testing.TestTokens;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A client that gives up on POST /api/v1/registrations and sends it again with the same
 * Idempotency-Key ends up with one registration, whether the lost answer had already been given
 * (the network lost it) or the server was still working on it (the database was slow).
 */
@ExtendWith(FaultSuiteExtension.class)
class IdempotentRetryIT {
  /** The client's patience on the first attempt; the answer comes later than that. */
  private static final Duration SHORT = Duration.ofSeconds(1);

  private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(10);

  private final Http http = new Http();
  private String lead;
  private String member;
  private String applicantToken;

  @BeforeEach
  void twoSchoolsAndTheLeadSchoolsUser(FaultSuite suite) {
    lead = createSchool(suite);
    member = createSchool(suite);
    // One user, one token: keys belong to the caller (subject within client).
    applicantToken =
        TestTokens.as("school-applicant")
            .school(lead)
            .subject("fault-tests-applicant-" + lead)
            .sign();
  }

  @Test
  void retryAfterTheAnswerWasLostReplaysTheFirstResponse(FaultSuite suite) throws Exception {
    String name = "故障测试教育集团（应答丢失）" + lead;
    String key = "fault-" + UUID.randomUUID();
    try (DelayingProxy proxy = new DelayingProxy(suite.registry.port, 3000)) {
      Answer first = http.send(post(proxy.baseUrl(), name, key, SHORT));
      assertTrue(
          first.error() instanceof HttpTimeoutException,
          () -> "the first attempt should time out at the client: " + first.describe());
      // The server did answer; only the client never saw it.
      DelayingProxy.Exchange lost = proxy.exchanges().get(0);
      awaitAnswer(lost);
      String lostHead = lost.responseHead();
      assertTrue(lostHead.startsWith("HTTP/1.1 201"), () -> "the lost answer: " + lostHead);

      proxy.responseDelay(0);
      Answer retry = http.send(post(proxy.baseUrl(), name, key, CLIENT_TIMEOUT));
      assertEquals(201, retry.status(), retry::describe);
      assertEquals("true", retry.header("Idempotent-Replayed").orElse(null), retry::describe);
      long id = retry.json().path("id").asLong();
      assertTrue(
          lostHead.contains("/api/v1/registrations/" + id + "\r\n")
              || lostHead.endsWith("/api/v1/registrations/" + id),
          () -> "the replay names registration " + id + ", the lost answer: " + lostHead);

      assertEquals(List.of(id), registrationsNamed(suite, name), "exactly one registration");
      System.out.printf(
          "IdempotentRetryIT: first attempt gave up after %d ms (answer held by the proxy),"
              + " retry answered 201 replayed with id %d in %d ms; 1 row%n",
          first.millis(), id, retry.millis());
    }
  }

  @Test
  void retryWhileTheFirstAttemptIsStillRunningCreatesNoSecondRecord(FaultSuite suite)
      throws Exception {
    String name = "故障测试教育集团（处理未完）" + lead;
    String key = "fault-" + UUID.randomUUID();
    String base = suite.registry.baseUrl();
    Answer first;
    CompletableFuture<Answer> retry;
    // Hold the lead school's row: the insert that refers to it waits, as it would behind a slow
    // transaction, so the server is still busy with the first attempt when the client retries.
    try (Connection lock = suite.postgres.connect("registry")) {
      lock.setAutoCommit(false);
      try (PreparedStatement q =
          lock.prepareStatement("SELECT id FROM school WHERE uscc = ? FOR UPDATE")) {
        q.setString(1, lead);
        q.executeQuery().close();
      }
      first = http.send(post(base, name, key, SHORT));
      assertTrue(
          first.error() instanceof HttpTimeoutException,
          () -> "the first attempt should time out at the client: " + first.describe());
      awaitWaitingOnLock(suite, 1, null);
      retry = CompletableFuture.supplyAsync(() -> http.send(post(base, name, key, CLIENT_TIMEOUT)));
      // Release once the retry is stuck behind the same lock too (or has answered already).
      awaitWaitingOnLock(suite, 2, retry);
      lock.rollback();
    }
    Answer second = retry.get();
    assertTrue(second.answered(), second::describe);
    assertTrue(
        second.status() == 201 || second.status() == 409,
        () -> "a retry racing the first attempt: 201 or 409, got " + second.describe());
    if (second.status() == 409) {
      assertTrue(second.isProblem(), second::describe);
    }

    // Once the first attempt is done, the same retry gets its answer.
    Answer third = http.send(post(base, name, key, CLIENT_TIMEOUT));
    assertEquals(201, third.status(), third::describe);
    assertEquals("true", third.header("Idempotent-Replayed").orElse(null), third::describe);
    long id = third.json().path("id").asLong();
    if (second.status() == 201) {
      assertEquals(id, second.json().path("id").asLong(), "the racing retry's id");
    }
    assertEquals(List.of(id), registrationsNamed(suite, name), "exactly one registration");
    System.out.printf(
        "IdempotentRetryIT: first attempt gave up after %d ms (server blocked), racing retry"
            + " answered %s; next retry 201 replayed id %d; 1 row%n",
        first.millis(), second.describe(), id);
  }

  private HttpRequest post(String base, String name, String key, Duration timeout) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("mode", "GROUP");
    body.put("name", name);
    body.put("leadSchool", lead);
    body.put("memberSchools", List.of(member));
    body.put("partners", List.of(Map.of("name", "山东师范大学", "role", "学术指导")));
    body.put("termStart", "2026-09-01");
    body.put("termEnd", "2029-08-31");
    body.put("contentAreas", List.of("TEACHERS", "CURRICULUM"));
    body.put("contentText", "统一教研、集体备课");
    body.put("contactName", "张老师");
    body.put("contactPhone", "0531-86012345");
    return Http.request(base + "/api/v1/registrations", applicantToken, timeout)
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", key)
        .POST(Http.json(body))
        .build();
  }

  private String createSchool(FaultSuite suite) {
    String uscc = Usccs.next();
    Answer a =
        http.send(
            Http.request(
                    suite.registry.baseUrl() + "/api/v1/schools",
                    TestTokens.cityAdmin(),
                    CLIENT_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(Http.json(DatabaseOutageIT.school(uscc)))
                .build());
    assertEquals(201, a.status(), a::describe);
    return uscc;
  }

  private static List<Long> registrationsNamed(FaultSuite suite, String name) throws Exception {
    List<Long> ids = new ArrayList<>();
    try (Connection c = suite.postgres.connect("registry");
        PreparedStatement q = c.prepareStatement("SELECT id FROM registration WHERE name = ?")) {
      q.setString(1, name);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
    }
    return ids;
  }

  private static void awaitAnswer(DelayingProxy.Exchange exchange) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (exchange.firstResponseByteNanos() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertTrue(exchange.firstResponseByteNanos() != 0, "registry-service never answered");
  }

  /**
   * Until {@code n} of the service's statements wait for a lock, or {@code done} has completed
   * (then nothing is stuck any more).
   */
  private static void awaitWaitingOnLock(FaultSuite suite, int n, CompletableFuture<?> done)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    int waiting = 0;
    try (Connection c = suite.postgres.connect("postgres");
        PreparedStatement q =
            c.prepareStatement(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = 'registry'"
                    + " AND wait_event_type = 'Lock'")) {
      while (System.nanoTime() < deadline) {
        try (ResultSet rs = q.executeQuery()) {
          rs.next();
          waiting = rs.getInt(1);
        }
        if (waiting >= n || (done != null && done.isDone())) {
          return;
        }
        Thread.sleep(50);
      }
    }
    throw new AssertionError(n + " statements should wait on the lock, " + waiting + " do");
  }
}
