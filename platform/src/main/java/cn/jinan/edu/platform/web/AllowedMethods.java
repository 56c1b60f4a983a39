package cn.jinan.edu.platform.web;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The HTTP methods the JAX-RS resources accept on a path, for the Allow header of a 405 (RFC 9110
 * §15.5.6). RESTEasy Reactive throws its NotAllowedException without that header, so the table is
 * built once from the resource classes' {@code @Path} and HTTP method annotations.
 */
public final class AllowedMethods {
  private static final List<String> ORDER =
      List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

  /** One resource method path as a regex, with the methods declared on it. */
  record Route(Pattern pattern, Set<String> methods) {}

  private static volatile List<Route> routes;

  private AllowedMethods() {}

  /**
   * The methods allowed on {@code path} (relative to the REST root, e.g. "/api/v1/schools"), in a
   * fixed order, HEAD wherever GET is and OPTIONS wherever anything is; empty when none matches.
   */
  public static List<String> on(String path) {
    return on(routes(), path);
  }

  static List<String> on(List<Route> table, String path) {
    String p = normalise(path);
    Set<String> found = new TreeSet<>();
    for (Route r : table) {
      if (r.pattern().matcher(p).matches()) {
        found.addAll(r.methods());
      }
    }
    if (found.isEmpty()) {
      return List.of();
    }
    if (found.contains("GET")) {
      found.add("HEAD");
    }
    found.add("OPTIONS"); // answered by RESTEasy Reactive for every matched path
    List<String> out = new ArrayList<>();
    ORDER.stream().filter(found::contains).forEach(out::add);
    found.stream().filter(m -> !ORDER.contains(m)).forEach(out::add);
    return out;
  }

  private static List<Route> routes() {
    List<Route> table = routes;
    if (table == null) {
      synchronized (AllowedMethods.class) {
        table = routes;
        if (table == null) {
          table = scan();
          routes = table;
        }
      }
    }
    return table;
  }

  /** Resource classes are CDI beans in Quarkus REST; their annotations give the routes. */
  private static List<Route> scan() {
    ArcContainer arc = Arc.container();
    if (arc == null) {
      return List.of();
    }
    Set<Class<?>> classes = new LinkedHashSet<>();
    for (Bean<?> bean : arc.beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
      Class<?> c = bean.getBeanClass();
      if (c != null && pathOf(c) != null) {
        classes.add(c);
      }
    }
    List<Route> table = new ArrayList<>();
    classes.forEach(c -> table.addAll(routesOf(c)));
    return List.copyOf(table);
  }

  static List<Route> routesOf(Class<?> resource) {
    String base = pathOf(resource);
    Map<String, Set<String>> byTemplate = new LinkedHashMap<>();
    List<Method> methods = new ArrayList<>(List.of(resource.getMethods()));
    for (Class<?> i : resource.getInterfaces()) {
      methods.addAll(List.of(i.getMethods())); // generated API interfaces carry the annotations
    }
    for (Method m : methods) {
      String verb = httpMethod(m);
      if (verb == null) {
        continue; // not a resource method (sub-resource locators are not used here)
      }
      Path sub = m.getAnnotation(Path.class);
      String template = join(base, sub == null ? "" : sub.value());
      byTemplate.computeIfAbsent(template, t -> new TreeSet<>()).add(verb);
    }
    List<Route> out = new ArrayList<>();
    byTemplate.forEach((t, verbs) -> out.add(new Route(toRegex(t), Set.copyOf(verbs))));
    return out;
  }

  private static String pathOf(Class<?> c) {
    Path p = c.getAnnotation(Path.class);
    if (p != null) {
      return p.value();
    }
    for (Class<?> i : c.getInterfaces()) {
      Path ip = i.getAnnotation(Path.class);
      if (ip != null) {
        return ip.value();
      }
    }
    return null;
  }

  private static String httpMethod(Method m) {
    for (Annotation a : m.getAnnotations()) {
      HttpMethod verb = a.annotationType().getAnnotation(HttpMethod.class);
      if (verb != null) {
        return verb.value();
      }
    }
    return null;
  }

  private static String join(String base, String sub) {
    return normalise(base + "/" + sub);
  }

  private static String normalise(String path) {
    String p = ("/" + (path == null ? "" : path)).replaceAll("/+", "/");
    return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
  }

  /** "/a/{id}/b/{code: \\d{6}}" → a regex; a parameter without its own regex is one segment. */
  static Pattern toRegex(String template) {
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < template.length()) {
      char ch = template.charAt(i);
      if (ch != '{') {
        literal.append(ch);
        i++;
        continue;
      }
      if (literal.length() > 0) {
        regex.append(Pattern.quote(literal.toString()));
        literal.setLength(0);
      }
      int depth = 0;
      int end = i;
      for (; end < template.length(); end++) {
        char c = template.charAt(end);
        if (c == '{') {
          depth++;
        } else if (c == '}' && --depth == 0) {
          break;
        }
      }
      String param = template.substring(i + 1, Math.min(end, template.length()));
      int colon = param.indexOf(':');
      regex
          .append("(?:")
          .append(colon < 0 ? "[^/]+" : param.substring(colon + 1).trim())
          .append(')');
      i = end + 1;
    }
    if (literal.length() > 0) {
      regex.append(Pattern.quote(literal.toString()));
    }
    return Pattern.compile(regex.toString());
  }
}
