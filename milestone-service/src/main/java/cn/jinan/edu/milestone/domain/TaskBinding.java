package cn.jinan.edu.milestone.domain;

import cn.jinan.edu.platform.data.Audited;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Map;

/** A task whose progress is a live figure of another service. */
@Entity
@Table(name = "task_binding")
public class TaskBinding extends PanacheEntityBase implements Audited {
  @Id
  @Column(name = "task_id")
  public Long taskId;

  @Enumerated(EnumType.STRING)
  public BindingSource source;

  @Column(name = "target_code")
  public String targetCode;

  @Column(name = "bound_at")
  public OffsetDateTime boundAt;

  @Column(name = "bound_by")
  public String boundBy;

  @Version public int version;

  @Override
  public Map<String, Object> auditSnapshot() {
    return Map.of("source", source.name(), "targetCode", targetCode);
  }
}
