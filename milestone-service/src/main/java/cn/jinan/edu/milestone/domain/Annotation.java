package cn.jinan.edu.milestone.domain;

import cn.jinan.edu.platform.data.Audited;
import cn.jinan.edu.platform.data.IdentityEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Map;

/** The bureau's note on a task (批注); never rewords the task itself. */
@Entity
@Table(name = "annotation")
public class Annotation extends IdentityEntity implements Audited {
  @Column(name = "task_id")
  public Long taskId;

  @Column(name = "text_zh")
  public String textZh;

  public String author;

  @Column(name = "created_at")
  public OffsetDateTime createdAt;

  @Version public int version;

  @Override
  public Map<String, Object> auditSnapshot() {
    return Map.of("textZh", textZh);
  }
}
