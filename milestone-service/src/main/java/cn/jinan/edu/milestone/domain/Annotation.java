package cn.jinan.edu.milestone.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

/** The bureau's note on a task (批注); never rewords the task itself. */
@Entity
@Table(name = "annotation")
public class Annotation extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "task_id")
  public Long taskId;

  @Column(name = "text_zh")
  public String textZh;

  public String author;

  @Column(name = "created_at")
  public OffsetDateTime createdAt;

  @Version public int version;
}
