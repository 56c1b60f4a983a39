package cn.jinan.edu.quality.domain;

import cn.jinan.edu.platform.data.IdentityEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A unit (区县 or functional zone) with the dates it is in scope: reference data, not code. */
@Entity
@Table(name = "unit")
public class Unit extends IdentityEntity {
  public String code;

  @Column(name = "name_zh")
  public String nameZh;

  @Enumerated(EnumType.STRING)
  public UnitKind kind;

  @Column(name = "valid_from")
  public LocalDate validFrom;

  @Column(name = "valid_to")
  public LocalDate validTo;

  @Column(name = "created_by")
  public String createdBy;

  @Column(name = "created_at", insertable = false, updatable = false)
  public OffsetDateTime createdAt;

  /** Units in scope on a date (valid_from ≤ date < valid_to), by code. */
  public static List<Unit> inScope(LocalDate date) {
    return list("validFrom <= ?1 and (validTo is null or validTo > ?1) order by code", date);
  }

  /** Whether the code was ever a unit (values of past periods stay addressable). */
  public static boolean known(String code) {
    return count("code", code) > 0;
  }
}
