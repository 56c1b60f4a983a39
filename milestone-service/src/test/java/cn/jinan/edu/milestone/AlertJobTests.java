package cn.jinan.edu.milestone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinan.edu.milestone.service.AlertJob;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The scheduled deadline job: each (task, unit, kind) is announced once, whoever runs it. */
@QuarkusTest
class AlertJobTests {
  @Inject AlertJob job;

  @Test
  void dueSoonThenOverdueAreAnnouncedOnceEvenWithConcurrentRuns() throws Exception {
    String plan = Fixtures.plan("2025-06-13");
    long task = Fixtures.task(plan, 1, 2025, "2025-10-31", List.of(1), List.of("370105"));
    String subject = "tasks/" + task + "/units/370105";

    // Two "replicas" at once, then again.
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Callable<Integer> run =
          () -> job.runAt(OffsetDateTime.parse("2025-10-15T09:00:00+08:00").toInstant());
      List<Future<Integer>> runs = pool.invokeAll(List.of(run, run));
      for (Future<Integer> f : runs) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    job.runAt(OffsetDateTime.parse("2025-10-16T09:00:00+08:00").toInstant());

    List<Map<String, Object>> events = Fixtures.events(subject);
    assertEquals(
        List.of("cn.jinan.edu.milestone.task.due-soon"),
        events.stream().map(e -> e.get("type")).toList());
    @SuppressWarnings("unchecked")
    Map<String, Object> data = (Map<String, Object>) events.get(0).get("data");
    assertEquals("2025-10-31", data.get("deadline"));
    assertEquals("370105", data.get("unitCode"));

    job.runAt(OffsetDateTime.parse("2025-11-01T00:00:00+08:00").toInstant());
    job.runAt(OffsetDateTime.parse("2025-11-02T00:00:00+08:00").toInstant());
    events = Fixtures.events(subject);
    assertEquals(
        List.of("cn.jinan.edu.milestone.task.due-soon", "cn.jinan.edu.milestone.task.overdue"),
        events.stream().map(e -> e.get("type")).toList());
    assertTrue(((String) events.get(1).get("id")).length() > 0);
  }
}
