package cn.jinan.edu.registry.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A unit (区县 or functional zone) with the dates it is in scope. The set of units is data, not code:
 * functional zones may join as assessed units.
 */
@Entity
@Table(name = "unit")
public class Unit extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  public String code;

  @Column(name = "name_zh")
  public String nameZh;

  @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
  public UnitKind kind;

  @Column(name = "valid_from")
  public LocalDate validFrom;

  @Column(name = "valid_to")
  public LocalDate validTo;

  @Column(name = "created_by")
  public String createdBy;

  @Column(name = "created_at", insertable = false, updatable = false)
  public OffsetDateTime createdAt;

  public boolean inScopeOn(LocalDate date) {
    return !validFrom.isAfter(date) && (validTo == null || validTo.isAfter(date));
  }

  public static List<Unit> inScope(LocalDate date) {
    return list("validFrom <= ?1 and (validTo is null or validTo > ?1) order by code", date);
  }

  public static boolean existsOn(String code, LocalDate date) {
    return count("code = ?1 and validFrom <= ?2 and (validTo is null or validTo > ?2)", code, date)
        > 0;
  }
}
