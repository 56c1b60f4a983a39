package cn.jinan.edu.registry.domain;

import static cn.jinan.edu.platform.lifecycle.Lifecycle.states;
import static cn.jinan.edu.registry.domain.Action.ACTIVATE;
import static cn.jinan.edu.registry.domain.Action.APPROVE;
import static cn.jinan.edu.registry.domain.Action.EXPIRE;
import static cn.jinan.edu.registry.domain.Action.FILE;
import static cn.jinan.edu.registry.domain.Action.REJECT;
import static cn.jinan.edu.registry.domain.Action.RETURN;
import static cn.jinan.edu.registry.domain.Action.REVOKE;
import static cn.jinan.edu.registry.domain.Action.SUBMIT;
import static cn.jinan.edu.registry.domain.Action.TERMINATE;
import static cn.jinan.edu.registry.domain.Action.WITHDRAW;
import static cn.jinan.edu.registry.domain.RegistrationState.ACTIVE;
import static cn.jinan.edu.registry.domain.RegistrationState.DISTRICT_APPROVED;
import static cn.jinan.edu.registry.domain.RegistrationState.DRAFT;
import static cn.jinan.edu.registry.domain.RegistrationState.EXPIRED;
import static cn.jinan.edu.registry.domain.RegistrationState.FILED;
import static cn.jinan.edu.registry.domain.RegistrationState.REJECTED;
import static cn.jinan.edu.registry.domain.RegistrationState.RETURNED;
import static cn.jinan.edu.registry.domain.RegistrationState.REVOKED;
import static cn.jinan.edu.registry.domain.RegistrationState.SUBMITTED;
import static cn.jinan.edu.registry.domain.RegistrationState.TERMINATED;

import cn.jinan.edu.platform.lifecycle.Lifecycle;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The registration state machines, enforced on the server (DOMAIN.md section 3). An amendment of a
 * filed registration runs through the review part alone (draft → submitted → district-approved →
 * filed) while the filed registration stays valid; how approvals add up is {@link DistrictReview}.
 *
 * <pre>
 * DRAFT ─submit→ SUBMITTED ─approve (all districts)→ DISTRICT_APPROVED ─file→ FILED ─activate→ ACTIVE ─expire→ EXPIRED
 *   ↑               │  │ └─reject→ REJECTED                    │                 │                 │
 *   └──withdraw─────┘  └─return→ RETURNED ─submit→ SUBMITTED   └─withdraw→ DRAFT └ revoke / terminate → REVOKED / TERMINATED
 * </pre>
 */
public final class RegistrationLifecycle {
  private RegistrationLifecycle() {}

  /** The district review a registration and an amendment share, up to the city's filing. */
  public static final Lifecycle<RegistrationState, Action> REVIEW =
      Lifecycle.builder(RegistrationState.class, Action.class)
          .on(states(DRAFT, RETURNED), SUBMIT, SUBMITTED)
          .on(states(SUBMITTED, DISTRICT_APPROVED), WITHDRAW, DRAFT)
          .on(SUBMITTED, APPROVE, DISTRICT_APPROVED)
          .on(SUBMITTED, RETURN, RETURNED)
          .on(SUBMITTED, REJECT, REJECTED)
          .on(DISTRICT_APPROVED, FILE, FILED)
          .build();

  /** A filed registration in force until it ends: by date, by the city or by the school. */
  static final Lifecycle<RegistrationState, Action> IN_FORCE_PART =
      Lifecycle.builder(RegistrationState.class, Action.class)
          .on(FILED, ACTIVATE, ACTIVE)
          .on(states(FILED, ACTIVE), EXPIRE, EXPIRED)
          .on(states(FILED, ACTIVE), REVOKE, REVOKED)
          .on(states(FILED, ACTIVE), TERMINATE, TERMINATED)
          .build();

  /** A registration: the review, then the time it is in force. */
  public static final Lifecycle<RegistrationState, Action> REGISTRATION =
      Lifecycle.builder(RegistrationState.class, Action.class)
          .include(REVIEW)
          .include(IN_FORCE_PART)
          .build();

  /** An amendment: the review alone; filing it applies it to its registration. */
  public static final Lifecycle<RegistrationState, Action> AMENDMENT =
      Lifecycle.builder(RegistrationState.class, Action.class).include(REVIEW).build();

  /** Filed and not ended: the only states the public may see, and the only ones that count. */
  public static final Set<RegistrationState> IN_FORCE =
      Collections.unmodifiableSet(EnumSet.of(FILED, ACTIVE));

  /** The states in which the lead school may still edit the content. */
  public static final Set<RegistrationState> EDITABLE =
      Collections.unmodifiableSet(EnumSet.of(DRAFT, RETURNED));

  /** An amendment still under way (a registration has at most one). */
  public static final Set<RegistrationState> AMENDMENT_OPEN =
      Collections.unmodifiableSet(EnumSet.of(DRAFT, SUBMITTED, RETURNED, DISTRICT_APPROVED));

  /** The names the API uses: actions in lower case (as in the path), states as they are. */
  public static String name(Enum<?> stateOrAction) {
    return stateOrAction instanceof Action a ? a.pathName() : stateOrAction.name();
  }
}
