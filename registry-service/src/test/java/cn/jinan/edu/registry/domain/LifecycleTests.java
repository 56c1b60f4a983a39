package cn.jinan.edu.registry.domain;

import static cn.jinan.edu.registry.domain.RegistrationState.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinan.edu.platform.lifecycle.Lifecycle;
import cn.jinan.edu.platform.lifecycle.Transition;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class LifecycleTests {
  private final Lifecycle<RegistrationState, Action> machine = RegistrationLifecycle.REGISTRATION;

  private static RegistrationState next(
      Lifecycle<RegistrationState, Action> m, RegistrationState from, Action a) {
    Transition<RegistrationState, Action> t = m.attempt(from, a);
    assertTrue(t.moved(), from + " " + a + ": " + t);
    return ((Transition.Moved<RegistrationState, Action>) t).to();
  }

  @Test
  void happyPathToExpiry() {
    RegistrationState s = DRAFT;
    for (Action a :
        List.of(Action.SUBMIT, Action.APPROVE, Action.FILE, Action.ACTIVATE, Action.EXPIRE)) {
      s = next(machine, s, a);
    }
    assertEquals(EXPIRED, s);
  }

  @Test
  void returnedGoesBackToTheSchoolAndCanBeResubmitted() {
    assertEquals(RETURNED, next(machine, SUBMITTED, Action.RETURN));
    assertEquals(SUBMITTED, next(machine, RETURNED, Action.SUBMIT));
  }

  @Test
  void terminalStatesAllowNothing() {
    for (RegistrationState s : EnumSet.of(REJECTED, EXPIRED, TERMINATED, REVOKED)) {
      assertTrue(machine.allowed(s).isEmpty(), s.name());
    }
  }

  @Test
  void refusalListsTheAllowedActions() {
    Transition.Refused<?, ?> refused =
        assertInstanceOf(Transition.Refused.class, machine.attempt(DRAFT, Action.FILE));
    assertEquals(List.of(Action.SUBMIT), refused.allowed());
    assertEquals(
        List.of(Action.WITHDRAW, Action.APPROVE, Action.RETURN, Action.REJECT),
        List.copyOf(machine.allowed(SUBMITTED)));
  }

  @Test
  void filedOrActiveCanBeRevokedOrTerminatedButNotRefiled() {
    assertEquals(REVOKED, next(machine, ACTIVE, Action.REVOKE));
    assertEquals(TERMINATED, next(machine, FILED, Action.TERMINATE));
    assertFalse(machine.attempt(FILED, Action.FILE).moved());
  }

  @Test
  void amendmentsStopAtFiled() {
    assertEquals(FILED, next(RegistrationLifecycle.AMENDMENT, DISTRICT_APPROVED, Action.FILE));
    assertTrue(RegistrationLifecycle.AMENDMENT.allowed(FILED).isEmpty());
  }

  @Test
  void theRegistrationMachineIsTheReviewThenTheTimeInForce() {
    for (RegistrationState s : RegistrationState.values()) {
      if (!RegistrationLifecycle.IN_FORCE.contains(s)) {
        assertEquals(RegistrationLifecycle.REVIEW.allowed(s), machine.allowed(s), s.name());
      }
    }
    assertEquals(
        List.of(Action.REVOKE, Action.TERMINATE, Action.ACTIVATE, Action.EXPIRE),
        List.copyOf(machine.allowed(FILED)));
  }

  @Test
  void commentsRequiredWhereTheRulesSaySo() {
    assertTrue(Action.RETURN.requiresComment);
    assertTrue(Action.REJECT.requiresComment);
    assertTrue(Action.REVOKE.requiresComment);
    assertEquals(false, Action.APPROVE.requiresComment);
  }
}
