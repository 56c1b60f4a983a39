package cn.jinan.edu.quality.domain;

import cn.jinan.edu.platform.data.Audited;
import cn.jinan.edu.platform.data.IdentityEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;

/** Approval of one district's data for one period; no row means OPEN. */
@Entity
@Table(name = "data_approval")
public class DataApproval extends IdentityEntity implements Audited {
  @Column(name = "district_code")
  public String districtCode;

  public int period;

  @Enumerated(EnumType.STRING)
  public ApprovalState state;

  public String comment;

  @Version public int version;

  @Column(name = "updated_by")
  public String updatedBy;

  @Column(name = "updated_at")
  public OffsetDateTime updatedAt;

  public static Optional<DataApproval> of(String district, int period) {
    return find("districtCode = ?1 and period = ?2", district, period).firstResultOptional();
  }

  public static Optional<DataApproval> lockedRow(String district, int period) {
    return find("districtCode = ?1 and period = ?2", district, period)
        .withLock(LockModeType.PESSIMISTIC_WRITE)
        .firstResultOptional();
  }

  public static ApprovalState stateOf(String district, int period) {
    return of(district, period).map(a -> a.state).orElse(ApprovalState.OPEN);
  }

  @Override
  public Map<String, Object> auditSnapshot() {
    return Map.of("state", state.name());
  }
}
