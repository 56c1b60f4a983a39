package cn.jinan.edu.platform.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Whether this replica takes a scheduled job's turn, decided in the caller's transaction on its
 * connection: the job's transaction-scoped advisory lock (one runner at a time; released at commit
 * or when the connection dies) and its row in platform_job_run (one run per period: a turn is taken
 * only when the last one started at least nine tenths of a period ago, so clock jitter between the
 * replicas' timers does not skip a period).
 */
public final class JobClaim {
  private JobClaim() {}

  private static final String CLAIM =
      "INSERT INTO platform_job_run (job, last_started, runner) VALUES (?, now(), ?)"
          + " ON CONFLICT (job) DO UPDATE SET last_started = now(), runner = EXCLUDED.runner"
          + " WHERE platform_job_run.last_started <= now() - make_interval(secs => ?)";

  /** Takes the turn of {@code job} for {@code runner}; false when another replica has it. */
  public static boolean take(Connection conn, String job, Duration period, String runner)
      throws SQLException {
    try (PreparedStatement lock =
        conn.prepareStatement("SELECT pg_try_advisory_xact_lock(hashtext(?))")) {
      lock.setString(1, "platform-job:" + job);
      try (ResultSet rs = lock.executeQuery()) {
        if (!rs.next() || !rs.getBoolean(1)) {
          return false;
        }
      }
    }
    try (PreparedStatement claim = conn.prepareStatement(CLAIM)) {
      claim.setString(1, job);
      claim.setString(2, runner);
      claim.setDouble(3, period.toMillis() * 0.9 / 1000.0);
      return claim.executeUpdate() == 1;
    }
  }
}
