package cn.jinan.edu.platform.web;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
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
    // Unique, not secret: a random version-4 UUID without SecureRandom's lock on every request.
    ThreadLocalRandom r = ThreadLocalRandom.current();
    long high = (r.nextLong() & ~0xF000L) | 0x4000L;
    long low = (r.nextLong() & ~(0xC000000000000000L)) | 0x8000000000000000L;
    return new UUID(high, low).toString();
  }

  /** The id of the request being handled, or null outside a request. */
  public static String current() {
    Object value = MDC.get(MDC_KEY);
    return value == null ? null : value.toString();
  }
}
