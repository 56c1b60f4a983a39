package cn.jinan.edu.deploy.validation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Validates rendered overlays: {@code Validate --repo DIR [--ha FILE]... [FILE]...}. Files after
 * {@code --ha} are held to the production rules as well. Prints every finding and exits 1 if there
 * is any.
 */
public final class Validate {
  private Validate() {}

  public static void main(String[] args) {
    Path repo = Path.of(".");
    List<Path> plain = new ArrayList<>();
    List<Path> ha = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--repo" -> repo = Path.of(args[++i]);
        case "--ha" -> ha.add(Path.of(args[++i]));
        default -> plain.add(Path.of(args[i]));
      }
    }
    int findings = 0;
    for (Path file : plain) {
      findings += report(file, validate(Manifest.read(file), repo, false));
    }
    for (Path file : ha) {
      findings += report(file, validate(Manifest.read(file), repo, true));
    }
    if (findings > 0) {
      System.out.println("Manifest validation: " + findings + " finding(s).");
      System.exit(1);
    }
    System.out.println("Manifest validation (fabric8 schema, policies, environment): no findings.");
  }

  /**
   * All findings for one rendered overlay: schema, policies, topology (namespaces, selectors,
   * references, edge), runbooks, environment cross-check.
   */
  public static List<String> validate(Manifest manifest, Path repo, boolean highAvailability) {
    List<String> findings = new ArrayList<>();
    StrictSchema schema = new StrictSchema();
    manifest.resources().forEach(r -> findings.addAll(schema.check(r)));
    // Policies read fields by name: only meaningful once every object has the right shape.
    if (findings.isEmpty()) {
      findings.addAll(new Policies(highAvailability).check(manifest));
      findings.addAll(new Topology().check(manifest));
      findings.addAll(new Runbooks(repo).check(manifest));
      findings.addAll(new EnvCrossCheck(repo).check(manifest));
    }
    return findings;
  }

  private static int report(Path file, List<String> findings) {
    Map<String, Integer> kinds = new TreeMap<>();
    Manifest.read(file).resources().forEach(r -> kinds.merge(r.kind(), 1, Integer::sum));
    System.out.println(file.getFileName() + ": " + kinds + (findings.isEmpty() ? ": ok" : ""));
    findings.forEach(f -> System.out.println("  FAIL " + f));
    return findings.size();
  }
}
