package cn.jinan.edu.quality.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What can happen to a district's data for a period (数据审核). Declaration order is the order of a
 * view's allowedActions.
 */
public enum ApprovalAction {
  /** 报送: the district hands its data to the city; the values freeze. */
  SUBMIT(false, false, "data.submitted"),
  /** 审定: the city approves; the values lock and targets count them. */
  APPROVE(true, false, "data.approved"),
  /** 退回: the city sends the data back for changes. */
  RETURN(true, true, "data.returned"),
  /** 撤回: the district takes a submission back before the city decides. */
  WITHDRAW(false, false, "data.withdrawn"),
  /** 解锁: the city reopens approved data. */
  UNLOCK(true, true, "data.unlocked");

  /** Whether only city-admin takes it (else the district's own reviewer or city-admin). */
  public final boolean cityOnly;

  /** Whether it needs a comment saying why. */
  public final boolean requiresComment;

  /** The event it announces. */
  public final String eventType;

  ApprovalAction(boolean cityOnly, boolean requiresComment, String eventType) {
    this.cityOnly = cityOnly;
    this.requiresComment = requiresComment;
    this.eventType = eventType;
  }

  /** The name in the API's paths and allowedActions. */
  public String pathName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<ApprovalAction> fromPath(String path) {
    return Arrays.stream(values()).filter(a -> a.pathName().equals(path)).findFirst();
  }
}
