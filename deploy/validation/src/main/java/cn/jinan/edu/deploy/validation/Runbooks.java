package cn.jinan.edu.deploy.validation;

import cn.jinan.edu.deploy.validation.Manifest.Resource;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Every alert of a PrometheusRule has a severity and a runbook_url whose anchor is a heading of
 * docs/operations.md, so that whoever is paged lands on the section that says what to do.
 */
public final class Runbooks {
  static final String DOC = "docs/operations.md";

  private final Set<String> anchors;

  public Runbooks(Path repo) {
    try {
      this.anchors = anchors(Files.readString(repo.resolve(DOC)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
  static Set<String> anchors(String markdown) {
    Set<String> out = new HashSet<>();
    boolean fenced = false;
    for (String line : markdown.split("\n")) {
      if (line.startsWith("```")) {
        fenced = !fenced;
      }
      if (!fenced && line.matches("#{1,6} .*")) {
        String text = line.replaceFirst("^#+ ", "").strip().toLowerCase(Locale.ROOT);
        out.add(text.replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
      }
    }
    return out;
  }

  public List<String> check(Manifest manifest) {
    List<String> findings = new ArrayList<>();
    for (Resource r : manifest.ofKind("PrometheusRule")) {
      for (JsonNode group : r.tree().at("/spec/groups")) {
        for (JsonNode rule : group.path("rules")) {
          if (!rule.has("alert")) {
            continue;
          }
          String where = r.label() + " alert " + rule.path("alert").asText();
          if (rule.at("/labels/severity").asText("").isEmpty()) {
            findings.add(where + ": no severity label");
          }
          String url = rule.at("/annotations/runbook_url").asText("");
          int hash = url.indexOf('#');
          if (hash < 0 || !url.substring(0, hash).endsWith(DOC)) {
            findings.add(where + ": runbook_url must point to a section of " + DOC);
          } else if (!anchors.contains(url.substring(hash + 1))) {
            findings.add(where + ": " + DOC + " has no section #" + url.substring(hash + 1));
          }
        }
      }
    }
    return findings;
  }
}
