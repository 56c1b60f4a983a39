package cn.jinan.edu.platform.web;

import cn.jinan.edu.platform.problem.ProblemException;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.function.Function;

/**
 * Parameters of simple types are converted strictly and a refusal names the parameter (400). JAX-RS
 * would read any word but "true" as false — {@code dryRun=ture} would silently write — and answers
 * an unreadable number or date with a bare 404.
 */
@Provider
public class StrictParams implements ParamConverterProvider {

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public <T> ParamConverter<T> getConverter(
      Class<T> rawType, Type genericType, Annotation[] annotations) {
    String name = name(annotations);
    if (rawType == boolean.class || rawType == Boolean.class) {
      return (ParamConverter<T>) new Strict<>(name, StrictParams::bool);
    }
    if (rawType == int.class || rawType == Integer.class) {
      return (ParamConverter<T>)
          new Strict<>(name, v -> number(v, Integer::valueOf, "an integer (整数)"));
    }
    if (rawType == long.class || rawType == Long.class) {
      return (ParamConverter<T>)
          new Strict<>(name, v -> number(v, Long::valueOf, "an integer (整数)"));
    }
    if (rawType == LocalDate.class) {
      return (ParamConverter<T>) new Strict<>(name, StrictParams::date);
    }
    if (rawType.isEnum()) {
      return (ParamConverter<T>) new Strict<>(name, v -> constant((Class) rawType, v));
    }
    return null;
  }

  static String name(Annotation[] annotations) {
    for (Annotation a : annotations == null ? new Annotation[0] : annotations) {
      if (a instanceof QueryParam q) {
        return q.value();
      }
      if (a instanceof HeaderParam h) {
        return h.value();
      }
      if (a instanceof PathParam p) {
        return p.value();
      }
    }
    return "parameter";
  }

  // 1 and 0 are accepted too: RESTEasy Reactive itself passes "0" for an absent primitive
  // boolean without a default.
  private static Boolean bool(String v) {
    if (v.equalsIgnoreCase("true") || v.equals("1")) {
      return Boolean.TRUE;
    }
    if (v.equalsIgnoreCase("false") || v.equals("0")) {
      return Boolean.FALSE;
    }
    throw new IllegalArgumentException("须为 true 或 false (must be true or false)");
  }

  private static <N> N number(String v, Function<String, N> parse, String what) {
    try {
      return parse.apply(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("须为" + what);
    }
  }

  private static LocalDate date(String v) {
    try {
      return LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("须为日期 YYYY-MM-DD (must be a date YYYY-MM-DD)");
    }
  }

  private static <E extends Enum<E>> E constant(Class<E> type, String v) {
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(v)) {
        return e;
      }
    }
    throw new IllegalArgumentException(
        "须为以下之一 (must be one of) " + Arrays.toString(type.getEnumConstants()));
  }

  /** Converts with {@code parse}; an empty value is absent, anything unreadable is refused. */
  record Strict<T>(String name, Function<String, T> parse) implements ParamConverter<T> {
    @Override
    public T fromString(String value) {
      if (value == null) {
        return null;
      }
      String v = value.trim();
      try {
        return parse.apply(v);
      } catch (IllegalArgumentException e) {
        throw ProblemException.invalid(name, e.getMessage() + ", not '" + value + "'");
      }
    }

    @Override
    public String toString(T value) {
      return value == null ? null : value.toString();
    }
  }
}
