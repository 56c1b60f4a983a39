package cn.jinan.edu.registry.domain;

import cn.jinan.edu.platform.data.DomainEvent;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 登记备案事件 What the registry announces on its feed about a filed registration: its filing, a filed
 * amendment, its termination, revocation or expiry. The components are the event's data; consumers
 * (and a district-reviewer's filtered feed) find the districts in {@code involvedDistricts}.
 */
public record RegistrationEvent(
    @JsonIgnore Type type,
    long registrationId,
    String filingNumber,
    RegistrationState state,
    CooperationMode mode,
    String name,
    Party leadSchool,
    List<Party> memberSchools,
    List<String> involvedDistricts,
    LocalDate termStart,
    LocalDate termEnd,
    @JsonInclude(JsonInclude.Include.NON_NULL) String comment)
    implements DomainEvent {

  /** The event types, as the feed names them after its prefix {@code cn.jinan.edu.registry.}. */
  public enum Type {
    FILED("registration.filed"),
    AMENDMENT_FILED("registration.amendment-filed"),
    TERMINATED("registration.terminated"),
    REVOKED("registration.revoked"),
    EXPIRED("registration.expired");

    public final String eventType;

    Type(String eventType) {
      this.eventType = eventType;
    }
  }

  /** A school party as the event names it. */
  public record Party(String uscc, String nameZh, String districtCode) {
    static Party of(School s) {
      return new Party(s.uscc, s.nameZh, s.districtCode);
    }
  }

  /** The event about a registration as it is now; {@code schools} are its parties by USCC. */
  public static RegistrationEvent of(
      Type type, Registration r, Map<String, School> schools, String comment) {
    Map<Long, School> byId = new HashMap<>();
    schools.values().forEach(s -> byId.put(s.id, s));
    return new RegistrationEvent(
        type,
        r.id,
        r.filingNumber,
        r.state,
        r.mode,
        r.name,
        Party.of(byId.get(r.leadSchoolId)),
        r.memberSchoolIds.stream().map(id -> Party.of(byId.get(id))).toList(),
        List.of(r.involvedDistricts),
        r.termStart,
        r.termEnd,
        comment);
  }

  @Override
  public String eventType() {
    return type.eventType;
  }

  @Override
  public String eventSubject() {
    return "registrations/" + registrationId;
  }
}
