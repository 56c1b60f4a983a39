package cn.jinan.edu.faulttests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinan.edu.faulttests.support.FaultSuite;
import cn.jinan.edu.faulttests.support.FaultSuiteExtension;
import cn.jinan.edu.faulttests.support.Http;
import cn.jinan.edu.faulttests.support.Http.Answer;
import cn.jinan.edu.faulttests.support.Usccs;
import cn.jinan.edu.platform.testing.TestTokens;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * PostgreSQL stops for 10 s while writers keep creating schools in registry-service: the service
 * must answer quickly with 503 problem+json instead of hanging, take writes again within 5 s of the
 * database's return, and every write it acknowledged must be in the database — whole.
 */
@ExtendWith(FaultSuiteExtension.class)
class DatabaseOutageIT {
  private static final int WRITERS = 3;
  private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration BEFORE = Duration.ofSeconds(3);
  private static final Duration OUTAGE = Duration.ofSeconds(10);
  private static final Duration AFTER = Duration.ofSeconds(6);

  /** An answer while the database is gone may take the pool's acquisition timeout, not more. */
  private static final long OUTAGE_ANSWER_LIMIT_MS = 3000;

  private static final long RECOVERY_LIMIT_MS = 5000;

  /** One POST /api/v1/schools and what came of it. */
  record Write(String uscc, Answer answer) {}

  @Test
  void postgresStoppedForTenSecondsUnderWriteLoad(FaultSuite suite) throws Exception {
    Http http = new Http();
    String token = TestTokens.cityAdmin();
    String schools = suite.registry.baseUrl() + "/api/v1/schools";
    String ready = suite.registry.managementUrl() + "/q/health/ready";
    assertEquals(200, http.send(get(ready)).status(), "registry-service is ready at the start");

    ConcurrentLinkedQueue<Write> writes = new ConcurrentLinkedQueue<>();
    AtomicBoolean stop = new AtomicBoolean();
    List<Thread> writers = new ArrayList<>();
    for (int i = 0; i < WRITERS; i++) {
      Thread t =
          new Thread(
              () -> {
                while (!stop.get()) {
                  String uscc = Usccs.next();
                  HttpRequest post =
                      Http.request(schools, token, CLIENT_TIMEOUT)
                          .header("Content-Type", "application/json")
                          .POST(Http.json(school(uscc)))
                          .build();
                  writes.add(new Write(uscc, http.send(post)));
                  pause(20); // a steady load, not a benchmark
                }
              },
              "writer-" + i);
      t.start();
      writers.add(t);
    }

    List<Answer> healthDuring = new ArrayList<>();
    long stoppedAt;
    long backAt;
    try {
      Thread.sleep(BEFORE.toMillis());
      stoppedAt = System.nanoTime();
      suite.postgres.stopImmediately();
      // Readiness while the database is gone, polled for the outage's length.
      while (System.nanoTime() - stoppedAt < OUTAGE.toNanos() - 1_000_000_000L) {
        healthDuring.add(http.send(get(ready)));
        pause(500);
      }
      pause((OUTAGE.toNanos() - (System.nanoTime() - stoppedAt)) / 1_000_000);
      suite.postgres.start(); // returns once PostgreSQL accepts connections
      backAt = System.nanoTime();
      Thread.sleep(AFTER.toMillis());
    } finally {
      stop.set(true);
      for (Thread t : writers) {
        t.join(CLIENT_TIMEOUT.toMillis() + 5000);
      }
      if (!suite.postgres.running()) {
        suite.postgres.start();
      }
    }
    Answer healthAfter = http.send(get(ready));

    List<Write> all = new ArrayList<>(writes);
    List<Write> before = new ArrayList<>();
    List<Write> during = new ArrayList<>();
    List<Write> after = new ArrayList<>();
    for (Write w : all) {
      if (w.answer.endNanos() <= stoppedAt) {
        before.add(w);
      } else if (w.answer.startNanos() < backAt) {
        during.add(w); // overlaps the outage
      } else {
        after.add(w);
      }
    }
    // Recovery: from PostgreSQL accepting connections to the first write acknowledged after it.
    long recoveryMs =
        all.stream()
            .filter(w -> w.answer.ok() && w.answer.endNanos() > backAt)
            .mapToLong(w -> (w.answer.endNanos() - backAt) / 1_000_000)
            .min()
            .orElse(-1);
    long maxOutageMs = during.stream().mapToLong(w -> w.answer.millis()).max().orElse(0);
    Map<Integer, Integer> duringByStatus = byStatus(during.stream().map(Write::answer).toList());
    System.out.printf(
        "DatabaseOutageIT: %d writes (%d before, %d overlapping the 10 s outage, %d after);"
            + " during the outage %s, slowest answer %d ms; first 2xx %d ms after PostgreSQL"
            + " accepted connections; readiness during %s, after %d%n",
        all.size(),
        before.size(),
        during.size(),
        after.size(),
        duringByStatus,
        maxOutageMs,
        recoveryMs,
        byStatus(healthDuring),
        healthAfter.status());

    // No request hangs, no connection is reset: every write gets an answer.
    for (Write w : all) {
      assertTrue(w.answer.answered(), () -> "write " + w.uscc + ": " + w.answer.describe());
    }
    assertTrue(before.size() >= WRITERS, "writes before the outage: " + before.size());
    for (Write w : before) {
      assertEquals(201, w.answer.status(), () -> "before the outage: " + w.answer.describe());
    }

    // During the outage: 503 problem+json within the bound (or the 2xx of a write that had
    // committed just before the stop, or got a fresh connection just after the start).
    assertTrue(
        during.stream().anyMatch(w -> w.answer.status() == 503),
        "no 503 during the outage: " + duringByStatus);
    for (Write w : during) {
      if (w.answer.ok()) {
        continue;
      }
      assertEquals(503, w.answer.status(), () -> "during the outage: " + w.answer.describe());
      assertTrue(w.answer.isProblem(), () -> "not problem+json: " + w.answer.describe());
      assertEquals(
          503,
          w.answer.json().path("status").asInt(),
          () -> "problem status: " + w.answer.describe());
      assertTrue(
          w.answer.millis() <= OUTAGE_ANSWER_LIMIT_MS,
          () -> "slower than " + OUTAGE_ANSWER_LIMIT_MS + " ms: " + w.answer.describe());
    }

    // Readiness reports the outage (503 DOWN) and the recovery (200 UP).
    assertTrue(
        healthDuring.stream()
            .anyMatch(a -> a.status() == 503 && a.body() != null && a.body().contains("DOWN")),
        () -> "readiness never said DOWN: " + healthDuring.stream().map(Answer::describe).toList());
    for (Answer a : healthDuring) {
      assertTrue(a.answered(), () -> "readiness hung: " + a.describe());
    }
    assertEquals(200, healthAfter.status(), () -> "readiness after: " + healthAfter.describe());
    assertEquals("UP", healthAfter.json().path("status").asText(), healthAfter::describe);

    // Recovery: a write succeeds within 5 s, and from then on every write succeeds.
    assertTrue(
        recoveryMs >= 0 && recoveryMs <= RECOVERY_LIMIT_MS,
        () -> "first 2xx after PostgreSQL returned: " + recoveryMs + " ms");
    for (Write w : after) {
      if (w.answer.startNanos() - backAt >= RECOVERY_LIMIT_MS * 1_000_000L) {
        assertEquals(201, w.answer.status(), () -> "after recovery: " + w.answer.describe());
      }
    }

    // Count and compare: every acknowledged write is stored, whole (the school with its audit
    // entry); nothing is stored that was not sent.
    Map<String, Integer> stored = storedSchools(suite);
    Set<String> sent = new HashSet<>();
    Set<String> acknowledged = new HashSet<>();
    for (Write w : all) {
      sent.add(w.uscc);
      if (w.answer.ok()) {
        acknowledged.add(w.uscc);
      }
    }
    List<String> lost = acknowledged.stream().filter(u -> !stored.containsKey(u)).toList();
    assertTrue(lost.isEmpty(), () -> lost.size() + " acknowledged writes are missing: " + lost);
    List<String> unknown = stored.keySet().stream().filter(u -> !sent.contains(u)).toList();
    assertTrue(unknown.isEmpty(), () -> "rows nobody sent: " + unknown);
    Map<String, Integer> halfWritten = new TreeMap<>();
    stored.forEach(
        (uscc, auditEntries) -> {
          if (auditEntries != 1) {
            halfWritten.put(uscc, auditEntries);
          }
        });
    assertTrue(
        halfWritten.isEmpty(), () -> "schools without exactly one audit entry: " + halfWritten);
    // A write answered with an error may still be stored only if it was in flight when the
    // database went away (committed, but the acknowledgement was lost); one that started after the
    // stop and was refused must never show up later.
    Map<String, Write> byUscc = new HashMap<>();
    all.forEach(w -> byUscc.put(w.uscc, w));
    List<String> storedAfterFailure =
        stored.keySet().stream().filter(u -> !acknowledged.contains(u)).sorted().toList();
    System.out.printf(
        "DatabaseOutageIT: %d acknowledged writes, %d stored (%d of them answered with an"
            + " error)%n",
        acknowledged.size(), stored.size(), storedAfterFailure.size());
    for (String uscc : storedAfterFailure) {
      Write w = byUscc.get(uscc);
      assertTrue(
          w.answer.startNanos() < stoppedAt,
          () -> "refused during the outage, stored anyway: " + uscc + " " + w.answer.describe());
    }
  }

  /** USCC → number of its "create" audit entries, for every school this run wrote. */
  private static Map<String, Integer> storedSchools(FaultSuite suite) throws Exception {
    Map<String, Integer> stored = new HashMap<>();
    try (Connection c = suite.postgres.connect("registry");
        PreparedStatement q =
            c.prepareStatement(
                "SELECT s.uscc, (SELECT count(*) FROM audit_entry a WHERE a.entity_type = 'school'"
                    + " AND a.entity_id = s.uscc AND a.action = 'create')"
                    + " FROM school s WHERE s.uscc LIKE ?")) {
      q.setString(1, Usccs.prefix() + "%");
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          stored.put(rs.getString(1), rs.getInt(2));
        }
      }
    }
    return stored;
  }

  private static Map<Integer, Integer> byStatus(List<Answer> answers) {
    Map<Integer, Integer> counts = new TreeMap<>();
    answers.forEach(a -> counts.merge(a.status(), 1, Integer::sum));
    return counts;
  }

  static Map<String, Object> school(String uscc) {
    return Map.of(
        "uscc",
        uscc,
        "nameZh",
        "故障测试学校" + uscc.substring(9, 17),
        "districtCode",
        "370102",
        "stages",
        List.of("PRIMARY"),
        "ownership",
        "PUBLIC",
        "locationType",
        "URBAN",
        "townshipSeat",
        false,
        "status",
        "OPEN");
  }

  private static HttpRequest get(String url) {
    return Http.request(url, null, CLIENT_TIMEOUT).GET().build();
  }

  private static void pause(long millis) {
    if (millis <= 0) {
      return;
    }
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
