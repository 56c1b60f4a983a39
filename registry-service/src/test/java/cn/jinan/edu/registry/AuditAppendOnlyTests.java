package cn.jinan.edu.registry;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The application's own database role cannot rewrite history. */
@QuarkusTest
class AuditAppendOnlyTests {
  @Inject AgroalDataSource dataSource;

  @Test
  void updateDeleteAndTruncateAreRefusedByTheDatabase() throws SQLException {
    Fixtures.school("370117"); // guarantees at least one audit row
    try (Connection c = dataSource.getConnection();
        Statement st = c.createStatement()) {
      for (String sql :
          new String[] {
            "UPDATE audit_entry SET actor = 'someone-else'",
            "DELETE FROM audit_entry",
            "TRUNCATE audit_entry"
          }) {
        SQLException e = assertThrows(SQLException.class, () -> st.execute(sql), sql);
        assertTrue(e.getMessage().contains("append-only"), e.getMessage());
      }
    }
  }
}
