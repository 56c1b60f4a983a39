package cn.jinan.edu.platform.data;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.Immutable;

/** One line of the append-only audit trail; the database refuses updates and deletes. */
@Entity
@Immutable
@Table(name = "audit_entry")
public class AuditEntry extends IdentityEntity {
  public OffsetDateTime at;

  @Column(name = "entity_type")
  public String entityType;

  @Column(name = "entity_id")
  public String entityId;

  /**
   * The record the entry belongs to for reading trails, e.g. the registration of an amendment; the
   * entity itself when it stands alone.
   */
  @Column(name = "aggregate_id")
  public String aggregateId;

  /** The district the audited record belongs to, so reviewers see only their own. */
  @Column(name = "district_code")
  public String districtCode;

  public String action;
  public String actor;

  @Column(name = "actor_role")
  public String actorRole;

  @Column(name = "actor_district")
  public String actorDistrict;

  @Column(name = "actor_school")
  public String actorSchool;

  @Column(name = "client_id")
  public String clientId;

  @Column(name = "from_state")
  public String fromState;

  @Column(name = "to_state")
  public String toState;

  public String comment;

  @Column(name = "request_id")
  public String requestId;

  /** JSON object field → {before, after}. */
  @Column(name = "changes", columnDefinition = "jsonb")
  @ColumnTransformer(write = "?::jsonb")
  public String changesJson;
}
