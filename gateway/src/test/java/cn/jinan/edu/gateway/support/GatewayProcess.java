package cn.jinan.edu.gateway.support;

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

/** The packaged gateway (target/quarkus-app) as its own process with a chosen heap limit. */
public final class GatewayProcess implements AutoCloseable {
  private final Process process;
  private final Path log;
  public final int port;
  public final int managementPort;

  private GatewayProcess(Process process, Path log, int port, int managementPort) {
    this.process = process;
    this.log = log;
    this.port = port;
    this.managementPort = managementPort;
  }

  public static GatewayProcess start(String maxHeap, Map<String, String> env) throws IOException {
    Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar");
    if (!Files.exists(jar)) {
      throw new IllegalStateException(jar + " is missing: run after the package phase");
    }
    int port;
    int managementPort;
    try (ServerSocket s = new ServerSocket(0);
        ServerSocket m = new ServerSocket(0)) {
      port = s.getLocalPort();
      managementPort = m.getLocalPort();
    }
    Path log = Files.createTempFile("gateway-it", ".log");
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx" + maxHeap);
    cmd.add("-XX:+ExitOnOutOfMemoryError");
    cmd.add("-Dquarkus.http.port=" + port);
    cmd.add("-Dquarkus.management.port=" + managementPort);
    cmd.add("-jar");
    cmd.add(jar.toString());
    ProcessBuilder pb =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment()
        .keySet()
        .removeIf(
            k -> k.startsWith("OIDC_") || k.startsWith("QUARKUS_") || k.startsWith("GATEWAY_"));
    pb.environment().putAll(env);
    return new GatewayProcess(pb.start(), log, port, managementPort);
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Polls GET path on the management port (health) until it answers 200. */
  public void awaitManagement200(String path, Duration timeout) throws Exception {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("gateway exited early:\n" + output());
      }
      try {
        HttpResponse<Void> r =
            client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path))
                    .timeout(Duration.ofSeconds(2))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new AssertionError("no 200 from " + path + " within " + timeout + ":\n" + output());
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
}
