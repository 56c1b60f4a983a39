package cn.jinan.edu.platform.data;

import cn.jinan.edu.platform.paging.Page;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
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

  @Inject EntityManager em;
  @Inject ObjectMapper json;

  @Transactional(Transactional.TxType.MANDATORY)
  public void append(String type, String subject, Map<String, Object> data) {
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

  /** e.g. registry-service → cn.jinan.edu.registry. */
  public String typePrefix() {
    return "cn.jinan.edu." + application.replace("-service", "").replace("-", "") + ".";
  }

  private Map<String, Object> cloudEvent(OutboxEvent e) {
    Map<String, Object> ce = new LinkedHashMap<>();
    ce.put("specversion", "1.0");
    ce.put("id", e.eventId.toString());
    ce.put("source", "/jinan-edu/" + application);
    ce.put("type", e.type);
    ce.put("subject", e.subject);
    ce.put("time", e.time.toString());
    ce.put("datacontenttype", "application/json");
    // Extension attribute: the cursor position of this event.
    ce.put("sequence", Long.toString(e.id));
    try {
      ce.put("data", json.readValue(e.dataJson, new TypeReference<Map<String, Object>>() {}));
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException(ex);
    }
    return ce;
  }
}
