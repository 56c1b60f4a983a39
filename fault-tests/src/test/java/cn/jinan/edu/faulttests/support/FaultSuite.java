package cn.jinan.edu.faulttests.support;

import cn.jinan.edu.platform.testing.TestTokens;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * What the fault tests break: a private PostgreSQL cluster, registry-service on it and the gateway
 * in front of registry-service, each its own process. One per test JVM, started by the first test
 * class and stopped after the last ({@link FaultSuiteExtension}) or by the shutdown hook when the
 * JVM is interrupted.
 */
public final class FaultSuite implements AutoCloseable {
  /** Consecutive backend failures that open the gateway's circuit (default 5). */
  public static final int FAILURE_THRESHOLD = 3;

  /** How long the open circuit refuses calls before one trial call (default 10 s). */
  public static final Duration OPEN_DURATION = Duration.ofSeconds(5);

  /** How long a request waits for a database connection before it gets 503 (default 3 s). */
  public static final Duration ACQUISITION_TIMEOUT = Duration.ofSeconds(2);

  private static final Duration START_WITHIN = Duration.ofSeconds(90);

  public final Path workDir;
  public final PrivatePostgres postgres;
  public final ServiceProcess registry;
  public final ServiceProcess gateway;
  private final Thread shutdownHook;

  private FaultSuite(
      Path workDir, PrivatePostgres postgres, ServiceProcess registry, ServiceProcess gateway) {
    this.workDir = workDir;
    this.postgres = postgres;
    this.registry = registry;
    this.gateway = gateway;
    this.shutdownHook = new Thread(this::stopAll, "fault-tests-shutdown");
  }

  static FaultSuite start() throws Exception {
    Path root = Path.of(System.getProperty("suite.root", "..")).toAbsolutePath().normalize();
    Path workDir =
        Path.of(System.getProperty("fault-tests.work", "target/fault-tests"))
            .toAbsolutePath()
            .normalize();
    Files.createDirectories(workDir);
    String marker = workDir.toString();
    ServiceProcess.stopLeftovers(marker);

    PrivatePostgres postgres = PrivatePostgres.create(workDir);
    FaultSuite suite = null;
    try {
      postgres.createDatabase("registry");

      Map<String, String> common = new HashMap<>();
      common.put("OIDC_PUBLIC_KEY", testPublicKey());
      common.put("OIDC_TOKEN_ISSUER", TestTokens.ISSUER);
      common.put("OTEL_SDK_DISABLED", "true");

      Map<String, String> registryEnv = new HashMap<>(common);
      registryEnv.put("DB_HOST", "127.0.0.1");
      registryEnv.put("DB_PORT", Integer.toString(postgres.port));
      registryEnv.put("DB_NAME", "registry");
      registryEnv.put("DB_USER", "postgres");
      registryEnv.put("DB_PASSWORD", "");
      registryEnv.put("DB_ACQUISITION_TIMEOUT", ACQUISITION_TIMEOUT.toSeconds() + "S");
      int registryPort = Ports.free();
      registryEnv.put("HTTP_PORT", Integer.toString(registryPort));
      registryEnv.put("MANAGEMENT_PORT", Integer.toString(Ports.free()));
      ServiceProcess registry =
          new ServiceProcess(
              "registry-service",
              root.resolve("registry-service"),
              registryPort,
              registryEnv,
              workDir,
              marker);

      Map<String, String> gatewayEnv = new HashMap<>(common);
      int gatewayPort = Ports.free();
      gatewayEnv.put("HTTP_PORT", Integer.toString(gatewayPort));
      gatewayEnv.put("MANAGEMENT_PORT", Integer.toString(Ports.free()));
      gatewayEnv.put("REGISTRY_URL", registry.baseUrl());
      gatewayEnv.put("REGISTRY_MANAGEMENT_URL", registry.managementUrl());
      // Only registry-service runs here; nothing listens on port 1.
      gatewayEnv.put("MILESTONE_URL", "http://127.0.0.1:1");
      gatewayEnv.put("QUALITY_URL", "http://127.0.0.1:1");
      gatewayEnv.put("GATEWAY_BACKENDS_MILESTONE_REQUIRED_FOR_READINESS", "false");
      gatewayEnv.put("GATEWAY_BACKENDS_QUALITY_REQUIRED_FOR_READINESS", "false");
      gatewayEnv.put(
          "GATEWAY_BACKENDS_REGISTRY_FAILURE_THRESHOLD", Integer.toString(FAILURE_THRESHOLD));
      gatewayEnv.put("GATEWAY_BACKENDS_REGISTRY_OPEN_DURATION", OPEN_DURATION.toSeconds() + "s");
      gatewayEnv.put("RATE_LIMIT_DEFAULT", "1000000");
      gatewayEnv.put("RATE_LIMIT_PUBLIC", "1000000");
      ServiceProcess gateway =
          new ServiceProcess(
              "gateway", root.resolve("gateway"), gatewayPort, gatewayEnv, workDir, marker);

      suite = new FaultSuite(workDir, postgres, registry, gateway);
      Runtime.getRuntime().addShutdownHook(suite.shutdownHook);
      registry.start(START_WITHIN);
      gateway.start(START_WITHIN);
      return suite;
    } catch (Exception | Error e) {
      if (suite != null) {
        suite.close();
      } else {
        postgres.close();
      }
      throw e;
    }
  }

  /** Everything that ran, stopped; the cluster removed. Also on failure, also from the hook. */
  private synchronized void stopAll() {
    gateway.close();
    registry.close();
    postgres.close();
  }

  @Override
  public void close() {
    stopAll();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or has run
    }
  }

  /** The last lines of every log, for a failed test's report. */
  public String logTails(int lines) {
    return "----- registry-service -----\n"
        + registry.tail(lines)
        + "\n----- gateway -----\n"
        + gateway.tail(lines)
        + "\n----- postgres -----\n"
        + postgres.tail(lines);
  }

  /**
   * The public half of platform-testing's test key (which TestTokens signs with), in the base64
   * form OIDC_PUBLIC_KEY takes. Derived from the private key so that there is one key file.
   */
  static String testPublicKey() throws IOException, GeneralSecurityException {
    try (InputStream in = TestTokens.class.getResourceAsStream("/test-keys/test-private.pem")) {
      if (in == null) {
        throw new IllegalStateException("platform-testing's test key is not on the class path");
      }
      String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
      byte[] der = Base64.getDecoder().decode(pem.replaceAll("-----[A-Z ]+-----|\\s", ""));
      KeyFactory rsa = KeyFactory.getInstance("RSA");
      RSAPrivateCrtKey key = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(der));
      return Base64.getEncoder()
          .encodeToString(
              rsa.generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()))
                  .getEncoded());
    }
  }
}
