package cn.jinan.edu.milestone.domain;

import java.util.Arrays;
import java.util.Optional;

/** What the city does with a progress report; resubmitting is an edit by the reporting unit. */
public enum ReportAction {
  /** 采纳: SUBMITTED → ACCEPTED; the report is locked. */
  ACCEPT(false),
  /** 退回: SUBMITTED → RETURNED; the unit corrects and resubmits it. */
  RETURN(true),
  /** 重新打开: ACCEPTED → RETURNED; only the city may unlock an accepted report. */
  REOPEN(true);

  /** Whether the action needs a comment saying why. */
  public final boolean requiresComment;

  ReportAction(boolean requiresComment) {
    this.requiresComment = requiresComment;
  }

  public String pathName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static Optional<ReportAction> fromPath(String path) {
    return Arrays.stream(values()).filter(a -> a.pathName().equals(path)).findFirst();
  }
}
