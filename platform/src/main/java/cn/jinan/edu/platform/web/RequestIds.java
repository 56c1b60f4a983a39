package cn.jinan.edu.platform.web;

import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/** Request correlation: one id per request, taken from the caller when it is safe to log. */
public final class RequestIds {
  public static final String HEADER = "X-Request-Id";
  public static final String MDC_KEY = "requestId";

  // Anything else could smuggle line breaks or markup into logs, so it is replaced.
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  private RequestIds() {}

  public static String acceptOrGenerate(String incoming) {
    if (incoming != null && SAFE.matcher(incoming).matches()) {
      return incoming;
    }
    return UUID.randomUUID().toString();
  }

  /** The id of the request being handled, or null outside a request. */
  public static String current() {
    Object value = MDC.get(MDC_KEY);
    return value == null ? null : value.toString();
  }
}
