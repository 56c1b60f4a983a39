package cn.jinan.edu.platform.problem;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns database failures into problems by SQLSTATE, so no service needs to know the driver or the
 * ORM: unique and foreign-key violations are conflicts, lost connections are 503.
 */
public final class DatabaseErrors {
  private DatabaseErrors() {}

  public static Optional<ProblemException> classify(Throwable error) {
    for (Throwable t : chain(error)) {
      String name = t.getClass().getName();
      if (name.equals("jakarta.persistence.OptimisticLockException")
          || name.equals("org.hibernate.StaleObjectStateException")
          || name.equals("org.hibernate.StaleStateException")) {
        return Optional.of(
            ProblemException.conflict(
                "The resource was changed by another request; read it again and retry"));
      }
      if (t instanceof SQLException sql
          && sql.getMessage() != null
          && sql.getMessage().startsWith("Acquisition timeout")) {
        return Optional.of(unavailable()); // pool exhausted because the database is gone
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        Optional<ProblemException> p = bySqlState(sql);
        if (p.isPresent()) {
          return p;
        }
      }
      if (name.equals("org.hibernate.exception.JDBCConnectionException")) {
        return Optional.of(unavailable());
      }
    }
    return Optional.empty();
  }

  /**
   * Causes and suppressed exceptions, depth first: a failed commit arrives as a RollbackException
   * whose driver error (e.g. SQLSTATE 08006) is only attached, as suppressed, to an XAException.
   */
  static List<Throwable> chain(Throwable error) {
    List<Throwable> out = new ArrayList<>();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Throwable> todo = new ArrayDeque<>();
    if (error != null) {
      todo.push(error);
    }
    while (!todo.isEmpty() && out.size() < 64) {
      Throwable t = todo.pop();
      if (!seen.add(t)) {
        continue;
      }
      out.add(t);
      Throwable[] suppressed = t.getSuppressed();
      for (int i = suppressed.length - 1; i >= 0; i--) {
        todo.push(suppressed[i]);
      }
      if (t.getCause() != null) {
        todo.push(t.getCause());
      }
    }
    return out;
  }

  private static Optional<ProblemException> bySqlState(SQLException sql) {
    String state = sql.getSQLState();
    Optional<String> name = constraintName(sql);
    String constraint = name.map(n -> " (" + n + ")").orElse("");
    return switch (state) {
      case "23505" ->
          Optional.of(
              ProblemException.conflict(
                  "A record with the same unique key already exists" + constraint,
                  name.<Map<String, Object>>map(n -> Map.of("constraint", n)).orElse(Map.of())));
      case "23503" ->
          Optional.of(
              ProblemException.conflict(
                  "The record refers to, or is referred to by, another record" + constraint));
      case "23514", "23502", "22001", "22003" ->
          Optional.of(
              ProblemException.unprocessable(
                  "The data breaks a rule of the database" + constraint));
      case "40001", "40P01", "55P03" ->
          Optional.of(
              ProblemException.conflict(
                  "A concurrent request changed the same data; retry the request"));
      default -> {
        if (state.startsWith("08") || state.equals("57P01") || state.equals("57P03")) {
          yield Optional.of(unavailable());
        }
        yield Optional.empty();
      }
    };
  }

  private static ProblemException unavailable() {
    return new ProblemException(
        ProblemType.SERVICE_UNAVAILABLE,
        503,
        "The database is not reachable at the moment; retry later",
        List.of(),
        Map.of(),
        Map.of("Retry-After", "5"));
  }

  // PostgreSQL reports the constraint name; the driver's ServerErrorMessage is read reflectively
  // so this class does not depend on the driver.
  private static Optional<String> constraintName(SQLException sql) {
    try {
      Object server = sql.getClass().getMethod("getServerErrorMessage").invoke(sql);
      if (server != null) {
        return Optional.ofNullable(server.getClass().getMethod("getConstraint").invoke(server))
            .map(Object::toString);
      }
    } catch (ReflectiveOperationException | RuntimeException ignored) {
      // not a PostgreSQL exception
    }
    return Optional.empty();
  }
}
