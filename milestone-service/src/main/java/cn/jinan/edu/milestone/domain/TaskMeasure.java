package cn.jinan.edu.milestone.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * Which measure a task serves; plan and action are repeated for the database's same-action check.
 */
@Entity
@Table(name = "task_measure")
public class TaskMeasure extends PanacheEntityBase {
  @EmbeddedId public Key key;

  @Column(name = "plan_id")
  public Long planId;

  @Column(name = "action_number")
  public int actionNumber;

  @Embeddable
  public static class Key implements Serializable {
    @Column(name = "task_id")
    public Long taskId;

    @Column(name = "measure_id")
    public Long measureId;

    public Key() {}

    public Key(Long taskId, Long measureId) {
      this.taskId = taskId;
      this.measureId = measureId;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(taskId, k.taskId)
          && Objects.equals(measureId, k.measureId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(taskId, measureId);
    }
  }
}
