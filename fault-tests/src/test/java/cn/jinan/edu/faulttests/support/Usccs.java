package cn.jinan.edu.faulttests.support;

import cn.jinan.edu.platform.ids.Uscc;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** Fresh valid USCCs of Lixia district schools (12 = public institution, 370102 = 历下区). */
public final class Usccs {
  private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final AtomicInteger COUNTER = new AtomicInteger();

  /** Two characters that differ between runs, so a reused database would not clash either. */
  public static final String RUN = "" + pick() + pick();

  private Usccs() {}

  public static String next() {
    String first17 = String.format("12370102M%s%06d", RUN, COUNTER.incrementAndGet());
    return Uscc.complete(first17);
  }

  /** What every USCC of this run starts with, for counting them in the database. */
  public static String prefix() {
    return "12370102M" + RUN;
  }

  private static char pick() {
    return ALPHABET.charAt(ThreadLocalRandom.current().nextInt(10, ALPHABET.length()));
  }
}
