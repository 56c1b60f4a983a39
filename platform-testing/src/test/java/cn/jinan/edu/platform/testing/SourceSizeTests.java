package cn.jinan.edu.platform.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.CallableDeclaration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The size limits of main code, checked over the whole suite's sources (this module builds early,
 * so an oversized class fails the build before any service is tested): no file over 400 lines, no
 * method or constructor over 60 lines, counted from its first line (annotations excluded) to its
 * closing brace.
 */
class SourceSizeTests {
  static final int MAX_FILE_LINES = 400;
  static final int MAX_METHOD_LINES = 60;
  static final List<String> MODULES =
      List.of(
          "platform",
          "platform-data",
          "platform-peer",
          "platform-testing",
          "registry-service",
          "milestone-service",
          "quality-index-service",
          "gateway");

  @Test
  void mainFilesAndMethodsStayWithinTheLimits() throws IOException {
    JavaParser parser =
        new JavaParser(
            new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.BLEEDING_EDGE));
    List<String> violations = new ArrayList<>();
    for (Path file : mainSources()) {
      List<String> lines = Files.readAllLines(file);
      if (lines.size() > MAX_FILE_LINES) {
        violations.add(file + ": " + lines.size() + " lines (max " + MAX_FILE_LINES + ")");
      }
      ParseResult<CompilationUnit> parsed = parser.parse(file);
      CompilationUnit unit =
          parsed.getResult().orElseThrow(() -> new AssertionError(file + ": " + parsed));
      for (CallableDeclaration<?> m : unit.findAll(CallableDeclaration.class)) {
        int begin = m.getName().getBegin().orElseThrow().line;
        int end = m.getEnd().orElseThrow().line;
        int length = end - begin + 1;
        if (length > MAX_METHOD_LINES) {
          violations.add(
              file + ":" + begin + " " + m.getNameAsString() + " has " + length + " lines");
        }
      }
    }
    assertTrue(violations.isEmpty(), "Over the size limits:\n" + String.join("\n", violations));
  }

  private static List<Path> mainSources() throws IOException {
    Path root = Path.of("").toAbsolutePath().getParent();
    List<Path> files = new ArrayList<>();
    for (String module : MODULES) {
      Path main = root.resolve(module).resolve("src/main/java");
      if (!Files.isDirectory(main)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(main)) {
        walk.filter(p -> p.toString().endsWith(".java")).sorted().forEach(files::add);
      }
    }
    assertTrue(files.size() > 100, "found only " + files.size() + " main sources under " + root);
    return files;
  }
}
