package cn.jinan.edu.systemtests.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One OS process of the system under test, its output in {@code <work>/<name>.log}. Stopping it
 * stops its whole tree: Keycloak's kc.sh runs the JVM as a child, which would outlive the script.
 */
final class ManagedProcess implements AutoCloseable {
  /** Put on every command line we start, so leftovers of a killed run can be found again. */
  static final String MARKER_PROPERTY = "system-tests.marker";

  final String name;
  final Path log;
  private final Process process;

  private ManagedProcess(String name, Path log, Process process) {
    this.name = name;
    this.log = log;
    this.process = process;
  }

  static ManagedProcess start(
      String name, List<String> command, Map<String, String> env, Path workDir, Path logDir)
      throws IOException {
    Path log = logDir.resolve(name + ".log");
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    // Only what we pass: a developer's shell must not leak OIDC_*, DB_* or QUARKUS_* settings in.
    pb.environment().clear();
    pb.environment().putAll(env);
    return new ManagedProcess(name, log, pb.start());
  }

  boolean alive() {
    return process.isAlive();
  }

  /** The last lines of the log, for failure messages. */
  String tail(int lines) {
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  String output() throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }

  /** Kills the whole tree at once (SIGKILL), as a failing node would. */
  public void kill() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stopTree(process.toHandle());
  }

  /** SIGTERM to the process and every descendant, then SIGKILL to whatever is left after 20 s. */
  static void stopTree(ProcessHandle root) {
    List<ProcessHandle> all = new ArrayList<>(root.descendants().toList());
    all.add(root);
    all.forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    for (ProcessHandle p : all) {
      long left = Math.max(0, deadline - System.nanoTime());
      try {
        p.onExit().get(left, TimeUnit.NANOSECONDS);
      } catch (Exception notYet) {
        p.destroyForcibly();
      }
    }
  }

  /**
   * Stops processes a previous, killed run left behind: those whose command line carries this run
   * directory's marker. Nothing else is touched.
   */
  static void stopLeftovers(String marker) {
    String flag = "-D" + MARKER_PROPERTY + "=" + marker;
    ProcessHandle self = ProcessHandle.current();
    ProcessHandle.allProcesses()
        .filter(p -> !p.equals(self))
        .filter(p -> p.info().commandLine().map(c -> c.contains(flag)).orElse(false))
        .forEach(ManagedProcess::stopTree);
  }
}
