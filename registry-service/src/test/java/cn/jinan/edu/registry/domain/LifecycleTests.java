package cn.jinan.edu.registry.domain;

import static cn.jinan.edu.registry.domain.RegistrationState.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LifecycleTests {
  private final Lifecycle machine = Lifecycle.REGISTRATION;

  @Test
  void happyPathToExpiry() {
    RegistrationState s = DRAFT;
    for (Action a :
        List.of(Action.SUBMIT, Action.APPROVE, Action.FILE, Action.ACTIVATE, Action.EXPIRE)) {
      s = machine.next(s, a);
    }
    assertEquals(EXPIRED, s);
  }

  @Test
  void returnedGoesBackToTheSchoolAndCanBeResubmitted() {
    assertEquals(RETURNED, machine.next(SUBMITTED, Action.RETURN));
    assertEquals(SUBMITTED, machine.next(RETURNED, Action.SUBMIT));
  }

  @Test
  void terminalStatesAllowNothing() {
    for (RegistrationState s : EnumSet.of(REJECTED, EXPIRED, TERMINATED, REVOKED)) {
      assertTrue(machine.allowed(s).isEmpty(), s.name());
    }
  }

  @Test
  void refusalListsTheAllowedActions() {
    Lifecycle.TransitionRefused e =
        assertThrows(Lifecycle.TransitionRefused.class, () -> machine.next(DRAFT, Action.FILE));
    assertEquals(List.of(Action.SUBMIT), e.allowed);
    assertEquals(
        List.of(Action.WITHDRAW, Action.APPROVE, Action.RETURN, Action.REJECT),
        List.copyOf(machine.allowed(SUBMITTED)));
  }

  @Test
  void filedOrActiveCanBeRevokedOrTerminatedButNotRefiled() {
    assertEquals(REVOKED, machine.next(ACTIVE, Action.REVOKE));
    assertEquals(TERMINATED, machine.next(FILED, Action.TERMINATE));
    assertThrows(Lifecycle.TransitionRefused.class, () -> machine.next(FILED, Action.FILE));
  }

  @Test
  void amendmentsStopAtFiled() {
    assertEquals(FILED, Lifecycle.AMENDMENT.next(DISTRICT_APPROVED, Action.FILE));
    assertTrue(Lifecycle.AMENDMENT.allowed(FILED).isEmpty());
  }

  @Test
  void crossDistrictNeedsEveryDistrict() {
    Set<String> required = Set.of("370102", "370103");
    assertEquals(SUBMITTED, machine.afterApproval(required, Set.of("370102")));
    assertEquals(DISTRICT_APPROVED, machine.afterApproval(required, required));
  }

  @Test
  void commentsRequiredWhereTheRulesSaySo() {
    assertTrue(Action.RETURN.requiresComment);
    assertTrue(Action.REJECT.requiresComment);
    assertTrue(Action.REVOKE.requiresComment);
    assertEquals(false, Action.APPROVE.requiresComment);
  }
}
