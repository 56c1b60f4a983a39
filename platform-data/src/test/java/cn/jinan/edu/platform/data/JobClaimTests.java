package cn.jinan.edu.platform.data;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two replicas (two connections, each in its own transaction) against the PostgreSQL at
 * 127.0.0.1:5432, in a schema of their own: one runner at a time, one run per period, and the other
 * replica takes over when the first stops or dies.
 */
class JobClaimTests {
  private static final String URL =
      "jdbc:postgresql://"
          + System.getenv().getOrDefault("DB_HOST", "127.0.0.1")
          + ":"
          + System.getenv().getOrDefault("DB_PORT", "5432")
          + "/postgres";
  private static final Duration PERIOD = Duration.ofSeconds(1);

  private final String schema = "job_claim_" + UUID.randomUUID().toString().replace('-', '_');
  private final String job = "test-job-" + UUID.randomUUID();
  private Connection a;
  private Connection b;

  @BeforeEach
  void twoReplicas() throws Exception {
    try (Connection admin = connect(false);
        Statement s = admin.createStatement();
        InputStream ddl =
            getClass().getResourceAsStream("/db/platform/V0_3__scheduled_job_runs.sql")) {
      s.execute("CREATE SCHEMA " + schema);
      s.execute("SET search_path TO " + schema);
      s.execute(new String(ddl.readAllBytes(), StandardCharsets.UTF_8));
    }
    a = connect(true);
    b = connect(true);
  }

  @AfterEach
  void drop() throws SQLException {
    for (Connection c : new Connection[] {a, b}) {
      if (c != null && !c.isClosed()) {
        c.close();
      }
    }
    try (Connection admin = connect(false);
        Statement s = admin.createStatement()) {
      s.execute("DROP SCHEMA " + schema + " CASCADE");
    }
  }

  @Test
  void oneRunnerAtATimeAndOneRunPerPeriod() throws Exception {
    assertTrue(JobClaim.take(a, job, PERIOD, "a"), "the first replica takes the turn");
    assertFalse(JobClaim.take(b, job, PERIOD, "b"), "the other skips while the job runs");
    b.rollback();
    a.commit(); // the run ends
    assertFalse(JobClaim.take(b, job, PERIOD, "b"), "the period's turn is taken");
    b.rollback();
    Thread.sleep(PERIOD.toMillis() + 100);
    assertTrue(JobClaim.take(b, job, PERIOD, "b"), "the next period goes to whoever asks first");
    b.commit();
    assertFalse(JobClaim.take(a, job, PERIOD, "a"));
    a.rollback();
  }

  @Test
  void whenTheRunnerDiesTheOtherReplicaTakesOverAtOnce() throws Exception {
    assertTrue(JobClaim.take(a, job, PERIOD, "a"));
    a.close(); // the pod is killed mid-run: its lock and its claim go with the connection
    assertTrue(JobClaim.take(b, job, PERIOD, "b"));
    b.commit();
  }

  private Connection connect(boolean replica) throws SQLException {
    Connection c =
        DriverManager.getConnection(
            URL,
            System.getenv().getOrDefault("DB_USER", "postgres"),
            System.getenv().getOrDefault("DB_PASSWORD", ""));
    if (replica) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("SET search_path TO " + schema);
      }
      c.commit();
    }
    return c;
  }
}
