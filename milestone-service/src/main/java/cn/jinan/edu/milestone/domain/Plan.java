package cn.jinan.edu.milestone.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Optional;
import org.hibernate.annotations.Immutable;

/** A plan document (e.g. 济教办〔2025〕10号) or a further plan the bureau added. Never changed. */
@Entity
@Immutable
@Table(name = "plan")
public class Plan extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  public String code;
  public String title;

  @Column(name = "document_number")
  public String documentNumber;

  public String issuer;

  @Column(name = "issue_date")
  public LocalDate issueDate;

  @Column(name = "period_start")
  public int periodStart;

  @Column(name = "period_end")
  public int periodEnd;

  @Column(name = "from_document")
  public boolean fromDocument;

  public static Optional<Plan> byCode(String code) {
    return find("code", code).firstResultOptional();
  }
}
