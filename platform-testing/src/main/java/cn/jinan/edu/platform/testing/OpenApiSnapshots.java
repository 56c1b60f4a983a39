package cn.jinan.edu.platform.testing;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

/**
 * Committed OpenAPI documents under docs/api/: a test fails when what a service publishes differs
 * from its snapshot, so API changes are seen in review. {@code -Dopenapi.snapshot.update=true}
 * rewrites the snapshot instead (keys sorted, two-space indent).
 */
public final class OpenApiSnapshots {
  public static final String UPDATE = "openapi.snapshot.update";
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private OpenApiSnapshots() {}

  /** docs/api in the repository, found upwards from the module's working directory. */
  public static Path directory() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("docs"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("no docs/ directory above " + Path.of("").toAbsolutePath());
    }
    return dir.resolve("docs").resolve("api");
  }

  public static void check(String name, String publishedJson) throws IOException {
    JsonNode published = sorted(JSON.readTree(publishedJson));
    Path file = directory().resolve(name + ".json");
    if (Boolean.getBoolean(UPDATE)) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, JSON.writeValueAsString(published) + "\n", StandardCharsets.UTF_8);
      return;
    }
    if (!Files.exists(file)) {
      fail(
          "No OpenAPI snapshot "
              + file
              + "; create it with ./mvnw verify -D"
              + UPDATE
              + "=true and commit it");
    }
    JsonNode committed = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
    List<String> differences = new ArrayList<>();
    diff("", committed, published, differences);
    if (!differences.isEmpty()) {
      fail(
          "The OpenAPI document of "
              + name
              + " differs from "
              + file
              + " in "
              + differences.size()
              + " place(s). If the change is intended, run ./mvnw verify -D"
              + UPDATE
              + "=true and commit the snapshot. First differences:\n"
              + String.join("\n", differences.subList(0, Math.min(20, differences.size()))));
    }
  }

  private static JsonNode sorted(JsonNode node) throws IOException {
    // A round trip through a map with sorted keys gives one canonical form.
    return JSON.readTree(JSON.writeValueAsString(JSON.treeToValue(node, Object.class)));
  }

  static void diff(String at, JsonNode expected, JsonNode actual, List<String> out) {
    if (expected.equals(actual)) {
      return;
    }
    if (expected.isObject() && actual.isObject()) {
      TreeSet<String> names = new TreeSet<>();
      expected.fieldNames().forEachRemaining(names::add);
      actual.fieldNames().forEachRemaining(names::add);
      for (String n : names) {
        String path = at + "/" + n.replace("~", "~0").replace("/", "~1");
        if (!expected.has(n)) {
          out.add("added   " + path);
        } else if (!actual.has(n)) {
          out.add("removed " + path);
        } else {
          diff(path, expected.get(n), actual.get(n), out);
        }
      }
      return;
    }
    if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
      Iterator<JsonNode> e = expected.elements();
      Iterator<JsonNode> a = actual.elements();
      for (int i = 0; e.hasNext(); i++) {
        diff(at + "/" + i, e.next(), a.next(), out);
      }
      return;
    }
    out.add("changed " + at + ": " + abbreviate(expected) + " → " + abbreviate(actual));
  }

  private static String abbreviate(JsonNode n) {
    String s = n.toString();
    return s.length() > 120 ? s.substring(0, 117) + "..." : s;
  }
}
