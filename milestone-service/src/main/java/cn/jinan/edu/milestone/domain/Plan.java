package cn.jinan.edu.milestone.domain;

import cn.jinan.edu.platform.data.IdentityEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Optional;
import org.hibernate.annotations.Immutable;

/** A plan document (e.g. 济教办〔2025〕10号) or a further plan the bureau added. Never changed. */
@Entity
@Immutable
@Table(name = "plan")
public class Plan extends IdentityEntity {
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
