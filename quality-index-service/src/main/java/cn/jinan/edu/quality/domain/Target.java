package cn.jinan.edu.quality.domain;

import cn.jinan.edu.platform.data.IdentityEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/** One of the plan's quantitative targets (DOMAIN.md section 5), seeded by migration. */
@Entity
@Table(name = "target")
public class Target extends IdentityEntity {
  public String code;

  @Column(name = "name_zh")
  public String nameZh;

  @Column(name = "name_en")
  public String nameEn;

  @Enumerated(EnumType.STRING)
  public TargetKind kind;

  @Column(name = "indicator_code")
  public String indicatorCode;

  @Column(name = "denominator_code")
  public String denominatorCode;

  /** A unit or school counts when its value is ≥ this (e.g. 1 for yes, 1 researcher). */
  @Column(name = "qualifying_value")
  public BigDecimal qualifyingValue;

  /** Percent for shares and ratios, a number for sums. */
  public BigDecimal threshold;

  public String comparator;

  @Enumerated(EnumType.STRING)
  public TargetScope scope;

  /** Null for an ongoing requirement. */
  public LocalDate deadline;

  public String measure;

  public String description;

  public static Optional<Target> byCode(String code) {
    return find("code", code).firstResultOptional();
  }
}
