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

  /**
   * The Location a client should see for a backend's Location header: a backend URL (absolute on
   * the backend's origin, or an absolute path) becomes the gateway's route path, on {@code
   * gatewayBase} when the backend sent an absolute URL. Anything else (another host, a relative
   * reference, a path outside the route's rewrite) is returned unchanged.
   *
   * @param backendOrigin e.g. "http://registry-service:8081"
   * @param gatewayBase e.g. "https://api.edu.jinan.gov.cn" (no trailing slash)
   */
  public static String location(
      String location, String backendOrigin, String prefix, String rewrite, String gatewayBase) {
    if (location == null || location.isEmpty()) {
      return location;
    }
    String origin = stripSlash(backendOrigin);
    boolean absolute = false;
    String path;
    if (location.regionMatches(true, 0, origin, 0, origin.length())
        && (location.length() == origin.length()
            || "/?#".indexOf(location.charAt(origin.length())) >= 0)) {
      absolute = true;
      path = location.substring(origin.length());
      if (path.isEmpty() || path.charAt(0) != '/') {
        path = "/" + path;
      }
    } else if (location.startsWith("/") && !location.startsWith("//")) {
      path = location;
    } else {
      return location;
    }
    String target = rewrite == null ? "" : stripSlash(rewrite.trim());
    String mapped;
    if (target.isEmpty()) {
      mapped = stripSlash(prefix) + path;
    } else if (path.startsWith(target) && "/?#".indexOf(charAt(path, target.length())) >= 0) {
      mapped = stripSlash(prefix) + path.substring(target.length());
    } else {
      return location;
    }
    return absolute ? stripSlash(gatewayBase) + mapped : mapped;
  }

  private static char charAt(String s, int i) {
    return i < s.length() ? s.charAt(i) : '/';
  }

  private static String stripSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }
}
