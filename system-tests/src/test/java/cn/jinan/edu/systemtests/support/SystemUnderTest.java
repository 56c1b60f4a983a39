package cn.jinan.edu.systemtests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The whole suite as an admin runs it, on loopback: Keycloak with the realm edu, the three domain
 * services and the gateway, each its own OS process started from its packaged quarkus-app in the
 * prod profile, on free ports, with its own freshly created database. Started once per test JVM and
 * stopped when the tests end, when start-up fails, or when the JVM is interrupted.
 */
public final class SystemUnderTest implements AutoCloseable {
  /** Domain services: name -> module and database. */
  private static final Map<String, String[]> DOMAIN_SERVICES =
      Map.of(
          "registry", new String[] {"registry-service", "registry_e2e"},
          "milestone", new String[] {"milestone-service", "milestone_e2e"},
          "quality", new String[] {"quality-index-service", "quality_e2e"});

  /** Ports other people's suites use on this kind of machine (./run.sh, keycloak.sh). */
  private static final Set<Integer> RESERVED_PORTS =
      Set.of(8080, 8081, 8082, 8083, 9000, 9080, 9081, 9082, 9083, 18180);

  /**
   * Five JVMs start at once on CI machines with few cores: the client compiler alone is plenty for
   * a few hundred requests and leaves the cores to start-up work.
   */
  private static final String QUICK_START_JVM = "-XX:TieredStopAtLevel=1";

  private static final long START_TIMEOUT_SECONDS = 300;

  private static SystemUnderTest shared;
  private static RuntimeException startFailure;

  public final Http http = new Http();
  public final Tokens tokens;
  public final String keycloak;
  public final String issuer;
  private final String gateway;
  private final Map<String, String> direct;
  private final Map<String, String> management;
  private final List<ManagedProcess> processes = new ArrayList<>();
  private final FreePorts ports = new FreePorts();
  private final Path root;
  private final Path work;
  private final String marker;
  private final Map<String, Path> jars = new LinkedHashMap<>();
  private final Thread shutdownHook = new Thread(this::stopAll, "system-tests-shutdown");
  private volatile boolean stopped;

  /** The suite of this test JVM, started on first use; a failed start is not retried. */
  static synchronized SystemUnderTest shared() {
    if (startFailure != null) {
      throw new IllegalStateException("the system under test failed to start", startFailure);
    }
    if (shared == null) {
      try {
        shared = new SystemUnderTest();
      } catch (RuntimeException e) {
        startFailure = e;
        throw e;
      }
    }
    return shared;
  }

  /** A path through the gateway, e.g. {@code gateway("/registry/api/v1/me")}. */
  public String gateway(String path) {
    return gateway + path;
  }

  /** A path on a service's own port, bypassing the gateway: registry, milestone or quality. */
  /** A further replica started by a test, stopped with the suite. */
  public record Replica(String name, int port, int managementPort, ManagedProcess process) {
    public String url() {
      return "http://127.0.0.1:" + port;
    }

    public String managementUrl() {
      return "http://127.0.0.1:" + managementPort;
    }

    /** Kills it at once (SIGKILL of its process tree), as a node failure would. */
    public void kill() {
      process.kill();
    }
  }

  /**
   * Starts another replica of a module in the prod profile, as the suite starts the first one, with
   * extra environment (a registry replica shares the suite's database), and waits until ready.
   */
  public Replica startReplica(String name, String module, Map<String, String> extraEnv) {
    int port = ports.next();
    int managementPort = ports.next();
    Map<String, String> env = serviceEnv(port, managementPort);
    if (module.equals("registry-service")) {
      env.put("DB_NAME", DOMAIN_SERVICES.get("registry")[1]);
      env.put("DB_HOST", envOr("DB_HOST", "127.0.0.1"));
      env.put("DB_PORT", envOr("DB_PORT", "5432"));
      env.put("DB_USER", envOr("DB_USER", "postgres"));
      env.put("DB_PASSWORD", envOr("DB_PASSWORD", ""));
    }
    env.putAll(extraEnv);
    try {
      ManagedProcess p = startService(name, jars.get(module), env, root, work, marker);
      processes.add(p);
      awaitProbes(
          new ArrayList<>(
              List.of(new Probe(name, "http://127.0.0.1:" + managementPort + "/q/health/ready"))),
          System.nanoTime());
      return new Replica(name, port, managementPort, p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The management interface (health, metrics, OpenAPI) of a service or of "gateway". */
  public String management(String service, String path) {
    return management.get(service) + path;
  }

  public String direct(String service, String path) {
    return direct.get(service) + path;
  }

  private SystemUnderTest() {
    long t0 = System.nanoTime();
    root = Path.of(System.getProperty("suite.root", "..")).toAbsolutePath().normalize();
    work = Path.of(System.getProperty("system-tests.work", "target/system-tests")).toAbsolutePath();
    Path kcHome =
        Path.of(System.getProperty("keycloak.home", "target/keycloak/keycloak-26.7.3"))
            .toAbsolutePath();
    marker = work.toString();
    ManagedProcess.stopLeftovers(marker);

    for (String module :
        List.of("registry-service", "milestone-service", "quality-index-service", "gateway")) {
      Path jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
      if (!Files.isRegularFile(jar)) {
        throw new IllegalStateException(
            jar + " is missing: package the services first (./mvnw verify from the root does)");
      }
      jars.put(module, jar);
    }
    if (!Files.isRegularFile(kcHome.resolve("bin/kc.sh"))) {
      throw new IllegalStateException(
          kcHome + " has no Keycloak: run through Maven (pre-integration-test unpacks it)");
    }

    int kcPort = ports.next();
    int kcManagementPort = ports.next();
    int gatewayPort = ports.next();
    int gatewayManagementPort = ports.next();
    Map<String, Integer> servicePorts = new HashMap<>();
    Map<String, Integer> managementPorts = new HashMap<>();
    DOMAIN_SERVICES.keySet().forEach(s -> servicePorts.put(s, ports.next()));
    DOMAIN_SERVICES.keySet().forEach(s -> managementPorts.put(s, ports.next()));

    keycloak = "http://127.0.0.1:" + kcPort;
    issuer = keycloak + "/realms/edu";
    gateway = "http://127.0.0.1:" + gatewayPort;
    direct = new HashMap<>();
    servicePorts.forEach((s, p) -> direct.put(s, "http://127.0.0.1:" + p));
    management = new HashMap<>();
    managementPorts.forEach((s, p) -> management.put(s, "http://127.0.0.1:" + p));
    management.put("gateway", "http://127.0.0.1:" + gatewayManagementPort);

    Map<String, String> secrets = new HashMap<>();
    for (String client :
        List.of(TestUsers.GOV_DATA_EXCHANGE, "milestone-service", "quality-index-service")) {
      secrets.put(client, randomSecret());
    }
    tokens = new Tokens(http, keycloak, issuer, secrets);

    Runtime.getRuntime().addShutdownHook(shutdownHook);
    try {
      Files.createDirectories(work);
      try (Stream<Path> old = Files.list(work)) {
        for (Path p : old.filter(p -> p.toString().endsWith(".log")).toList()) {
          Files.delete(p);
        }
      }
      recreateDatabases();
      prepareKeycloak(root, kcHome, secrets);

      // Everything starts at once: the services fetch nothing from the issuer at start-up.
      Map<String, String> kcEnv = baseEnv();
      kcEnv.put("JAVA_HOME", System.getProperty("java.home"));
      kcEnv.put(
          "JAVA_OPTS_APPEND",
          QUICK_START_JVM + " -D" + ManagedProcess.MARKER_PROPERTY + "=" + marker);
      processes.add(
          ManagedProcess.start(
              "keycloak",
              List.of(
                  kcHome.resolve("bin/kc.sh").toString(),
                  "start-dev",
                  "--http-host=127.0.0.1",
                  "--http-port=" + kcPort,
                  "--http-management-port=" + kcManagementPort,
                  "--import-realm"),
              kcEnv,
              kcHome,
              work));

      for (var e : DOMAIN_SERVICES.entrySet()) {
        String service = e.getKey();
        String module = e.getValue()[0];
        Map<String, String> env =
            serviceEnv(servicePorts.get(service), managementPorts.get(service));
        env.put("DB_NAME", e.getValue()[1]);
        env.put("DB_HOST", envOr("DB_HOST", "127.0.0.1"));
        env.put("DB_PORT", envOr("DB_PORT", "5432"));
        env.put("DB_USER", envOr("DB_USER", "postgres"));
        env.put("DB_PASSWORD", envOr("DB_PASSWORD", ""));
        switch (service) {
          case "milestone" -> {
            env.put("REGISTRY_URL", direct.get("registry"));
            env.put("QUALITY_URL", direct.get("quality"));
            env.put("PEER_TOKEN_MODE", "client-credentials");
            env.put("OIDC_CLIENT_ID", "milestone-service");
            env.put("OIDC_CLIENT_SECRET", secrets.get("milestone-service"));
            // Bound tasks must show a figure the moment it changes, not up to 5 minutes later.
            env.put("MILESTONE_FIGURE_FRESHNESS", "0s");
          }
          case "quality" -> {
            env.put("REGISTRY_URL", direct.get("registry"));
            env.put("PEER_TOKEN_MODE", "client-credentials");
            env.put("OIDC_CLIENT_ID", "quality-index-service");
            env.put("OIDC_CLIENT_SECRET", secrets.get("quality-index-service"));
          }
          default -> {}
        }
        processes.add(startService(module, jars.get(module), env, root, work, marker));
      }

      Map<String, String> gwEnv = serviceEnv(gatewayPort, gatewayManagementPort);
      gwEnv.put("REGISTRY_URL", direct.get("registry"));
      gwEnv.put("MILESTONE_URL", direct.get("milestone"));
      gwEnv.put("QUALITY_URL", direct.get("quality"));
      gwEnv.put("REGISTRY_MANAGEMENT_URL", management.get("registry"));
      gwEnv.put("MILESTONE_MANAGEMENT_URL", management.get("milestone"));
      gwEnv.put("QUALITY_MANAGEMENT_URL", management.get("quality"));
      // Every test user signs in through the one test client and every public call comes from
      // 127.0.0.1, so the default budgets (600 and 120 a minute) would count the whole run's
      // traffic as a single caller's.
      gwEnv.put("RATE_LIMIT_DEFAULT", "100000");
      gwEnv.put("RATE_LIMIT_PUBLIC", "100000");
      processes.add(startService("gateway", jars.get("gateway"), gwEnv, root, work, marker));

      awaitReady(t0);
      checkRealmImport();
      System.out.printf(
          "[system-tests] suite up in %d s: gateway %s, issuer %s, logs in %s%n",
          (System.nanoTime() - t0) / 1_000_000_000, gateway, issuer, work);
    } catch (IOException e) {
      close();
      throw new UncheckedIOException(e);
    } catch (RuntimeException | Error e) {
      close();
      throw e;
    }
  }

  private Map<String, String> serviceEnv(int port, int managementPort) {
    Map<String, String> env = baseEnv();
    env.put("HTTP_PORT", String.valueOf(port));
    env.put("MANAGEMENT_PORT", String.valueOf(managementPort));
    // Loopback only; prod's default host is 0.0.0.0.
    env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
    env.put("QUARKUS_MANAGEMENT_HOST", "127.0.0.1");
    env.put("OIDC_ISSUER_URL", issuer);
    env.put("OIDC_AUDIENCE", "jinan-edu-api");
    return env;
  }

  private static ManagedProcess startService(
      String name, Path jar, Map<String, String> env, Path root, Path work, String marker)
      throws IOException {
    // No QUARKUS_PROFILE: the packaged default, prod.
    List<String> cmd =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx384m",
            "-XX:+UseSerialGC",
            QUICK_START_JVM,
            "-D" + ManagedProcess.MARKER_PROPERTY + "=" + marker,
            "-jar",
            jar.toString());
    return ManagedProcess.start(name, cmd, env, root, work);
  }

  private static Map<String, String> baseEnv() {
    Map<String, String> env = new HashMap<>();
    for (String keep : List.of("PATH", "HOME", "TMPDIR")) {
      String v = System.getenv(keep);
      if (v != null) {
        env.put(keep, v);
      }
    }
    env.put("LANG", "C.UTF-8");
    return env;
  }

  private void prepareKeycloak(Path root, Path kcHome, Map<String, String> secrets)
      throws IOException {
    // A fresh database each run: Keycloak imports a realm only into an empty one.
    deleteTree(kcHome.resolve("data/h2"));
    Path importDir = kcHome.resolve("data/import");
    deleteTree(importDir);
    Realms.write(root, importDir, secrets, TestUsers.added());
  }

  /** A readiness check: the process that must answer, and where. */
  private record Probe(String process, String url) {}

  private void awaitReady(long t0) {
    List<Probe> pending = new ArrayList<>();
    pending.add(new Probe("keycloak", issuer + "/.well-known/openid-configuration"));
    pending.add(
        new Probe(
            "keycloak",
            keycloak + "/realms/" + Realms.OTHER_REALM + "/.well-known/openid-configuration"));
    for (String s : DOMAIN_SERVICES.keySet()) {
      pending.add(new Probe(moduleOf(s), management.get(s) + "/q/health/ready"));
    }
    pending.add(new Probe("gateway", management.get("gateway") + "/q/health/ready"));
    awaitProbes(pending, t0);
  }

  /**
   * Polls the probes until each answers 200; fails when a probed process exits or time runs out.
   */
  private void awaitProbes(List<Probe> pending, long t0) {
    long deadline = t0 + START_TIMEOUT_SECONDS * 1_000_000_000L;
    while (!pending.isEmpty()) {
      for (ManagedProcess p : processes) {
        if (pending.stream().anyMatch(probe -> probe.process().equals(p.name)) && !p.alive()) {
          throw new IllegalStateException(
              p.name + " exited during start-up; last lines of " + p.log + ":\n" + p.tail(60));
        }
      }
      for (Probe probe : List.copyOf(pending)) {
        try {
          if (http.get(probe.url()).send().status() == 200) {
            pending.remove(probe);
            System.out.printf(
                "[system-tests] %s answers %s after %d s%n",
                probe.process(), probe.url(), (System.nanoTime() - t0) / 1_000_000_000);
          }
        } catch (RuntimeException notYet) {
          // not listening yet
        }
      }
      if (!pending.isEmpty() && System.nanoTime() > deadline) {
        StringBuilder msg =
            new StringBuilder("not ready after " + START_TIMEOUT_SECONDS + " s: " + pending);
        for (ManagedProcess p : processes) {
          if (pending.stream().anyMatch(probe -> probe.process().equals(p.name))) {
            msg.append("\n--- last lines of ").append(p.log).append(":\n").append(p.tail(60));
          }
        }
        throw new IllegalStateException(msg.toString());
      }
      sleep(500);
    }
  }

  /** A realm that only half imported (a role or scope it names but lacks) only logs. */
  private void checkRealmImport() {
    ManagedProcess kc = processes.get(0); // started first
    try {
      List<String> bad =
          kc.output()
              .lines()
              .filter(
                  l ->
                      l.contains(" ERROR ")
                          || (l.contains(" WARN ")
                              && (l.contains("RepresentationToModel")
                                  || l.contains("exportimport"))))
              .toList();
      if (!bad.isEmpty()) {
        throw new IllegalStateException(
            "Keycloak complained while importing the realms:\n" + String.join("\n", bad));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String moduleOf(String service) {
    return DOMAIN_SERVICES.get(service)[0];
  }

  /** Drops and creates this module's own databases; no other test suite uses them. */
  private static void recreateDatabases() {
    String url =
        "jdbc:postgresql://"
            + envOr("DB_HOST", "127.0.0.1")
            + ":"
            + envOr("DB_PORT", "5432")
            + "/postgres";
    try (Connection c =
            DriverManager.getConnection(
                url, envOr("DB_USER", "postgres"), envOr("DB_PASSWORD", ""));
        Statement st = c.createStatement()) {
      for (String[] s : DOMAIN_SERVICES.values()) {
        // Fixed names from this class, never input.
        st.execute("DROP DATABASE IF EXISTS " + s[1] + " WITH (FORCE)");
        st.execute("CREATE DATABASE " + s[1]);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "System tests need PostgreSQL at " + url + " (DB_HOST/DB_PORT/DB_USER/DB_PASSWORD)", e);
    }
  }

  @Override
  public void close() {
    stopAll();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // called from the hook itself
    }
  }

  private synchronized void stopAll() {
    if (stopped) {
      return;
    }
    stopped = true;
    processes.parallelStream().forEach(ManagedProcess::close);
    System.out.println("[system-tests] stopped " + processes.size() + " processes");
  }

  private static String envOr(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }

  private static String randomSecret() {
    byte[] b = new byte[24];
    new SecureRandom().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the suite", e);
    }
  }

  /** Distinct free loopback ports, never one that other suites on this machine use. */
  private static final class FreePorts {
    private final Set<Integer> handedOut = new HashSet<>();

    int next() {
      for (int attempt = 0; attempt < 50; attempt++) {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
          int port = s.getLocalPort();
          if (!RESERVED_PORTS.contains(port) && handedOut.add(port)) {
            return port;
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      throw new IllegalStateException("no free port");
    }
  }
}
