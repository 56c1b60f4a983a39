package cn.jinan.edu.platform.data.imports;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One refused row of an import: where, a stable code a program can act on, and why. */
@Schema(
    name = "ImportConflict",
    description = "导入冲突 One refused row: row number, field, stable code and reason",
    extensions = @Extension(name = "x-jinan-shared", value = "true", parseValue = true))
public record ImportConflict(
    @Schema(description = "行号 row number (1 = first data row)", example = "3") long row,
    @Schema(description = "字段 field", example = "districtCode") String field,
    @Schema(
            description =
                "冲突代码 stable code: INVALID, DUPLICATE, FORBIDDEN, LOCKED, UNKNOWN_INDICATOR,"
                    + " UNKNOWN_UNIT, UNKNOWN_SCHOOL",
            example = "FORBIDDEN")
        String code,
    @Schema(
            description = "原因 reason in Chinese, with the English in brackets",
            example = "无权导入该区县的学校 (outside the token's district scope)")
        String reason) {

  /** Codes every import uses the same way; an import may add its own UNKNOWN_* codes. */
  public static final String INVALID = "INVALID";

  public static final String DUPLICATE = "DUPLICATE";
  public static final String FORBIDDEN = "FORBIDDEN";
  public static final String LOCKED = "LOCKED";

  /** A district code that names no unit in scope. */
  public static final String UNKNOWN_UNIT = "UNKNOWN_UNIT";

  public static ImportConflict invalid(long row, String field, String reason) {
    return new ImportConflict(row, field, INVALID, reason);
  }
}
