package cn.jinan.edu.deploy.validation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

/** The valid manifest of src/test/resources, broken in one place by each test. */
final class Fixture {
  /** The repository root, seen from this module (deploy/validation). */
  static final Path REPO = Path.of("../..").toAbsolutePath().normalize();

  private Fixture() {}

  static String valid() {
    try (InputStream in = Fixture.class.getResourceAsStream("/valid.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The valid manifest with one textual replacement, which must apply exactly once. */
  static Manifest with(String from, String to) {
    return edited(text -> replaceOnce(text, from, to));
  }

  static Manifest edited(UnaryOperator<String> edit) {
    return Manifest.parse("fixture.yaml", edit.apply(valid()));
  }

  static List<String> findings(Manifest manifest) {
    return Validate.validate(manifest, REPO, false);
  }

  static String replaceOnce(String text, String from, String to) {
    int at = text.indexOf(from);
    if (at < 0 || text.indexOf(from, at + 1) >= 0) {
      throw new IllegalArgumentException("not exactly once in the fixture: " + from);
    }
    return text.substring(0, at) + to + text.substring(at + from.length());
  }
}
