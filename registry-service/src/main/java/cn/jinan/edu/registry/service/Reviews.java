package cn.jinan.edu.registry.service;

import cn.jinan.edu.platform.lifecycle.Lifecycle;
import cn.jinan.edu.platform.lifecycle.Transition;
import cn.jinan.edu.platform.problem.ProblemException;
import cn.jinan.edu.platform.security.Caller;
import cn.jinan.edu.registry.domain.Action;
import cn.jinan.edu.registry.domain.DistrictReview;
import cn.jinan.edu.registry.domain.RegistrationLifecycle;
import cn.jinan.edu.registry.domain.RegistrationState;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Supplier;

/**
 * The answer of a district-review step, the same for a registration and an amendment: the move, or
 * the problem that says why not (400 missing comment, 409 illegal transition listing what this
 * caller may do instead, 409 a district approving twice).
 */
final class Reviews {
  private Reviews() {}

  /** What is reviewed: its machine, and its name in messages. */
  enum Subject {
    REGISTRATION(RegistrationLifecycle.REGISTRATION, "registration"),
    AMENDMENT(RegistrationLifecycle.AMENDMENT, "amendment");

    final Lifecycle<RegistrationState, Action> machine;
    final String noun;

    Subject(Lifecycle<RegistrationState, Action> machine, String noun) {
      this.machine = machine;
      this.noun = noun;
    }
  }

  /** Takes the action through the review as this caller (its district approves, if approving). */
  static DistrictReview.Outcome.Moved take(
      Caller caller,
      DistrictReview review,
      Subject what,
      RegistrationState from,
      Action action,
      String comment,
      Supplier<List<String>> callerAllowed) {
    DistrictReview.Outcome outcome =
        review.take(
            what.machine,
            from,
            action,
            comment,
            caller.districtCode().orElse(null),
            new DistrictReview.Approval(caller.actor(), OffsetDateTime.now()));
    if (outcome instanceof DistrictReview.Outcome.Moved moved) {
      return moved;
    }
    if (outcome instanceof DistrictReview.Outcome.CommentMissing missing) {
      throw ProblemException.invalid(missing.violation().field(), missing.violation().message());
    }
    if (outcome instanceof DistrictReview.Outcome.AlreadyApproved approved) {
      throw ProblemException.conflict(
          "District " + approved.district() + " has already approved this " + what.noun);
    }
    Transition.Refused<RegistrationState, Action> refused =
        ((DistrictReview.Outcome.Refused) outcome).transition();
    throw ProblemException.illegalTransition(
        "Action "
            + refused.action().pathName()
            + " is not allowed in state "
            + refused.from()
            + " ("
            + refused.from().labelZh
            + ")",
        refused.from().name(),
        callerAllowed.get());
  }
}
