package cn.jinan.edu.deploy.validation;

import cn.jinan.edu.deploy.validation.Manifest.Resource;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every environment variable a service reads is set in its Deployment or documented as optional in
 * docs/configuration.md; every variable a Deployment sets is one the service reads (a typo such as
 * DB_HOTS would otherwise leave the default in force without a word).
 *
 * <p>"Reads" means a {@code ${VAR}} or {@code ${VAR:default}} in the service's
 * application.properties, in platform's microprofile-config.properties and, for the services with a
 * database, in platform-data's, outside the test, dev and local profiles.
 */
public final class EnvCrossCheck {
  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");
  private static final Pattern DOC_NAME = Pattern.compile("`([A-Z][A-Z0-9_]*)`");

  /** Must come from the manifests whatever their default: a default here would be wrong. */
  static final Set<String> REQUIRED_IN_KUBERNETES =
      Set.of("OIDC_ISSUER_URL", "DB_HOST", "DB_PORT", "DB_NAME", "DB_USER", "DB_PASSWORD");

  /** Read by the image or Quarkus itself rather than by a ${VAR} in the properties. */
  private static final List<String> RUNTIME_PREFIXES = List.of("QUARKUS_", "OTEL_");

  private static final Set<String> RUNTIME_NAMES = Set.of("JAVA_OPTS_APPEND", "JAVA_MAX_RAM_RATIO");

  /** The gateway's route and backend tables are config maps keyed by name (gateway/README.md). */
  private static final Map<String, List<String>> MAPPED_PREFIXES =
      Map.of("gateway", List.of("GATEWAY_BACKENDS_", "GATEWAY_ROUTES_", "GATEWAY_RATE_LIMITS_"));

  /** A documented variable: its default column, and whether the docs call it required. */
  record Documented(String defaultText, boolean required) {}

  /** A variable a service reads, with the default its properties give. */
  record Read(String name, String defaultValue, String where) {}

  private final Path repo;
  private final Map<String, Documented> documented;

  public EnvCrossCheck(Path repo) {
    this.repo = repo;
    this.documented = documented(read(repo.resolve("docs/configuration.md")));
  }

  public List<String> check(Manifest manifest) {
    List<String> findings = new ArrayList<>();
    for (Resource deployment : manifest.ofKind("Deployment")) {
      Path properties =
          repo.resolve(deployment.name()).resolve("src/main/resources/application.properties");
      if (!Files.isRegularFile(properties)) {
        findings.add(
            deployment.label() + ": no service module " + deployment.name() + " to cross-check");
        continue;
      }
      JsonNode container = serviceContainer(deployment);
      Map<String, String> env = Environment.of(manifest, container);
      Map<String, Read> reads = reads(deployment.name());
      checkReads(deployment, reads, env, findings);
      checkSets(deployment, reads, env, findings);
    }
    return findings;
  }

  /** The variables one service reads, in its effective (production) configuration. */
  Map<String, Read> reads(String service) {
    List<Path> files = new ArrayList<>();
    files.add(repo.resolve(service).resolve("src/main/resources/application.properties"));
    files.add(repo.resolve("platform/src/main/resources/META-INF/microprofile-config.properties"));
    if (read(repo.resolve(service).resolve("pom.xml"))
        .contains("<artifactId>platform-data</artifactId>")) {
      files.add(
          repo.resolve("platform-data/src/main/resources/META-INF/microprofile-config.properties"));
    }
    Map<String, Read> reads = new TreeMap<>();
    for (Path file : files) {
      if (!Files.isRegularFile(file)) {
        continue;
      }
      for (String line : read(file).split("\n")) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("!")) {
          continue;
        }
        // Only the prod profile and unprofiled keys are in force in a deployment.
        if (trimmed.startsWith("%") && !trimmed.startsWith("%prod.")) {
          continue;
        }
        Matcher m = PLACEHOLDER.matcher(trimmed);
        while (m.find()) {
          String name = m.group(1);
          String def = m.group(2);
          Read previous = reads.get(name);
          // An unprofiled default is replaced by a %prod one, as Quarkus does.
          if (previous == null || trimmed.startsWith("%prod.")) {
            reads.put(name, new Read(name, def, repo.relativize(file).toString()));
          }
        }
      }
    }
    return reads;
  }

  private void checkReads(
      Resource deployment,
      Map<String, Read> reads,
      Map<String, String> env,
      List<String> findings) {
    boolean clientCredentials =
        reads.containsKey("PEER_TOKEN_MODE")
            && "client-credentials"
                .equals(
                    env.getOrDefault("PEER_TOKEN_MODE", prodDefault(reads.get("PEER_TOKEN_MODE"))));
    for (Read read : reads.values()) {
      if (env.containsKey(read.name())) {
        continue;
      }
      Documented doc = documented.get(read.name());
      String why = null;
      if (REQUIRED_IN_KUBERNETES.contains(read.name())) {
        why = "must be set in Kubernetes";
      } else if (clientCredentials
          && (read.name().equals("OIDC_CLIENT_ID") || read.name().equals("OIDC_CLIENT_SECRET"))) {
        why = "needed for client-credentials peer calls";
      } else if (read.defaultValue() != null
          && (read.defaultValue().contains("127.0.0.1")
              || read.defaultValue().contains("localhost"))) {
        why = "its default (" + read.defaultValue() + ") points at this machine, not at a Service";
      } else if (doc == null) {
        why = "neither set nor documented in docs/configuration.md";
      } else if (doc.required()) {
        why = "docs/configuration.md calls it required";
      }
      if (why != null) {
        findings.add(
            deployment.label()
                + ": reads "
                + read.name()
                + " ("
                + read.where()
                + ") but it is not set: "
                + why);
      }
    }
  }

  private void checkSets(
      Resource deployment,
      Map<String, Read> reads,
      Map<String, String> env,
      List<String> findings) {
    for (String name : env.keySet()) {
      if (name.startsWith("<")
          || reads.containsKey(name)
          || documented.containsKey(name)
          || RUNTIME_NAMES.contains(name)
          || RUNTIME_PREFIXES.stream().anyMatch(name::startsWith)
          || MAPPED_PREFIXES.getOrDefault(deployment.name(), List.of()).stream()
              .anyMatch(name::startsWith)) {
        continue;
      }
      findings.add(
          deployment.label()
              + ": sets "
              + name
              + " but "
              + deployment.name()
              + " never reads it (a typo? not in its properties nor in docs/configuration.md)");
    }
  }

  private static String prodDefault(Read read) {
    return read == null || read.defaultValue() == null ? "" : read.defaultValue();
  }

  private static JsonNode serviceContainer(Resource deployment) {
    JsonNode containers = deployment.tree().at("/spec/template/spec/containers");
    for (JsonNode c : containers) {
      if (c.path("name").asText().equals(deployment.name())) {
        return c;
      }
    }
    return containers.path(0);
  }

  /** Rows of the tables in docs/configuration.md: | `NAME`, `OTHER` | default | meaning |. */
  static Map<String, Documented> documented(String markdown) {
    Map<String, Documented> out = new LinkedHashMap<>();
    for (String line : markdown.split("\n")) {
      if (!line.startsWith("|")) {
        continue;
      }
      String[] cells = line.split("\\|", -1);
      if (cells.length < 4) {
        continue;
      }
      String defaultText = cells[2].strip();
      boolean required = defaultText.toLowerCase(Locale.ROOT).contains("required");
      Matcher m = DOC_NAME.matcher(cells[1]);
      while (m.find()) {
        out.putIfAbsent(m.group(1), new Documented(defaultText, required));
      }
    }
    return out;
  }

  private static String read(Path file) {
    try {
      return Files.isRegularFile(file) ? Files.readString(file) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
