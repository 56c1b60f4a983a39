package cn.jinan.edu.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class DatabaseErrorsTests {
  private static int status(Throwable t) {
    return DatabaseErrors.classify(t).map(ProblemException::status).orElse(500);
  }

  @Test
  void classifiesBySqlStateThroughWrappers() {
    assertEquals(409, status(new RuntimeException(new SQLException("dup", "23505"))));
    assertEquals(409, status(new SQLException("fk", "23503")));
    assertEquals(422, status(new SQLException("check", "23514")));
    assertEquals(409, status(new SQLException("serialization", "40001")));
    assertEquals(503, status(new SQLException("refused", "08001")));
    assertEquals(503, status(new SQLException("Acquisition timeout while waiting")));
    assertEquals(500, status(new SQLException("syntax", "42601")));
    // A commit that failed because the database went away: the driver's error is only attached,
    // as suppressed, to the XA error of a RollbackException.
    RuntimeException rollback = new RuntimeException("Could not commit transaction");
    Exception xa = new Exception("Error trying to transactionCommit local transaction");
    xa.initCause(new SQLException("An I/O error occurred while sending to the backend", "08006"));
    rollback.addSuppressed(xa);
    assertEquals(503, status(new RuntimeException("wrapper", rollback)));
    assertEquals(500, status(new IllegalStateException("nothing to do with SQL")));
  }

  @Test
  void unavailableCarriesRetryAfter() {
    assertTrue(
        DatabaseErrors.classify(new SQLException("x", "08006"))
            .orElseThrow()
            .headers()
            .containsKey("Retry-After"));
  }
}
