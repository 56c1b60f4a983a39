package cn.jinan.edu.milestone.domain;

import cn.jinan.edu.platform.data.IdentityEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A unit's responsibility for a task from assignedAt until endedAt (open while null). */
@Entity
@Table(name = "task_assignment")
public class Assignment extends IdentityEntity {
  @Column(name = "task_id")
  public Long taskId;

  @Column(name = "unit_code")
  public String unitCode;

  @Column(name = "assigned_at")
  public OffsetDateTime assignedAt;

  @Column(name = "assigned_by")
  public String assignedBy;

  @Column(name = "ended_at")
  public OffsetDateTime endedAt;

  @Column(name = "ended_by")
  public String endedBy;

  public String comment;
}
