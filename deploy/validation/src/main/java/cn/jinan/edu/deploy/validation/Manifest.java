package cn.jinan.edu.deploy.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One rendered overlay: the objects `kubectl kustomize` printed, in order. */
public final class Manifest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /**
   * One object of the rendered output, kept as a tree so that every check sees what was written.
   */
  public record Resource(String source, int index, ObjectNode tree) {
    public String apiVersion() {
      return tree.path("apiVersion").asText("");
    }

    public String kind() {
      return tree.path("kind").asText("");
    }

    public String name() {
      return tree.path("metadata").path("name").asText("");
    }

    /** How findings name the object: prod.yaml Deployment/gateway. */
    public String label() {
      return source + " " + kind() + "/" + name();
    }
  }

  private final String name;
  private final List<Resource> resources;

  private Manifest(String name, List<Resource> resources) {
    this.name = name;
    this.resources = List.copyOf(resources);
  }

  public static Manifest read(Path file) {
    try {
      return parse(file.getFileName().toString(), Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses multi-document YAML; empty documents (a trailing ---) are skipped. */
  public static Manifest parse(String name, String yaml) {
    List<Resource> out = new ArrayList<>();
    try (YAMLParser parser = (YAMLParser) YAML.getFactory().createParser(yaml)) {
      var docs = YAML.readValues(parser, JsonNode.class);
      int index = 0;
      while (docs.hasNext()) {
        JsonNode doc = docs.next();
        if (doc == null || doc.isNull() || doc.isMissingNode()) {
          continue;
        }
        if (!doc.isObject()) {
          throw new IllegalArgumentException(name + ": document " + index + " is not an object");
        }
        out.add(new Resource(name, index++, (ObjectNode) doc));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(name + ": not YAML", e);
    }
    return new Manifest(name, out);
  }

  public String name() {
    return name;
  }

  public List<Resource> resources() {
    return resources;
  }

  public List<Resource> ofKind(String kind) {
    return resources.stream().filter(r -> r.kind().equals(kind)).toList();
  }

  public Optional<Resource> find(String kind, String name) {
    return resources.stream()
        .filter(r -> r.kind().equals(kind) && r.name().equals(name))
        .findFirst();
  }
}
