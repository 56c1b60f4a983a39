package cn.jinan.edu.milestone.domain;

import java.util.List;
import java.util.Map;

/**
 * The review of a progress report, enforced on the server.
 *
 * <pre>
 * (report) → SUBMITTED ─accept→ ACCEPTED ─reopen→ RETURNED ─edit (resubmit)→ SUBMITTED
 *                └──────return→ RETURNED
 * </pre>
 */
public final class ReportLifecycle {
  private ReportLifecycle() {}

  private static final Map<ReportState, Map<ReportAction, ReportState>> TABLE =
      Map.of(
          ReportState.SUBMITTED,
          Map.of(
              ReportAction.ACCEPT, ReportState.ACCEPTED, ReportAction.RETURN, ReportState.RETURNED),
          ReportState.ACCEPTED,
          Map.of(ReportAction.REOPEN, ReportState.RETURNED),
          ReportState.RETURNED,
          Map.of());

  /** Actions allowed from a state, in declaration order. */
  public static List<ReportAction> allowed(ReportState from) {
    return java.util.Arrays.stream(ReportAction.values())
        .filter(a -> TABLE.get(from).containsKey(a))
        .toList();
  }

  /** The state after the action, or a refusal naming the allowed actions. */
  public static ReportState next(ReportState from, ReportAction action) {
    ReportState to = TABLE.get(from).get(action);
    if (to == null) {
      throw new IllegalStateException(
          "A " + from + " report cannot be " + action.pathName() + "ed; allowed: " + allowed(from));
    }
    return to;
  }

  /** Whether the reporting unit may still change the report (not while it is accepted). */
  public static boolean editable(ReportState state) {
    return state != ReportState.ACCEPTED;
  }
}
