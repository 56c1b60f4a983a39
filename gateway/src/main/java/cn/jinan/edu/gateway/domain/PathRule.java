package cn.jinan.edu.gateway.domain;

import java.util.List;
import java.util.Locale;

/**
 * A path pattern with an optional method, e.g. {@code GET /api/v1/units} or {@code /q/health/**}.
 * {@code *} matches one path segment, a trailing {@code /**} the path itself and everything below
 * it.
 */
public record PathRule(String method, List<String> segments, boolean subtree) {

  public static PathRule parse(String spec) {
    String s = spec.trim();
    String method = null;
    int space = s.indexOf(' ');
    if (space > 0) {
      method = s.substring(0, space).toUpperCase(Locale.ROOT);
      s = s.substring(space + 1).trim();
    }
    if (!s.startsWith("/")) {
      throw new IllegalArgumentException("path pattern must start with '/': " + spec);
    }
    boolean subtree = s.endsWith("/**");
    if (subtree) {
      s = s.substring(0, s.length() - 3);
    }
    return new PathRule(method, split(s), subtree);
  }

  public boolean matches(String requestMethod, String path) {
    if (method != null && !method.equalsIgnoreCase(requestMethod)) {
      // HEAD is a GET without a body.
      if (!(method.equals("GET") && "HEAD".equalsIgnoreCase(requestMethod))) {
        return false;
      }
    }
    List<String> actual = split(path);
    if (subtree ? actual.size() < segments.size() : actual.size() != segments.size()) {
      return false;
    }
    for (int i = 0; i < segments.size(); i++) {
      String p = segments.get(i);
      if (!p.equals("*") && !p.equals(actual.get(i))) {
        return false;
      }
    }
    return true;
  }

  public static boolean anyMatches(List<PathRule> rules, String method, String path) {
    for (PathRule r : rules) {
      if (r.matches(method, path)) {
        return true;
      }
    }
    return false;
  }

  private static List<String> split(String path) {
    return java.util.Arrays.stream(path.split("/")).filter(x -> !x.isEmpty()).toList();
  }
}
