package cn.jinan.edu.milestone.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** The city bureau, a department (处室) or a district (区县) that can be responsible for tasks. */
@Entity
@Table(name = "responsible_unit")
public class ResponsibleUnit extends PanacheEntityBase {
  @Id public String code;

  @Column(name = "name_zh")
  public String nameZh;

  @Enumerated(EnumType.STRING)
  public UnitKind kind;

  @Column(name = "valid_from")
  public LocalDate validFrom;

  @Column(name = "valid_to")
  public LocalDate validTo;

  public boolean inScopeOn(LocalDate day) {
    return !day.isBefore(validFrom) && (validTo == null || day.isBefore(validTo));
  }
}
