package cn.jinan.edu.faulttests.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL 15 cluster that belongs to the fault tests alone: its own data directory under /tmp,
 * its own port, trust authentication on 127.0.0.1 only. The tests stop and start it at will; the
 * shared server on 5432 is never touched. Removed again by {@link #close()}.
 *
 * <p>PostgreSQL refuses to run as root, so when the tests run as root (CI, our machines) every
 * initdb and pg_ctl runs as the {@code postgres} OS user through runuser.
 */
public final class PrivatePostgres implements AutoCloseable {
  private static final Path BIN =
      Path.of(System.getProperty("fault-tests.pg-bin", "/usr/lib/postgresql/15/bin"));

  public final int port;
  public final Path dataDir;
  private final Path log;
  private final Path marker;
  private volatile boolean running;

  private PrivatePostgres(int port, Path dataDir, Path log, Path marker) {
    this.port = port;
    this.dataDir = dataDir;
    this.log = log;
    this.marker = marker;
  }

  /**
   * Creates and starts a new cluster. {@code marker} records the data directory, so a run that was
   * killed before it could clean up has its cluster stopped and removed by the next run.
   */
  public static PrivatePostgres create(Path workDir) throws IOException, InterruptedException {
    if (!Files.isExecutable(BIN.resolve("initdb"))) {
      throw new IllegalStateException(
          "PostgreSQL 15 server binaries not found in "
              + BIN
              + " (Debian: apt-get install postgresql-15; or -Dfault-tests.pg-bin=DIR)");
    }
    Path marker = workDir.resolve("cluster.path");
    removeLeftover(marker);
    Path dataDir = Path.of("/tmp", "fault-tests-" + UUID.randomUUID());
    Files.writeString(marker, dataDir.toString());
    PrivatePostgres pg =
        new PrivatePostgres(Ports.free(), dataDir, workDir.resolve("postgres.log"), marker);
    pg.run(
        Duration.ofSeconds(60),
        BIN.resolve("initdb").toString(),
        "-D",
        dataDir.toString(),
        "-U",
        "postgres",
        "-E",
        "UTF8",
        "--locale=C.UTF-8",
        "--auth-local=trust",
        "--auth-host=trust",
        "--no-sync",
        "--no-instructions");
    // Loopback only; the socket lives in the data directory so it never meets the shared server's.
    Files.writeString(
        dataDir.resolve("postgresql.auto.conf"),
        "listen_addresses = '127.0.0.1'\n"
            + "port = "
            + pg.port
            + "\n"
            + "unix_socket_directories = '"
            + dataDir
            + "'\n",
        StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.APPEND);
    pg.start();
    return pg;
  }

  /** Starts the cluster and returns once it accepts connections. */
  public void start() throws IOException, InterruptedException {
    run(
        Duration.ofSeconds(60),
        BIN.resolve("pg_ctl").toString(),
        "-D",
        dataDir.toString(),
        "-w",
        "-t",
        "30",
        "start");
    running = true;
  }

  /** Stops the cluster the way a crash would: no checkpoint, connections cut at once. */
  public void stopImmediately() throws IOException, InterruptedException {
    stop("immediate");
  }

  public void stop(String mode) throws IOException, InterruptedException {
    run(
        Duration.ofSeconds(60),
        BIN.resolve("pg_ctl").toString(),
        "-D",
        dataDir.toString(),
        "-m",
        mode,
        "-w",
        "-t",
        "30",
        "stop");
    running = false;
  }

  public boolean running() {
    return running;
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  public Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(jdbcUrl(database), "postgres", "");
  }

  public void createDatabase(String name) throws SQLException {
    try (Connection c = connect("postgres");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
  }

  /** The last lines of the server log, for failure messages. */
  public String tail(int lines) {
    return Logs.tail(log, lines);
  }

  /** Stops the cluster if it runs and removes its data directory. */
  @Override
  public void close() {
    try {
      if (Files.exists(dataDir.resolve("postmaster.pid"))) {
        stop("immediate");
      }
    } catch (IOException | InterruptedException | RuntimeException e) {
      System.err.println("fault-tests: could not stop the private PostgreSQL: " + e);
    }
    deleteTree(dataDir);
    try {
      Files.deleteIfExists(marker);
    } catch (IOException ignored) {
      // only a hint for the next run
    }
  }

  private static void removeLeftover(Path marker) throws IOException {
    if (!Files.exists(marker)) {
      return;
    }
    Path old = Path.of(Files.readString(marker).trim());
    // Only ever a directory this class created.
    if (old.getFileName() != null
        && old.getFileName().toString().startsWith("fault-tests-")
        && old.getParent() != null
        && old.getParent().equals(Path.of("/tmp"))) {
      if (Files.exists(old.resolve("postmaster.pid"))) {
        try {
          new PrivatePostgres(0, old, marker.resolveSibling("postgres.log"), marker)
              .stop("immediate");
        } catch (IOException | InterruptedException | RuntimeException e) {
          System.err.println("fault-tests: leftover cluster " + old + " did not stop: " + e);
        }
      }
      deleteTree(old);
    }
    Files.deleteIfExists(marker);
  }

  private void run(Duration timeout, String... command) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    if ("root".equals(System.getProperty("user.name"))) {
      cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    cmd.addAll(List.of(command));
    // The server inherits this output: its log goes to the same file.
    Process p =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException(String.join(" ", cmd) + " did not finish:\n" + tail(30));
    }
    if (p.exitValue() != 0) {
      throw new IllegalStateException(
          String.join(" ", cmd) + " failed (exit " + p.exitValue() + "):\n" + tail(30));
    }
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> all = Files.walk(root)) {
      all.sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.delete(p);
                } catch (IOException e) {
                  System.err.println("fault-tests: cannot delete " + p + ": " + e);
                }
              });
    } catch (IOException e) {
      System.err.println("fault-tests: cannot remove " + root + ": " + e);
    }
  }
}
