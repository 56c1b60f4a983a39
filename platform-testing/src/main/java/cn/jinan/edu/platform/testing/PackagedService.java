package cn.jinan.edu.platform.testing;

import java.io.IOException;
import java.net.ServerSocket;
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
 * The packaged service (target/quarkus-app) started as its own process in the prod profile, the way
 * an admin runs it. Used by *IT tests that run after {@code package}.
 */
public final class PackagedService implements AutoCloseable {
  /**
   * The JDK's ahead-of-time cache beside the packaged jar, recorded by {@link
   * ProdProfileContract}'s training run; every start uses it when it is there (a cache that does
   * not match the jar or the JVM is ignored with a warning).
   */
  public static final Path AOT_CACHE = Path.of("target", "quarkus-app", "app.aot");

  private final Process process;
  private final Path log;
  public final int port;

  /** The management interface (health, metrics; a domain service's OpenAPI). */
  public final int managementPort;

  private PackagedService(Process process, Path log, int port, int managementPort) {
    this.process = process;
    this.log = log;
    this.port = port;
    this.managementPort = managementPort;
  }

  public static PackagedService start(Map<String, String> env) throws IOException {
    return start(env, List.of());
  }

  /** As {@link #start(Map)}, with extra JVM options and system properties before {@code -jar}. */
  public static PackagedService start(Map<String, String> env, List<String> jvmOptions)
      throws IOException {
    Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar");
    if (!Files.exists(jar)) {
      throw new IllegalStateException(jar + " is missing: run after the package phase");
    }
    int port = freePort();
    int managementPort = freePort();
    Path log = Files.createTempFile("packaged-service", ".log");
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx256m");
    cmd.add("-Dquarkus.http.port=" + port);
    cmd.add("-Dquarkus.management.port=" + managementPort);
    boolean training = jvmOptions.stream().anyMatch(o -> o.startsWith("-XX:AOTCacheOutput"));
    if (!training && Files.exists(AOT_CACHE)) {
      cmd.add("-XX:AOTCache=" + AOT_CACHE);
    }
    cmd.addAll(jvmOptions);
    cmd.add("-jar");
    cmd.add(jar.toString());
    ProcessBuilder pb =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    // Start from a clean slate so a developer's shell cannot leak settings into the check.
    pb.environment()
        .keySet()
        .removeIf(
            k -> k.startsWith("OIDC_") || k.startsWith("QUARKUS_") || k.startsWith("GATEWAY_"));
    pb.environment().putAll(env);
    return new PackagedService(pb.start(), log, port, managementPort);
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Waits for the process to end by itself; returns its exit code or -1 on timeout. */
  public int awaitExit(Duration timeout) throws InterruptedException {
    if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      return process.exitValue();
    }
    return -1;
  }

  /** Polls GET path on the application port until it answers 200, or fails with the output. */
  public void awaitHttp200(String path, Duration timeout) throws Exception {
    await(port, path, timeout);
  }

  /** The same on the management port, e.g. {@code /q/health/ready}. */
  public void awaitManagement200(String path, Duration timeout) throws Exception {
    await(managementPort, path, timeout);
  }

  private void await(int onPort, String path, Duration timeout) throws Exception {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("service exited early:\n" + output());
      }
      try {
        if (send(client, onPort, path).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new AssertionError("no 200 from " + path + " within " + timeout + ":\n" + output());
  }

  public HttpResponse<String> get(HttpClient client, String path) throws Exception {
    return send(client, port, path);
  }

  public HttpResponse<String> management(HttpClient client, String path) throws Exception {
    return send(client, managementPort, path);
  }

  private static HttpResponse<String> send(HttpClient client, int onPort, String path)
      throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + onPort + path))
            .timeout(Duration.ofSeconds(5))
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  public String output() throws IOException {
    return Files.readString(log);
  }

  @Override
  public void close() throws Exception {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    Files.deleteIfExists(log);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
