package cn.jinan.edu.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Points a service's tests at its own database on the real PostgreSQL (no Docker here, so no Dev
 * Services) and creates that database when it is missing. Connection settings come from the same
 * environment variables the services read: DB_HOST, DB_PORT, DB_USER, DB_PASSWORD.
 */
public class PostgresTestDatabase implements QuarkusTestResourceLifecycleManager {
  private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  private String database;

  @Override
  public void init(Map<String, String> initArgs) {
    database = initArgs.get("database");
    if (database == null || !NAME.matcher(database).matches()) {
      throw new IllegalArgumentException("init arg 'database' must be a plain lower-case name");
    }
  }

  @Override
  public Map<String, String> start() {
    String host = env("DB_HOST", "127.0.0.1");
    String port = env("DB_PORT", "5432");
    String user = env("DB_USER", "postgres");
    String password = env("DB_PASSWORD", "");
    createIfMissing("jdbc:postgresql://" + host + ":" + port + "/postgres", user, password);
    return Map.of(
        "quarkus.datasource.jdbc.url",
        "jdbc:postgresql://" + host + ":" + port + "/" + database,
        "quarkus.datasource.username",
        user,
        "quarkus.datasource.password",
        password);
  }

  private void createIfMissing(String adminUrl, String user, String password) {
    try (Connection c = DriverManager.getConnection(adminUrl, user, password)) {
      try (PreparedStatement ps =
          c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
        ps.setString(1, database);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            return;
          }
        }
      }
      try (Statement st = c.createStatement()) {
        st.execute("CREATE DATABASE " + database); // name checked against NAME above
      } catch (SQLException e) {
        if (!"42P04".equals(e.getSQLState())) { // created concurrently: fine
          throw e;
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Tests need PostgreSQL at "
              + adminUrl
              + " (user "
              + user
              + "). Start it (e.g. pg_ctlcluster 15 main start) or set DB_HOST/DB_PORT/DB_USER/"
              + "DB_PASSWORD. Cause: "
              + e.getMessage(),
          e);
    }
  }

  @Override
  public void stop() {
    // The database is kept: Flyway cleans it at the next start, and keeping it makes failures
    // inspectable.
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
