package cn.jinan.edu.milestone.domain;

/** What a unit's progress was taken from. */
public enum ProgressSource {
  /** The latest accepted progress report. */
  REPORT,
  /** A live figure of another service (task binding). */
  BINDING,
  /** Nothing reported yet: NOT_STARTED, 0%. */
  NONE
}
