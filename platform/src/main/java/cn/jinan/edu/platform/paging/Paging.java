package cn.jinan.edu.platform.paging;

import cn.jinan.edu.platform.problem.ProblemException;

/** Validates paging parameters the same way in every service. */
public final class Paging {
  private Paging() {}

  public static int limit(Integer requested) {
    if (requested == null) {
      return Page.DEFAULT_LIMIT;
    }
    if (requested < 1 || requested > Page.MAX_LIMIT) {
      throw ProblemException.invalid("limit", "must be between 1 and " + Page.MAX_LIMIT);
    }
    return requested;
  }

  /** Numeric keyset cursor ("after the row with this id"); 0 means from the start. */
  public static long afterId(String cursor) {
    if (cursor == null || cursor.isBlank()) {
      return 0L;
    }
    try {
      long value = Long.parseLong(cursor);
      if (value < 0) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      throw ProblemException.invalid("after", "not a cursor returned by this API");
    }
  }
}
