package cn.jinan.edu.quality.domain;

import cn.jinan.edu.platform.data.Audited;
import cn.jinan.edu.platform.data.IdentityEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One value of an indicator for a district or a school in a period (ISO year). For a school the
 * district is as given by the caller and kept with the value.
 */
@Entity
@Table(name = "data_value")
public class DataValue extends IdentityEntity implements Audited {
  @Column(name = "indicator_id")
  public Long indicatorId;

  /** District code for district-level indicators, USCC for school-level ones. */
  public String subject;

  @Column(name = "district_code")
  public String districtCode;

  @Column(name = "school_uscc")
  public String schoolUscc;

  public int period;

  public BigDecimal value;

  public String source;

  public String comment;

  @Version public int version;

  @Column(name = "updated_by")
  public String updatedBy;

  @Column(name = "created_at")
  public OffsetDateTime createdAt;

  @Column(name = "updated_at")
  public OffsetDateTime updatedAt;

  public static Optional<DataValue> find(long indicatorId, String subject, int period) {
    return find("indicatorId = ?1 and subject = ?2 and period = ?3", indicatorId, subject, period)
        .firstResultOptional();
  }

  public static Optional<DataValue> findForUpdate(long indicatorId, String subject, int period) {
    return find("indicatorId = ?1 and subject = ?2 and period = ?3", indicatorId, subject, period)
        .withLock(LockModeType.PESSIMISTIC_WRITE)
        .firstResultOptional();
  }

  /** What the trail compares: the value and what a caller may change beside it. */
  @Override
  public Map<String, Object> auditSnapshot() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("value", Decimals.text(value));
    m.put("districtCode", districtCode);
    m.put("source", source);
    m.put("comment", comment);
    return m;
  }
}
