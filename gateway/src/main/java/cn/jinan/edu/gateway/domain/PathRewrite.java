package cn.jinan.edu.gateway.domain;

/** Maps a gateway path onto the backend: the route prefix is replaced by the rewrite prefix. */
public final class PathRewrite {
  private PathRewrite() {}

  /** True when {@code path} is the prefix itself or lies below it (not "/registryx"). */
  public static boolean under(String path, String prefix) {
    return path.equals(prefix) || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/");
  }

  /** The path below the prefix, always starting with "/", e.g. "/api/v1/units". */
  public static String remainder(String path, String prefix) {
    String rest = path.length() > prefix.length() ? path.substring(prefix.length()) : "";
    return rest.isEmpty() ? "/" : rest.startsWith("/") ? rest : "/" + rest;
  }

  /** The backend path: {@code rewrite} (often empty: prefix stripped) followed by the remainder. */
  public static String backendPath(String path, String prefix, String rewrite) {
    String rest = remainder(path, prefix);
    String target = rewrite == null ? "" : rewrite.trim();
    if (target.endsWith("/")) {
      target = target.substring(0, target.length() - 1);
    }
    return target + rest;
  }
}
