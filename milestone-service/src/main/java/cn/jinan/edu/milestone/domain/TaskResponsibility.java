package cn.jinan.edu.milestone.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

/** The version of a task's set of responsible units, so that concurrent changes are refused. */
@Entity
@Table(name = "task_responsibility")
public class TaskResponsibility extends PanacheEntityBase {
  @Id
  @Column(name = "task_id")
  public Long taskId;

  @Version public int version;

  @Column(name = "updated_at")
  public OffsetDateTime updatedAt;

  @Column(name = "updated_by")
  public String updatedBy;
}
