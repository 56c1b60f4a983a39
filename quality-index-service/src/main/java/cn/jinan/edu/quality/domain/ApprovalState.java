package cn.jinan.edu.quality.domain;

/**
 * Approval of a district's data for one period (数据审核): the district submits, the city approves
 * (which locks the values) or returns; an approved period changes only after the city unlocks it.
 */
public enum ApprovalState {
  /** 填报中: values may change. */
  OPEN,
  /** 已报送: under the city's review; values are frozen. */
  SUBMITTED,
  /** 已审定: locked; these are the values targets count. */
  APPROVED,
  /** 已退回 / 已解锁: back with the district for changes. */
  RETURNED;

  public boolean editable() {
    return this == OPEN || this == RETURNED;
  }

  public String chinese() {
    return switch (this) {
      case OPEN -> "填报中";
      case SUBMITTED -> "已报送";
      case APPROVED -> "已审定";
      case RETURNED -> "已退回";
    };
  }
}
