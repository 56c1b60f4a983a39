package cn.jinan.edu.registry.domain;

import cn.jinan.edu.platform.lifecycle.Lifecycle;
import cn.jinan.edu.platform.lifecycle.Transition;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * 区县审核 The district review a registration and an amendment both go through: the districts involved,
 * who of them has approved in the current round, which actions must say why, and what an approval
 * leads to. A cross-district cooperation needs every involved district's consent before the city
 * may file it (DISTRICT_APPROVED); submitting, withdrawing, returning or rejecting starts a new
 * round.
 *
 * @param involved the districts of all parties, whose reviewers decide
 * @param approvals district code → its approval in the current round
 */
public record DistrictReview(SortedSet<String> involved, SortedMap<String, Approval> approvals) {

  /** One district's consent: who gave it and when. */
  public record Approval(String by, OffsetDateTime at) {}

  /** What an action does to a review: it moves on, or the reason it does not. */
  public sealed interface Outcome {
    /** The action is taken: the state it leads to and the review after it. */
    record Moved(RegistrationState to, DistrictReview review) implements Outcome {}

    /** The machine does not allow the action in this state. */
    record Refused(Transition.Refused<RegistrationState, Action> transition) implements Outcome {}

    /** The action must say why ({@link Action#requiresComment}) and the comment is blank. */
    record CommentMissing(Violation violation) implements Outcome {}

    /** The district has already approved in this round. */
    record AlreadyApproved(String district) implements Outcome {}
  }

  public DistrictReview {
    involved = Collections.unmodifiableSortedSet(new TreeSet<>(involved));
    approvals = Collections.unmodifiableSortedMap(new TreeMap<>(approvals));
  }

  public static DistrictReview of(String[] involved, Map<String, Approval> approvals) {
    return new DistrictReview(new TreeSet<>(Arrays.asList(involved)), new TreeMap<>(approvals));
  }

  /** Whether the district has approved in the current round. */
  public boolean approvedBy(String district) {
    return district != null && approvals.containsKey(district);
  }

  /** Whether every involved district has approved. */
  public boolean complete() {
    return approvals.keySet().containsAll(involved);
  }

  /**
   * Takes an action through {@code machine} from state {@code from}. An approval is recorded for
   * {@code district} (the approving reviewer's) with {@code approval}; the other arguments of an
   * approval are ignored for other actions.
   */
  public Outcome take(
      Lifecycle<RegistrationState, Action> machine,
      RegistrationState from,
      Action action,
      String comment,
      String district,
      Approval approval) {
    if (action.requiresComment && (comment == null || comment.isBlank())) {
      return new Outcome.CommentMissing(
          new Violation(
              "comment",
              "退回、不予通过、撤销和终止须说明理由 (a comment is required for " + action.pathName() + ")"));
    }
    Transition<RegistrationState, Action> t = machine.attempt(from, action);
    if (t instanceof Transition.Refused<RegistrationState, Action> refused) {
      return new Outcome.Refused(refused);
    }
    RegistrationState to = ((Transition.Moved<RegistrationState, Action>) t).to();
    return switch (action) {
      case APPROVE -> approve(district, approval);
      case SUBMIT, WITHDRAW, RETURN, REJECT ->
          new Outcome.Moved(to, new DistrictReview(involved, new TreeMap<>()));
      default -> new Outcome.Moved(to, this);
    };
  }

  private Outcome approve(String district, Approval approval) {
    if (approvedBy(district)) {
      return new Outcome.AlreadyApproved(district);
    }
    SortedMap<String, Approval> after = new TreeMap<>(approvals);
    after.put(district, approval);
    DistrictReview next = new DistrictReview(involved, after);
    return new Outcome.Moved(
        next.complete() ? RegistrationState.DISTRICT_APPROVED : RegistrationState.SUBMITTED, next);
  }
}
