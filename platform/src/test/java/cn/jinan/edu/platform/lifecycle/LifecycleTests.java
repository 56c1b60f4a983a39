package cn.jinan.edu.platform.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinan.edu.platform.problem.ProblemException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LifecycleTests {
  enum S {
    OPEN,
    SUBMITTED,
    DONE
  }

  enum A {
    SUBMIT,
    APPROVE,
    RETURN
  }

  static final Lifecycle<S, A> MACHINE =
      Lifecycle.builder(S.class, A.class)
          .on(S.OPEN, A.SUBMIT, S.SUBMITTED)
          .on(S.SUBMITTED, A.RETURN, S.OPEN)
          .on(S.SUBMITTED, A.APPROVE, S.DONE)
          .build();

  @Test
  void allowedActionsComeInDeclarationOrder() {
    assertEquals(List.of(A.APPROVE, A.RETURN), List.copyOf(MACHINE.allowed(S.SUBMITTED)));
    assertTrue(MACHINE.isFinal(S.DONE));
    assertFalse(MACHINE.isFinal(S.OPEN));
  }

  @Test
  void attemptAnswersMovedOrRefusedWithoutThrowing() {
    assertEquals(
        new Transition.Moved<>(S.OPEN, A.SUBMIT, S.SUBMITTED), MACHINE.attempt(S.OPEN, A.SUBMIT));
    Transition<S, A> refused = MACHINE.attempt(S.DONE, A.RETURN);
    assertFalse(refused.moved());
    assertEquals(List.of(), ((Transition.Refused<S, A>) refused).allowed());
  }

  @Test
  void refusalListsOnlyWhatTheCallerMayDo() {
    ProblemException e =
        assertThrows(
            ProblemException.class,
            () -> MACHINE.next(S.SUBMITTED, A.SUBMIT, a -> a != A.APPROVE, n -> n.name()));
    assertEquals(409, e.status());
    Map<String, Object> ext = e.extensions();
    assertEquals("SUBMITTED", ext.get("currentState"));
    assertEquals(List.of("RETURN"), ext.get("allowedTransitions"));
    assertEquals(S.DONE, MACHINE.next(S.SUBMITTED, A.APPROVE, a -> true, Enum::name));
  }

  @Test
  void aPairCanBeDeclaredOnlyOnceAndMachinesCompose() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Lifecycle.builder(S.class, A.class)
                .on(S.OPEN, A.SUBMIT, S.SUBMITTED)
                .on(S.OPEN, A.SUBMIT, S.DONE));
    Lifecycle<S, A> extended =
        Lifecycle.builder(S.class, A.class)
            .include(MACHINE)
            .on(Lifecycle.states(S.DONE), A.RETURN, S.OPEN)
            .build();
    assertEquals(S.OPEN, extended.next(S.DONE, A.RETURN, a -> true, Enum::name));
  }
}
