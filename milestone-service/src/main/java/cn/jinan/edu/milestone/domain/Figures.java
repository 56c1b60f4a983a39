package cn.jinan.edu.milestone.domain;

/**
 * How a bound task's progress follows from a source's figure. A target the source reports as met is
 * COMPLETED; otherwise the progress share (0–1) becomes the percent, rounded down so that 99.6%
 * never shows as 100% of an unmet target.
 */
public final class Figures {
  private Figures() {}

  public static ProgressRules.Progress progress(boolean met, double share) {
    if (met) {
      return new ProgressRules.Progress(ReportStatus.COMPLETED, 100);
    }
    int percent = (int) Math.floor(Math.max(0, Math.min(1, share)) * 100 + 1e-9);
    percent = Math.min(percent, 99);
    return new ProgressRules.Progress(
        percent == 0 ? ReportStatus.NOT_STARTED : ReportStatus.IN_PROGRESS, percent);
  }

  /**
   * Filing (registry): done when every expected cooperation is filed. With nothing expected there
   * is nothing to show yet, so it is not counted as done.
   */
  public static ProgressRules.Progress filing(long filed, long expected) {
    if (expected <= 0) {
      return ProgressRules.Progress.NONE;
    }
    return progress(filed >= expected, (double) filed / expected);
  }
}
