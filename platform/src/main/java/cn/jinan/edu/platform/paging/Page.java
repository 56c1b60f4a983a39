package cn.jinan.edu.platform.paging;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a list, in a stable order. Pass {@code nextCursor} as {@code after} to read on; it is
 * null on the last page. Cursors are opaque to callers.
 */
@Schema(
    description = "分页结果 One page of results; pass nextCursor as ?after= for the next page",
    extensions = @Extension(name = "x-jinan-shared", value = "true", parseValue = true))
public record Page<T>(
    @Schema(description = "本页条目 Items of this page") List<T> items,
    @Schema(description = "下一页游标 Cursor for the next page, null on the last page", example = "1042")
        String nextCursor,
    @Schema(description = "每页条数 Page size used", example = "50") int limit) {

  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 200;

  /**
   * Builds a page from up to limit + 1 rows fetched in order: the extra row only proves that
   * another page exists.
   */
  public static <T> Page<T> of(
      List<T> rowsPlusOne, int limit, java.util.function.Function<T, String> cursorOf) {
    if (rowsPlusOne.size() > limit) {
      List<T> items = List.copyOf(rowsPlusOne.subList(0, limit));
      return new Page<>(items, cursorOf.apply(items.get(items.size() - 1)), limit);
    }
    return new Page<>(List.copyOf(rowsPlusOne), null, limit);
  }

  public <R> Page<R> map(java.util.function.Function<T, R> f) {
    return new Page<>(items.stream().map(f).toList(), nextCursor, limit);
  }
}
