package cn.jinan.edu.quality.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinan.edu.platform.lifecycle.Transition;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApprovalLifecycleTests {

  @Test
  void theTableIsThePlansApprovalFlow() {
    var m = ApprovalLifecycle.MACHINE;
    assertEquals(ApprovalState.SUBMITTED, moved(ApprovalState.OPEN, ApprovalAction.SUBMIT));
    assertEquals(ApprovalState.SUBMITTED, moved(ApprovalState.RETURNED, ApprovalAction.SUBMIT));
    assertEquals(ApprovalState.APPROVED, moved(ApprovalState.SUBMITTED, ApprovalAction.APPROVE));
    assertEquals(ApprovalState.RETURNED, moved(ApprovalState.SUBMITTED, ApprovalAction.RETURN));
    assertEquals(ApprovalState.OPEN, moved(ApprovalState.SUBMITTED, ApprovalAction.WITHDRAW));
    assertEquals(ApprovalState.RETURNED, moved(ApprovalState.APPROVED, ApprovalAction.UNLOCK));
    assertEquals(
        List.of(ApprovalAction.APPROVE, ApprovalAction.RETURN, ApprovalAction.WITHDRAW),
        List.copyOf(m.allowed(ApprovalState.SUBMITTED)));
    assertFalse(m.isFinal(ApprovalState.APPROVED), "approved data can always be unlocked");
  }

  @Test
  void aRefusalNamesWhatTheStateAllows() {
    Transition<ApprovalState, ApprovalAction> t =
        ApprovalLifecycle.MACHINE.attempt(ApprovalState.APPROVED, ApprovalAction.SUBMIT);
    assertFalse(t.moved());
    assertEquals(
        List.of(ApprovalAction.UNLOCK),
        ((Transition.Refused<ApprovalState, ApprovalAction>) t).allowed());
  }

  @Test
  void onlyCityActionsNeedTheCityAndReturningNeedsAReason() {
    assertTrue(ApprovalAction.APPROVE.cityOnly && ApprovalAction.UNLOCK.cityOnly);
    assertFalse(ApprovalAction.SUBMIT.cityOnly || ApprovalAction.WITHDRAW.cityOnly);
    assertTrue(ApprovalAction.RETURN.requiresComment && ApprovalAction.UNLOCK.requiresComment);
    assertEquals("data.unlocked", ApprovalAction.UNLOCK.eventType);
    assertEquals(ApprovalAction.RETURN, ApprovalAction.fromPath("return").orElseThrow());
    assertTrue(ApprovalAction.fromPath("RETURN").isEmpty());
  }

  private static ApprovalState moved(ApprovalState from, ApprovalAction action) {
    return ((Transition.Moved<ApprovalState, ApprovalAction>)
            ApprovalLifecycle.MACHINE.attempt(from, action))
        .to();
  }
}
