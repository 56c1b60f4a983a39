package cn.jinan.edu.quality.domain;

import cn.jinan.edu.platform.data.DomainEvent;

/** Value added of a year was recomputed (value-added.computed); city-wide, so no district. */
public record ValueAddedComputed(
    int year, long records, int schoolResults, int groupResults, String groupsSource)
    implements DomainEvent {

  @Override
  public String eventType() {
    return "value-added.computed";
  }

  @Override
  public String eventSubject() {
    return "year/" + year;
  }
}
