package cn.jinan.edu.gateway.domain;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Hop-by-hop header fields (RFC 9110 section 7.6.1): they describe one connection and must not be
 * forwarded. Besides the fixed list, every field named in a Connection header is hop-by-hop.
 */
public final class HopByHop {
  public static final Set<String> ALWAYS =
      Set.of(
          "connection",
          "proxy-connection",
          "keep-alive",
          "te",
          "trailer",
          "transfer-encoding",
          "upgrade",
          "proxy-authenticate",
          "proxy-authorization");

  private HopByHop() {}

  /** Lower-case names to drop, given the values of the message's Connection header fields. */
  public static Set<String> namesToDrop(Collection<String> connectionValues) {
    Set<String> names = new TreeSet<>(ALWAYS);
    for (String value : connectionValues) {
      for (String token : value.split(",")) {
        String t = token.trim().toLowerCase(Locale.ROOT);
        if (!t.isEmpty()) {
          names.add(t);
        }
      }
    }
    return names;
  }
}
