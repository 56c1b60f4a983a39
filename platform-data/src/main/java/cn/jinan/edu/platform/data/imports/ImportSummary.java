package cn.jinan.edu.platform.data.imports;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What an import did or, for a dry run, would do; the one answer of every import in the suite
 * (DHIS2's import summary: counts and coded conflicts with the offending row).
 */
@Schema(
    name = "ImportSummary",
    description = "导入结果 What an import did or, for a dry run, would do: counts and conflicts",
    extensions = @Extension(name = "x-jinan-shared", value = "true", parseValue = true))
public record ImportSummary(
    @Schema(description = "试运行 dry run: nothing written", example = "false") boolean dryRun,
    @Schema(description = "是否已写入 whether the changes were written", example = "true")
        boolean committed,
    @Schema(description = "新增 rows that create a record", example = "120") long created,
    @Schema(description = "更新 rows that change a record", example = "3") long updated,
    @Schema(description = "忽略 rows identical to what is stored", example = "2") long ignored,
    @Schema(description = "拒绝 rows refused (each has at least one conflict)", example = "1")
        long rejected,
    @Schema(description = "冲突 why rows were refused, in row order")
        List<ImportConflict> conflicts) {

  /** The summary of a run that wrote what it counted, or nothing. */
  public static ImportSummary of(
      ImportMode mode,
      boolean committed,
      long created,
      long updated,
      long ignored,
      List<ImportConflict> conflicts) {
    long rejected = conflicts.stream().mapToLong(ImportConflict::row).distinct().count();
    return new ImportSummary(
        mode.dryRun(), committed, created, updated, ignored, rejected, List.copyOf(conflicts));
  }
}
