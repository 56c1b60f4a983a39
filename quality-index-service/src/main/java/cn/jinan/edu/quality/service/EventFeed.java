package cn.jinan.edu.quality.service;

import cn.jinan.edu.platform.data.EventService;
import cn.jinan.edu.platform.data.OutboxEvent;
import cn.jinan.edu.platform.paging.Page;
import cn.jinan.edu.platform.problem.ProblemException;
import cn.jinan.edu.platform.security.Caller;
import cn.jinan.edu.platform.security.Roles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The event feed as the caller may read it. Approval events name their district in {@code
 * data.districtCode}; a value-added run is city-wide and names none. city-admin, auditor and
 * data-reporter read every event; a district-reviewer reads only the events whose districtCode is
 * its own, i.e. approvals it could also GET directly (not city-wide runs). The filter runs in SQL
 * before paging, so a page holds up to {@code limit} visible events and its cursor is the last of
 * them: a reader resuming from it neither skips nor repeats an event.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class EventFeed {
  /** The data field that says which district an event is about. */
  static final String DISTRICT_FIELD = "districtCode";

  @ConfigProperty(name = "quarkus.application.name")
  String application;

  @Inject EventService events;
  @Inject EntityManager em;
  @Inject ObjectMapper json;

  public Page<Map<String, Object>> read(Caller caller, long after, int limit) {
    if (caller.hasAnyRole(Roles.CITY_ADMIN, Roles.AUDITOR, Roles.DATA_REPORTER)) {
      return events.after(after, limit);
    }
    if (!caller.hasRole(Roles.DISTRICT_REVIEWER)) {
      throw ProblemException.forbidden(
          "The event feed needs city-admin, auditor, data-reporter or district-reviewer; the token"
              + " has roles "
              + caller.roles());
    }
    String own =
        caller
            .districtCode()
            .orElseThrow(
                () ->
                    ProblemException.forbidden(
                        "A district-reviewer token without district_code sees no events"));
    @SuppressWarnings("unchecked")
    List<OutboxEvent> rows =
        em.createNativeQuery(
                "SELECT id, event_id, type, subject, time, data FROM outbox_event"
                    + " WHERE id > :after AND data ->> '"
                    + DISTRICT_FIELD
                    + "' = :district ORDER BY id LIMIT :n",
                OutboxEvent.class)
            .setParameter("after", after)
            .setParameter("district", own)
            .setParameter("n", limit + 1)
            .getResultList();
    return Page.of(rows, limit, e -> Long.toString(e.id)).map(this::cloudEvent);
  }

  // Same rendering as platform-data's EventService (a test compares the two); it moves there once
  // the outbox can filter by district itself.
  private Map<String, Object> cloudEvent(OutboxEvent e) {
    Map<String, Object> ce = new LinkedHashMap<>();
    ce.put("specversion", "1.0");
    ce.put("id", e.eventId.toString());
    ce.put("source", "/jinan-edu/" + application);
    ce.put("type", e.type);
    ce.put("subject", e.subject);
    ce.put("time", e.time.toString());
    ce.put("datacontenttype", "application/json");
    ce.put("sequence", Long.toString(e.id));
    try {
      ce.put("data", json.readValue(e.dataJson, new TypeReference<Map<String, Object>>() {}));
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException(ex);
    }
    return ce;
  }
}
