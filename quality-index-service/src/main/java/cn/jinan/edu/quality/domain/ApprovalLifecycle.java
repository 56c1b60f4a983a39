package cn.jinan.edu.quality.domain;

import static cn.jinan.edu.quality.domain.ApprovalAction.APPROVE;
import static cn.jinan.edu.quality.domain.ApprovalAction.RETURN;
import static cn.jinan.edu.quality.domain.ApprovalAction.SUBMIT;
import static cn.jinan.edu.quality.domain.ApprovalAction.UNLOCK;
import static cn.jinan.edu.quality.domain.ApprovalAction.WITHDRAW;
import static cn.jinan.edu.quality.domain.ApprovalState.APPROVED;
import static cn.jinan.edu.quality.domain.ApprovalState.OPEN;
import static cn.jinan.edu.quality.domain.ApprovalState.RETURNED;
import static cn.jinan.edu.quality.domain.ApprovalState.SUBMITTED;

import cn.jinan.edu.platform.lifecycle.Lifecycle;

/**
 * The approval of a district's data for a period, enforced on the server.
 *
 * <pre>
 * OPEN ─submit→ SUBMITTED ─approve→ APPROVED ─unlock→ RETURNED ─submit→ SUBMITTED
 *                  ├──────return→ RETURNED
 *                  └──────withdraw→ OPEN
 * </pre>
 */
public final class ApprovalLifecycle {
  private ApprovalLifecycle() {}

  public static final Lifecycle<ApprovalState, ApprovalAction> MACHINE =
      Lifecycle.builder(ApprovalState.class, ApprovalAction.class)
          .on(Lifecycle.states(OPEN, RETURNED), SUBMIT, SUBMITTED)
          .on(SUBMITTED, APPROVE, APPROVED)
          .on(SUBMITTED, RETURN, RETURNED)
          .on(SUBMITTED, WITHDRAW, OPEN)
          .on(APPROVED, UNLOCK, RETURNED)
          .build();

  /** The names the API uses: actions in lower case (as in the path), states as they are. */
  public static String name(Enum<?> stateOrAction) {
    return stateOrAction instanceof ApprovalAction a ? a.pathName() : stateOrAction.name();
  }
}
