package cn.jinan.edu.registry.domain;

import cn.jinan.edu.platform.data.Audited;
import cn.jinan.edu.platform.data.IdentityEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A unit (区县 or functional zone) with the dates it is in scope. The set of units is data, not code:
 * functional zones may join as assessed units.
 */
@Entity
@Table(name = "unit")
public class Unit extends IdentityEntity implements Audited {
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

  /** Name, kind and start: what the trail records of an added unit. */
  @Override
  public Map<String, Object> auditSnapshot() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("nameZh", nameZh);
    m.put("kind", kind.name());
    m.put("validFrom", validFrom.toString());
    return m;
  }

  public static List<Unit> inScope(LocalDate date) {
    return list("validFrom <= ?1 and (validTo is null or validTo > ?1) order by code", date);
  }
}
