package cn.jinan.edu.faulttests.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One packaged service ({@code <module>/target/quarkus-app/quarkus-run.jar}) run as its own JVM in
 * the {@code local} profile, on a fixed port so that it can be killed and started again at the same
 * address. Output goes to {@code <work>/<name>.log}, appended across restarts.
 */
public final class ServiceProcess implements AutoCloseable {
  /** On every command line we start, so that leftovers of a killed run can be found again. */
  static final String MARKER_PROPERTY = "fault-tests.marker";

  public final String name;
  public final int port;
  private final Path moduleDir;
  private final Map<String, String> env;
  private final Path log;
  private final String marker;
  private volatile Process process;

  ServiceProcess(
      String name, Path moduleDir, int port, Map<String, String> env, Path workDir, String marker) {
    this.name = name;
    this.moduleDir = moduleDir;
    this.port = port;
    this.env = Map.copyOf(env);
    this.log = workDir.resolve(name + ".log");
    this.marker = marker;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** The management interface (health, metrics): the MANAGEMENT_PORT of the environment. */
  public String managementUrl() {
    return "http://127.0.0.1:" + env.get("MANAGEMENT_PORT");
  }

  /**
   * Starts a new process (after {@link #kill()} too) and waits until its management interface
   * answers /q/health/ready with 200.
   */
  public void start(Duration readyWithin) throws IOException, InterruptedException {
    Path jar = moduleDir.resolve("target/quarkus-app/quarkus-run.jar");
    if (!Files.exists(jar)) {
      throw new IllegalStateException(
          jar
              + " is missing: package the services first (./mvnw -B -ntp package -DskipTests -pl"
              + " registry-service,gateway)");
    }
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx256m");
    cmd.add("-D" + MARKER_PROPERTY + "=" + marker);
    cmd.add("-Dquarkus.profile=local");
    cmd.add("-Dquarkus.http.host=127.0.0.1");
    cmd.add("-jar");
    cmd.add(jar.toString());
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .directory(moduleDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    // Only what we pass (plus PATH): a developer's shell must not leak DB_*, OIDC_* or QUARKUS_*
    // settings into the services under test.
    String path = System.getenv("PATH");
    pb.environment().clear();
    if (path != null) {
      pb.environment().put("PATH", path);
    }
    pb.environment().putAll(env);
    Files.writeString(
        log,
        "\n===== fault-tests: starting " + name + " on port " + port + " =====\n",
        java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
    process = pb.start();
    awaitReady(readyWithin);
  }

  private void awaitReady(Duration within) throws InterruptedException {
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1))
            .build();
    HttpRequest ready =
        HttpRequest.newBuilder(URI.create(managementUrl() + "/q/health/ready"))
            .timeout(Duration.ofSeconds(3))
            .build();
    long deadline = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited during start-up:\n" + tail(60));
      }
      try {
        if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException(name + " was not ready within " + within + ":\n" + tail(60));
  }

  public boolean alive() {
    Process p = process;
    return p != null && p.isAlive();
  }

  /** SIGKILL, as the kernel's OOM killer or a crash would end it; waits until it is gone. */
  public void kill() throws InterruptedException {
    Process p = process;
    if (p != null && p.isAlive()) {
      p.destroyForcibly();
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException(name + " survived SIGKILL");
      }
    }
  }

  public String tail(int lines) {
    return Logs.tail(log, lines);
  }

  /** SIGTERM (graceful shutdown), SIGKILL after 20 s. */
  @Override
  public void close() {
    Process p = process;
    if (p == null) {
      return;
    }
    p.destroy();
    try {
      if (!p.waitFor(20, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Stops the processes a previous, killed run of this module left behind: those whose command line
   * carries this work directory's marker. Nothing else is touched.
   */
  static void stopLeftovers(String marker) {
    String flag = "-D" + MARKER_PROPERTY + "=" + marker;
    ProcessHandle self = ProcessHandle.current();
    ProcessHandle.allProcesses()
        .filter(p -> !p.equals(self))
        .filter(p -> p.info().commandLine().map(c -> c.contains(flag)).orElse(false))
        .forEach(
            p -> {
              p.destroyForcibly();
              try {
                p.onExit().get(10, TimeUnit.SECONDS);
              } catch (Exception e) {
                System.err.println("fault-tests: leftover process " + p.pid() + " did not stop");
              }
            });
  }
}
