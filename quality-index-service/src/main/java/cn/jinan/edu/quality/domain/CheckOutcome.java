package cn.jinan.edu.quality.domain;

/** Result of one criterion check. Missing data is its own outcome so it is never read as a pass. */
public enum CheckOutcome {
  PASS,
  FAIL,
  NO_DATA;

  public String label() {
    return switch (this) {
      case PASS -> "pass";
      case FAIL -> "fail";
      case NO_DATA -> "no data";
    };
  }
}
