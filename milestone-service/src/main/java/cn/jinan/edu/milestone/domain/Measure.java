package cn.jinan.edu.milestone.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/** One of a plan's measures (措施 一 … 十六). */
@Entity
@Immutable
@Table(name = "measure")
public class Measure extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

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
