package cn.jinan.edu.platform.data.imports;

import cn.jinan.edu.platform.problem.FieldError;
import cn.jinan.edu.platform.problem.ProblemException;
import cn.jinan.edu.platform.problem.ProblemType;
import java.util.List;
import java.util.Map;

/**
 * How an import treats refused rows: a dry run writes nothing; otherwise all-or-nothing unless
 * {@code partial}, when the valid rows are written and the refused ones reported.
 */
public record ImportMode(boolean dryRun, boolean partial) {

  /** Whether a run with these conflicts writes its valid rows. */
  public boolean writes(List<ImportConflict> conflicts) {
    return !dryRun && (conflicts.isEmpty() || partial);
  }

  /**
   * The summary as the answer: for an all-or-nothing import with conflicts, a 422 problem carrying
   * the summary (nothing was written); otherwise the summary itself.
   */
  public ImportSummary answer(ImportSummary summary) {
    if (dryRun || partial || summary.conflicts().isEmpty()) {
      return summary;
    }
    throw new ProblemException(
        ProblemType.UNPROCESSABLE,
        422,
        summary.rejected()
            + " row(s) refused; nothing was imported (send partial=true to import the valid rows)",
        summary.conflicts().stream()
            .limit(100)
            .map(
                c ->
                    new FieldError(
                        "rows[" + c.row() + "]." + c.field(), c.code() + ": " + c.reason()))
            .toList(),
        Map.of("summary", summary),
        Map.of());
  }
}
