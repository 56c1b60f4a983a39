package cn.jinan.edu.milestone.domain;

import cn.jinan.edu.platform.data.IdentityEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/** One of a plan's actions (行动). */
@Entity
@Immutable
@Table(name = "action")
public class PlanAction extends IdentityEntity {
  @Column(name = "plan_id")
  public Long planId;

  public int number;
  public String title;

  @Column(name = "from_document")
  public boolean fromDocument;
}
