package cn.jinan.edu.platform.web;

import cn.jinan.edu.platform.problem.ProblemException;

/** Versions as entity tags: GET returns ETag "n"; changes must send If-Match "n". */
public final class ETags {
  private ETags() {}

  public static String of(long version) {
    return "\"" + version + "\"";
  }

  /**
   * Checks If-Match against the current version: 428 when missing, 412 when it does not match.
   * Accepts "n", W/"n" and a bare n.
   */
  public static void requireMatch(String ifMatch, long currentVersion) {
    if (ifMatch == null || ifMatch.isBlank()) {
      throw ProblemException.preconditionRequired("If-Match");
    }
    String v = ifMatch.trim();
    if (v.equals("*")) {
      return;
    }
    if (v.startsWith("W/")) {
      v = v.substring(2);
    }
    v = v.replace("\"", "");
    if (!v.equals(Long.toString(currentVersion))) {
      throw ProblemException.preconditionFailed(
          "If-Match "
              + ifMatch
              + " does not match the current version "
              + of(currentVersion)
              + "; read the resource again");
    }
  }
}
