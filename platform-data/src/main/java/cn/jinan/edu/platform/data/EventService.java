package cn.jinan.edu.platform.data;

import cn.jinan.edu.platform.paging.Page;
import cn.jinan.edu.platform.problem.ProblemException;
import cn.jinan.edu.platform.security.Caller;
import cn.jinan.edu.platform.security.Roles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.jackson.JsonFormat;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The event outbox, served as CloudEvents 1.0. Events are appended in the transaction of the change
 * they report, so an event exists exactly when its change was committed.
 */
@ApplicationScoped
public class EventService {
  /** CloudEvents source and type prefix, derived from the service's name. */
  @ConfigProperty(name = "quarkus.application.name")
  String application;

  // Any constant works; it only has to be the same for every appender.
  private static final long OUTBOX_LOCK = 0x4A4E4F5554424F58L;

  private static final EventFormat FORMAT = new JsonFormat();

  @Inject EntityManager em;
  @Inject ObjectMapper json;
  private volatile URI source;

  /** Appends a typed event in the transaction of the change it reports. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void append(DomainEvent event) {
    append(event.eventType(), event.eventSubject(), event);
  }

  private void append(String type, String subject, Object data) {
    // Serialise appends until commit: ids then become visible in order, so a reader's cursor
    // never jumps over an event that commits later.
    em.createNativeQuery("SELECT pg_advisory_xact_lock(:k)")
        .setParameter("k", OUTBOX_LOCK)
        .getSingleResult();
    OutboxEvent e = new OutboxEvent();
    e.eventId = UUID.randomUUID();
    e.type = typePrefix() + type;
    e.subject = subject;
    e.time = OffsetDateTime.now();
    try {
      e.dataJson = json.writeValueAsString(data);
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException(ex);
    }
    e.persist();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<Map<String, Object>> after(long afterId, int limit) {
    List<OutboxEvent> rows =
        OutboxEvent.find("id > ?1 order by id", afterId).page(0, limit + 1).list();
    List<Map<String, Object>> events = rows.stream().map(this::cloudEvent).toList();
    return Page.of(events, limit, e -> e.get("sequence").toString());
  }

  /**
   * The feed as the caller may read it. city-admin, auditor and data-reporter read every event; a
   * district-reviewer reads only the events whose {@code data.<districtField>} is its own district
   * (or, for an array such as a registration's involved districts, contains it), i.e. what it could
   * also GET directly; any other role is refused. The filter runs in SQL before paging, so a page
   * holds up to {@code limit} visible events and its cursor is the last of them: a reader resuming
   * from it neither skips nor repeats an event.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<Map<String, Object>> readFor(
      Caller caller, long afterId, int limit, String districtField) {
    if (caller.hasAnyRole(Roles.CITY_ADMIN, Roles.AUDITOR, Roles.DATA_REPORTER)) {
      return after(afterId, limit);
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
                    + " WHERE id > :after AND data -> :field @> to_jsonb(CAST(:district AS text))"
                    + " ORDER BY id LIMIT :n",
                OutboxEvent.class)
            .setParameter("after", afterId)
            .setParameter("field", districtField)
            .setParameter("district", own)
            .setParameter("n", limit + 1)
            .getResultList();
    return Page.of(
        rows.stream().map(this::cloudEvent).toList(), limit, e -> e.get("sequence").toString());
  }

  /** e.g. registry-service → cn.jinan.edu.registry. */
  public String typePrefix() {
    return "cn.jinan.edu." + application.replace("-service", "").replace("-", "") + ".";
  }

  /**
   * One outbox row as a CloudEvents 1.0 event in the JSON format's structured mode, built and
   * written by the CloudEvents SDK; {@code sequence} (an extension attribute) is the cursor.
   */
  private Map<String, Object> cloudEvent(OutboxEvent e) {
    CloudEvent ce =
        CloudEventBuilder.v1()
            .withId(e.eventId.toString())
            .withSource(source())
            .withType(e.type)
            .withSubject(e.subject)
            .withTime(e.time)
            .withDataContentType("application/json")
            .withExtension("sequence", Long.toString(e.id))
            .withData(e.dataJson.getBytes(StandardCharsets.UTF_8))
            .build();
    try {
      return json.readValue(FORMAT.serialize(ce), new TypeReference<Map<String, Object>>() {});
    } catch (IOException ex) {
      throw new IllegalStateException(ex);
    }
  }

  private URI source() {
    URI s = source;
    if (s == null) {
      s = source = URI.create("/jinan-edu/" + application);
    }
    return s;
  }
}
