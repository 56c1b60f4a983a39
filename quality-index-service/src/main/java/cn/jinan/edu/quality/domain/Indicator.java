package cn.jinan.edu.quality.domain;

import cn.jinan.edu.platform.data.Audited;
import cn.jinan.edu.platform.data.IdentityEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** An indicator definition (指标): reference data; city-admin may add. */
@Entity
@Table(name = "indicator")
public class Indicator extends IdentityEntity implements Audited {
  public String code;

  @Column(name = "name_zh")
  public String nameZh;

  @Column(name = "name_en")
  public String nameEn;

  @Column(name = "unit_label")
  public String unitLabel;

  @Enumerated(EnumType.STRING)
  @Column(name = "value_type")
  public ValueType valueType;

  @Enumerated(EnumType.STRING)
  public IndicatorLevel level;

  public String description;

  @Column(name = "created_by")
  public String createdBy;

  @Column(name = "created_at", insertable = false, updatable = false)
  public OffsetDateTime createdAt;

  public static Optional<Indicator> byCode(String code) {
    return find("code", code).firstResultOptional();
  }

  /** The definition's fields as the audit trail records them. */
  @Override
  public Map<String, Object> auditSnapshot() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("nameZh", nameZh);
    m.put("nameEn", nameEn);
    m.put("unit", unitLabel);
    m.put("valueType", valueType.name());
    m.put("level", level.name());
    m.put("description", description);
    return m;
  }
}
