package cn.jinan.edu.platform.paging;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The keyset paging parameters of every list in the suite, taken with {@code @BeanParam PageParams
 * page}: {@code after} (the {@code nextCursor} of the previous page; none for the first) and {@code
 * limit}. Documented once, validated by {@link Paging}.
 */
public class PageParams {
  @Parameter(
      description = "游标 the nextCursor of the previous page; leave out for the first page",
      example = "0")
  @QueryParam("after")
  String after;

  @Parameter(description = "每页条数 items per page, 1–200 (default 50)", example = "50")
  @QueryParam("limit")
  Integer limit;

  /** The cursor as sent (null for the first page), for lists with opaque cursors. */
  public String cursor() {
    return after == null || after.isBlank() ? null : after;
  }

  /** A numeric cursor: after the row with this id (0 = from the start), or 400 naming "after". */
  public long afterId() {
    return Paging.afterId(after);
  }

  /** The page size, or 400 naming "limit". */
  public int limit() {
    return Paging.limit(limit);
  }
}
