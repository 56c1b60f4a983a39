package cn.jinan.edu.registry.domain;

import cn.jinan.edu.platform.data.Audited;
import cn.jinan.edu.platform.data.IdentityEntity;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Map;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** 变更 a proposed change to a filed registration, reviewed like a new one. */
@Entity
@Table(name = "amendment")
public class Amendment extends IdentityEntity implements Audited {
  // Only reads stored JSON back into plain maps and lists, which needs no configured mapper.
  private static final ObjectMapper JSON = new ObjectMapper();

  @Column(name = "registration_id")
  public Long registrationId;

  /** The full proposed content as JSON (RegistrationContent). */
  @Column(name = "proposal", columnDefinition = "jsonb")
  @ColumnTransformer(write = "?::jsonb")
  public String proposalJson;

  @Enumerated(EnumType.STRING)
  public RegistrationState state;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "involved_districts", columnDefinition = "text[]")
  public String[] involvedDistricts = new String[0];

  @Column(name = "approvals", columnDefinition = "jsonb")
  @ColumnTransformer(write = "?::jsonb")
  public String approvalsJson = "{}";

  @Version public int version;

  @Column(name = "created_by")
  public String createdBy;

  @Column(name = "created_at")
  public OffsetDateTime createdAt;

  @Column(name = "updated_at")
  public OffsetDateTime updatedAt;

  /** The proposed content as stored; states are recorded beside the snapshot. */
  @Override
  public Map<String, Object> auditSnapshot() {
    try {
      return Map.of("proposal", JSON.readValue(proposalJson, Object.class));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("amendment " + id + " has an unreadable proposal", e);
    }
  }
}
