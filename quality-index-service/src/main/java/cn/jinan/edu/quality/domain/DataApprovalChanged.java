package cn.jinan.edu.quality.domain;

import cn.jinan.edu.platform.data.DomainEvent;
import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A district's data for a period was submitted, withdrawn, approved, returned or unlocked
 * (data.submitted … data.unlocked). The components after {@code action} are the event's data.
 */
public record DataApprovalChanged(
    @JsonIgnore ApprovalAction action,
    String districtCode,
    int period,
    ApprovalState from,
    ApprovalState to)
    implements DomainEvent {

  @Override
  public String eventType() {
    return action.eventType;
  }

  @Override
  public String eventSubject() {
    return districtCode + "/" + period;
  }
}
