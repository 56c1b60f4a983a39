package cn.jinan.edu.deploy.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Validates the overlays deploy/validate.sh rendered (-Drendered.dir=DIR). Files named prod*.yaml
 * are also held to the production rules. Without the property (a plain `mvn test` here) there is
 * nothing rendered to check and the test is skipped.
 */
class RenderedOverlaysTest {
  @TestFactory
  Stream<DynamicTest> everyRenderedOverlayIsValid() throws IOException {
    String dir = System.getProperty("rendered.dir");
    Assumptions.assumeTrue(
        dir != null && !dir.isBlank(), "no -Drendered.dir: run deploy/validate.sh");
    List<Path> files;
    try (Stream<Path> list = Files.list(Path.of(dir))) {
      files = list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    Assumptions.assumeFalse(files.isEmpty(), "nothing rendered in " + dir);
    return files.stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    file.getFileName().toString(),
                    () -> {
                      boolean ha = file.getFileName().toString().startsWith("prod");
                      List<String> findings =
                          Validate.validate(Manifest.read(file), Fixture.REPO, ha);
                      assertEquals(List.of(), findings, file + (ha ? " (production rules)" : ""));
                    }));
  }
}
