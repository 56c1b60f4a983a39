package cn.jinan.edu.registry.domain;

import static cn.jinan.edu.registry.domain.RegistrationState.*;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The registration state machine, enforced on the server. An amendment of a filed registration runs
 * through the review part of the same machine (draft → submitted → district-approved → filed) while
 * the filed registration stays valid.
 *
 * <pre>
 * DRAFT ─submit→ SUBMITTED ─approve (all districts)→ DISTRICT_APPROVED ─file→ FILED ─activate→ ACTIVE ─expire→ EXPIRED
 *   ↑               │  │ └─reject→ REJECTED                    │                 │                 │
 *   └──withdraw─────┘  └─return→ RETURNED ─submit→ SUBMITTED   └─withdraw→ DRAFT └ revoke / terminate → REVOKED / TERMINATED
 * </pre>
 */
public enum Lifecycle {
  REGISTRATION,
  AMENDMENT;

  private static final Map<RegistrationState, Map<Action, RegistrationState>> REVIEW =
      table(
          Map.of(
              DRAFT, Map.of(Action.SUBMIT, SUBMITTED),
              RETURNED, Map.of(Action.SUBMIT, SUBMITTED),
              SUBMITTED,
                  Map.of(
                      Action.WITHDRAW, DRAFT,
                      Action.APPROVE, DISTRICT_APPROVED,
                      Action.RETURN, RETURNED,
                      Action.REJECT, REJECTED),
              DISTRICT_APPROVED, Map.of(Action.WITHDRAW, DRAFT, Action.FILE, FILED)));

  private static final Map<RegistrationState, Map<Action, RegistrationState>> IN_FORCE =
      table(
          Map.of(
              FILED,
                  Map.of(
                      Action.ACTIVATE, ACTIVE,
                      Action.EXPIRE, EXPIRED,
                      Action.REVOKE, REVOKED,
                      Action.TERMINATE, TERMINATED),
              ACTIVE,
                  Map.of(
                      Action.EXPIRE, EXPIRED,
                      Action.REVOKE, REVOKED,
                      Action.TERMINATE, TERMINATED)));

  private static Map<RegistrationState, Map<Action, RegistrationState>> table(
      Map<RegistrationState, Map<Action, RegistrationState>> rows) {
    Map<RegistrationState, Map<Action, RegistrationState>> t =
        new EnumMap<>(RegistrationState.class);
    rows.forEach((state, row) -> t.put(state, Collections.unmodifiableMap(new EnumMap<>(row))));
    return Collections.unmodifiableMap(t);
  }

  /** Actions the machine allows from a state, in declaration order. */
  public Set<Action> allowed(RegistrationState from) {
    Map<Action, RegistrationState> row = REVIEW.get(from);
    if (row == null && this == REGISTRATION) {
      row = IN_FORCE.get(from);
    }
    return row == null ? Set.of() : row.keySet();
  }

  /** The state after {@code action}, or a refusal naming the allowed actions. */
  public RegistrationState next(RegistrationState from, Action action) {
    Map<Action, RegistrationState> row = REVIEW.get(from);
    if (row == null && this == REGISTRATION) {
      row = IN_FORCE.get(from);
    }
    RegistrationState to = row == null ? null : row.get(action);
    if (to == null) {
      throw new TransitionRefused(from, action, List.copyOf(allowed(from)));
    }
    return to;
  }

  /**
   * Approval by one district: the state moves on only when every involved district has approved (a
   * cross-district cooperation needs each district's consent before the city).
   */
  public RegistrationState afterApproval(Set<String> required, Set<String> approved) {
    return approved.containsAll(required) ? DISTRICT_APPROVED : SUBMITTED;
  }

  /** Thrown when the current state does not allow an action. */
  public static final class TransitionRefused extends RuntimeException {
    public final RegistrationState from;
    public final Action action;
    public final List<Action> allowed;

    public TransitionRefused(RegistrationState from, Action action, List<Action> allowed) {
      super(
          "Action "
              + action.pathName()
              + " is not allowed in state "
              + from
              + " ("
              + from.labelZh
              + ")");
      this.from = from;
      this.action = action;
      this.allowed = allowed;
    }
  }
}
