package cn.jinan.edu.milestone.domain;

import cn.jinan.edu.platform.data.IdentityEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** The last figure read from another service for a code, unit and date (see task_binding). */
@Entity
@Table(name = "source_figure")
public class SourceFigure extends IdentityEntity {
  public String source;
  public String code;

  @Column(name = "unit_code")
  public String unitCode;

  @Column(name = "as_of")
  public LocalDate asOf;

  public String status;
  public BigDecimal progress;
  public boolean met;

  @Column(name = "current_value")
  public BigDecimal currentValue;

  @Column(name = "required_value")
  public BigDecimal requiredValue;

  public String explanation;

  @Column(name = "fetched_at")
  public OffsetDateTime fetchedAt;
}
