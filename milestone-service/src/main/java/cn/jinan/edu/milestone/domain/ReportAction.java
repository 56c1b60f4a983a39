package cn.jinan.edu.milestone.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What can happen to a progress report: the city's review actions, and the reporting unit's edit
 * (修改并重新报送, PUT of the report). Declaration order is the order of a view's allowedActions.
 */
public enum ReportAction {
  /** 采纳: SUBMITTED → ACCEPTED; the report is locked. */
  ACCEPT(true, false),
  /** 退回: SUBMITTED → RETURNED; the unit corrects and resubmits it. */
  RETURN(true, true),
  /** 重新打开: ACCEPTED → RETURNED; only the city may unlock an accepted report. */
  REOPEN(true, true),
  /** 修改: SUBMITTED or RETURNED → SUBMITTED; the reporting unit corrects and resubmits. */
  EDIT(false, false);

  /** Whether the city takes it (POST …/transitions/{action}); EDIT is the unit's PUT. */
  public final boolean review;

  /** Whether the action needs a comment saying why. */
  public final boolean requiresComment;

  ReportAction(boolean review, boolean requiresComment) {
    this.review = review;
    this.requiresComment = requiresComment;
  }

  public String pathName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The review action named in a transition path; EDIT is not one. */
  public static Optional<ReportAction> fromPath(String path) {
    return Arrays.stream(values()).filter(a -> a.review && a.pathName().equals(path)).findFirst();
  }
}
