package cn.jinan.edu.milestone.domain;

import cn.jinan.edu.platform.data.IdentityEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.LocalDate;
import org.hibernate.annotations.Immutable;

/** A key task (重点任务) with its deadline. Document tasks are protected by database triggers. */
@Entity
@Immutable
@Table(name = "task")
public class Task extends IdentityEntity {
  @Column(name = "plan_id")
  public Long planId;

  public int number;

  @Column(name = "action_number")
  public int actionNumber;

  public int year;
  public int ordinal;

  @Column(name = "text_zh")
  public String textZh;

  @Column(name = "deadline_date")
  public LocalDate deadlineDate;

  @Column(name = "from_document")
  public boolean fromDocument;

  public Deadline deadline() {
    return new Deadline(deadlineDate);
  }
}
