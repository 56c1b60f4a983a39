package cn.jinan.edu.platform.data;

import cn.jinan.edu.platform.paging.Page;
import cn.jinan.edu.platform.security.Caller;
import cn.jinan.edu.platform.security.Roles;
import cn.jinan.edu.platform.web.RequestIds;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The audit trail every domain service keeps the same way: appended inside the transaction of the
 * change, never updated or deleted (the database refuses both, see the audit_entry table's
 * triggers).
 */
@ApplicationScoped
public class AuditService {
  @Inject ObjectMapper json;

  /**
   * A change worth auditing: what, where, and the fields before and after, built with named steps:
   * {@code Change.of("registration", r.id).district(d).action("file").states(from, to)
   * .before(snapshot).after(r)}. Unset parts stay null (states, comment) or empty (fields); the
   * aggregate is the entity itself unless {@link #aggregate} names another.
   */
  public static final class Change {
    private final String entityType;
    private final String entityId;
    private String aggregateId;
    private String districtCode;
    private String action;
    private String fromState;
    private String toState;
    private String comment;
    private Map<String, Object> before = Map.of();
    private Map<String, Object> after = Map.of();

    private Change(String entityType, String entityId) {
      this.entityType = Objects.requireNonNull(entityType);
      this.entityId = entityId;
      this.aggregateId = entityId;
    }

    public static Change of(String entityType, Object entityId) {
      return new Change(entityType, String.valueOf(entityId));
    }

    /** The record whose trail this entry belongs to (a registration for its amendments). */
    public Change aggregate(Object id) {
      this.aggregateId = String.valueOf(id);
      return this;
    }

    /** The district whose reviewers may read this entry. */
    public Change district(String code) {
      this.districtCode = code;
      return this;
    }

    public Change action(String name) {
      this.action = name;
      return this;
    }

    /** The state before and after; either may be null (created, or not a state machine). */
    public Change states(Object from, Object to) {
      this.fromState = from == null ? null : from.toString();
      this.toState = to == null ? null : to.toString();
      return this;
    }

    public Change comment(String text) {
      this.comment = text;
      return this;
    }

    public Change before(Map<String, Object> fields) {
      this.before = fields == null ? Map.of() : fields;
      return this;
    }

    public Change after(Map<String, Object> fields) {
      this.after = fields == null ? Map.of() : fields;
      return this;
    }

    /** The entity's snapshot as it is now, after the change. */
    public Change after(Audited entity) {
      return after(entity.auditSnapshot());
    }

    public String entityType() {
      return entityType;
    }

    public String entityId() {
      return entityId;
    }

    public String aggregateId() {
      return aggregateId;
    }

    public String districtCode() {
      return districtCode;
    }

    public String action() {
      return action;
    }

    public String fromState() {
      return fromState;
    }

    public String toState() {
      return toState;
    }

    public String comment() {
      return comment;
    }

    public Map<String, Object> before() {
      return before;
    }

    public Map<String, Object> after() {
      return after;
    }
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void append(Caller caller, String role, Change c) {
    AuditEntry e = new AuditEntry();
    e.at = OffsetDateTime.now();
    e.entityType = c.entityType();
    e.entityId = c.entityId();
    e.aggregateId = c.aggregateId();
    e.districtCode = c.districtCode();
    e.action = c.action();
    e.actor = caller == null || caller.actor() == null ? "system" : caller.actor();
    e.actorRole = role;
    e.actorDistrict = caller == null ? null : caller.districtCode().orElse(null);
    e.actorSchool = caller == null ? null : caller.schoolCode().orElse(null);
    e.clientId = caller == null ? null : caller.clientId();
    e.fromState = c.fromState();
    e.toState = c.toState();
    e.comment = c.comment();
    e.requestId = RequestIds.current();
    e.changesJson = write(diff(c.before(), c.after()));
    e.persist();
  }

  /** Only the fields that changed, as {field: {before, after}}. */
  public static Map<String, Object> diff(Map<String, Object> before, Map<String, Object> after) {
    Map<String, Object> out = new LinkedHashMap<>();
    Map<String, Object> b = before == null ? Map.of() : before;
    Map<String, Object> a = after == null ? Map.of() : after;
    java.util.Set<String> keys = new java.util.LinkedHashSet<>(b.keySet());
    keys.addAll(a.keySet());
    for (String k : keys) {
      Object bv = b.get(k);
      Object av = a.get(k);
      if (!Objects.equals(bv, av)) {
        Map<String, Object> pair = new LinkedHashMap<>();
        pair.put("before", bv);
        pair.put("after", av);
        out.put(k, pair);
      }
    }
    return out;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<AuditView> forAggregate(String aggregateId, long afterId, int limit) {
    List<AuditEntry> rows =
        AuditEntry.find(
                "aggregateId = :r and id > :after order by id",
                Parameters.with("r", aggregateId).and("after", afterId))
            .page(0, limit + 1)
            .list();
    return Page.of(rows.stream().map(this::view).toList(), limit, v -> Long.toString(v.id()));
  }

  /**
   * The trail as the caller may read it: auditor and city-admin everything (optionally one
   * district's), a district-reviewer only its own district's entries.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<AuditView> searchFor(
      Caller caller, String district, String entityType, long afterId, int limit) {
    String scope = caller.readScope(district, "audit trail", Roles.CITY_ADMIN, Roles.AUDITOR);
    return search(scope, entityType, afterId, limit);
  }

  /** The whole trail, optionally one district's (a reviewer sees only its own). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<AuditView> search(String district, String entityType, long afterId, int limit) {
    StringBuilder q = new StringBuilder("id > :after");
    Parameters p = Parameters.with("after", afterId);
    if (district != null) {
      q.append(" and districtCode = :d");
      p = p.and("d", district);
    }
    if (entityType != null) {
      q.append(" and entityType = :t");
      p = p.and("t", entityType);
    }
    List<AuditEntry> rows = AuditEntry.find(q + " order by id", p).page(0, limit + 1).list();
    return Page.of(rows.stream().map(this::view).toList(), limit, v -> Long.toString(v.id()));
  }

  private AuditView view(AuditEntry e) {
    return new AuditView(
        e.id,
        e.at,
        e.entityType,
        e.entityId,
        e.action,
        e.actor,
        e.actorRole,
        e.actorDistrict,
        e.actorSchool,
        e.clientId,
        e.fromState,
        e.toState,
        e.comment,
        e.requestId,
        read(e.changesJson));
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private Map<String, Object> read(String text) {
    if (text == null) {
      return Map.of();
    }
    try {
      return json.readValue(text, new TypeReference<Map<String, Object>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
