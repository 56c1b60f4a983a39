package cn.jinan.edu.registry.domain;

import cn.jinan.edu.platform.data.Audited;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Map;

/** 典型案例 a filed cooperation the city promotes, by year and stage. */
@Entity
@Table(name = "typical_case")
public class TypicalCase extends PanacheEntityBase implements Audited {
  @Id
  @Column(name = "registration_id")
  public Long registrationId;

  public int year;

  @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
  public TypicalCaseStage stage;

  @Column(name = "marked_by")
  public String markedBy;

  @Column(name = "marked_at")
  public OffsetDateTime markedAt;

  @Override
  public Map<String, Object> auditSnapshot() {
    return Map.of("year", year, "stage", stage.name());
  }
}
