package cn.jinan.edu.registry.domain;

import static cn.jinan.edu.registry.domain.RegistrationState.DISTRICT_APPROVED;
import static cn.jinan.edu.registry.domain.RegistrationState.DRAFT;
import static cn.jinan.edu.registry.domain.RegistrationState.FILED;
import static cn.jinan.edu.registry.domain.RegistrationState.RETURNED;
import static cn.jinan.edu.registry.domain.RegistrationState.SUBMITTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinan.edu.platform.lifecycle.Lifecycle;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The district review a registration and an amendment share, without a server. */
class DistrictReviewTests {
  private static final Lifecycle<RegistrationState, Action> REGISTRATION =
      RegistrationLifecycle.REGISTRATION;
  private static final DistrictReview.Approval BY =
      new DistrictReview.Approval("reviewer", OffsetDateTime.parse("2025-11-20T10:15:30+08:00"));

  private static DistrictReview fresh(String... districts) {
    return DistrictReview.of(districts, Map.of());
  }

  private static DistrictReview.Outcome.Moved moved(DistrictReview.Outcome o) {
    return assertInstanceOf(DistrictReview.Outcome.Moved.class, o);
  }

  @Test
  void crossDistrictNeedsEveryDistrict() {
    DistrictReview review = fresh("370102", "370103");
    DistrictReview.Outcome.Moved first =
        moved(review.take(REGISTRATION, SUBMITTED, Action.APPROVE, null, "370103", BY));
    assertEquals(SUBMITTED, first.to());
    assertTrue(first.review().approvedBy("370103"));
    assertFalse(first.review().complete());
    DistrictReview.Outcome.Moved second =
        moved(first.review().take(REGISTRATION, SUBMITTED, Action.APPROVE, null, "370102", BY));
    assertEquals(DISTRICT_APPROVED, second.to());
    assertEquals(List.of("370102", "370103"), List.copyOf(second.review().approvals().keySet()));
  }

  @Test
  void aDistrictApprovesOncePerRound() {
    DistrictReview approved =
        moved(
                fresh("370102", "370103")
                    .take(REGISTRATION, SUBMITTED, Action.APPROVE, null, "370102", BY))
            .review();
    DistrictReview.Outcome again =
        approved.take(REGISTRATION, SUBMITTED, Action.APPROVE, null, "370102", BY);
    assertEquals(new DistrictReview.Outcome.AlreadyApproved("370102"), again);
  }

  @Test
  void returningStartsANewRound() {
    DistrictReview approved =
        moved(
                fresh("370102", "370103")
                    .take(REGISTRATION, SUBMITTED, Action.APPROVE, null, "370102", BY))
            .review();
    DistrictReview.Outcome.Moved returned =
        moved(approved.take(REGISTRATION, SUBMITTED, Action.RETURN, "补材料", null, null));
    assertEquals(RETURNED, returned.to());
    assertTrue(returned.review().approvals().isEmpty());
    assertEquals(approved.involved(), returned.review().involved());
  }

  @Test
  void filingKeepsTheApprovals() {
    DistrictReview approved =
        moved(fresh("370102").take(REGISTRATION, SUBMITTED, Action.APPROVE, null, "370102", BY))
            .review();
    DistrictReview.Outcome.Moved filed =
        moved(approved.take(REGISTRATION, DISTRICT_APPROVED, Action.FILE, null, null, null));
    assertEquals(FILED, filed.to());
    assertTrue(filed.review().approvedBy("370102"));
  }

  @Test
  void returnRejectRevokeAndTerminateMustSayWhy() {
    for (Action a : List.of(Action.RETURN, Action.REJECT, Action.REVOKE, Action.TERMINATE)) {
      DistrictReview.Outcome o = fresh("370102").take(REGISTRATION, SUBMITTED, a, " ", null, null);
      DistrictReview.Outcome.CommentMissing missing =
          assertInstanceOf(DistrictReview.Outcome.CommentMissing.class, o, a.name());
      assertEquals("comment", missing.violation().field());
    }
  }

  @Test
  void theCommentRuleComesBeforeTheMachine() {
    // A blank reason is reported as such even where the action is not allowed at all.
    assertInstanceOf(
        DistrictReview.Outcome.CommentMissing.class,
        fresh("370102").take(REGISTRATION, DRAFT, Action.REJECT, null, null, null));
  }

  @Test
  void aRefusalNamesWhatTheMachineAllows() {
    DistrictReview.Outcome.Refused refused =
        assertInstanceOf(
            DistrictReview.Outcome.Refused.class,
            fresh("370102").take(REGISTRATION, DRAFT, Action.FILE, null, null, null));
    assertEquals(List.of(Action.SUBMIT), refused.transition().allowed());
  }

  @Test
  void anAmendmentHasNoTimeInForce() {
    assertInstanceOf(
        DistrictReview.Outcome.Refused.class,
        fresh("370102")
            .take(RegistrationLifecycle.AMENDMENT, FILED, Action.REVOKE, "撤销", null, null));
  }
}
