package cn.jinan.edu.milestone.domain;

import cn.jinan.edu.platform.data.IdentityEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/** One of a plan's measures (措施 一 … 十六). */
@Entity
@Immutable
@Table(name = "measure")
public class Measure extends IdentityEntity {
  @Column(name = "plan_id")
  public Long planId;

  public int number;
  public String numeral;
  public String title;

  @Column(name = "action_number")
  public int actionNumber;

  public String commitments;

  @Column(name = "from_document")
  public boolean fromDocument;
}
