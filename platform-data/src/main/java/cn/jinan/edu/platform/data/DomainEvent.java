package cn.jinan.edu.platform.data;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A fact a service announces in its event feed, as a typed record: its components are the event's
 * data; {@link #eventType} (appended to the service's type prefix) and {@link #eventSubject} become
 * the CloudEvents attributes {@code type} and {@code subject}.
 */
public interface DomainEvent {
  /** e.g. {@code registration.filed}; the feed serves it as {@code cn.jinan.edu.registry.…}. */
  @JsonIgnore
  String eventType();

  /** The resource the event is about, e.g. {@code registrations/42}. */
  @JsonIgnore
  String eventSubject();
}
