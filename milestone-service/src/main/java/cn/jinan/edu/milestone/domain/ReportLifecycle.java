package cn.jinan.edu.milestone.domain;

import static cn.jinan.edu.milestone.domain.ReportAction.ACCEPT;
import static cn.jinan.edu.milestone.domain.ReportAction.EDIT;
import static cn.jinan.edu.milestone.domain.ReportAction.REOPEN;
import static cn.jinan.edu.milestone.domain.ReportAction.RETURN;
import static cn.jinan.edu.milestone.domain.ReportState.ACCEPTED;
import static cn.jinan.edu.milestone.domain.ReportState.RETURNED;
import static cn.jinan.edu.milestone.domain.ReportState.SUBMITTED;

import cn.jinan.edu.platform.lifecycle.Lifecycle;

/**
 * The review of a progress report, enforced on the server.
 *
 * <pre>
 * (report) → SUBMITTED ─accept→ ACCEPTED ─reopen→ RETURNED ─edit (resubmit)→ SUBMITTED
 *                ├──────return→ RETURNED
 *                └──────edit (correct)→ SUBMITTED
 * </pre>
 */
public final class ReportLifecycle {
  private ReportLifecycle() {}

  public static final Lifecycle<ReportState, ReportAction> REVIEW =
      Lifecycle.builder(ReportState.class, ReportAction.class)
          .on(SUBMITTED, ACCEPT, ACCEPTED)
          .on(SUBMITTED, RETURN, RETURNED)
          .on(ACCEPTED, REOPEN, RETURNED)
          .on(Lifecycle.states(SUBMITTED, RETURNED), EDIT, SUBMITTED)
          .build();

  /** The names the API uses: actions in lower case (as in the path), states as they are. */
  public static String name(Enum<?> stateOrAction) {
    return stateOrAction instanceof ReportAction a ? a.pathName() : stateOrAction.name();
  }

  /** Whether the reporting unit may still change the report (not while it is accepted). */
  public static boolean editable(ReportState state) {
    return REVIEW.allowed(state).contains(EDIT);
  }
}
