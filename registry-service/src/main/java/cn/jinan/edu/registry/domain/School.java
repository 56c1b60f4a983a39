package cn.jinan.edu.registry.domain;

import cn.jinan.edu.platform.data.Audited;
import cn.jinan.edu.platform.data.IdentityEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A school (学校) of the directory; registry-service is the only editable owner. */
@Entity
@Table(name = "school")
public class School extends IdentityEntity implements Audited {
  public String uscc;

  @Column(name = "name_zh")
  public String nameZh;

  @Column(name = "district_code")
  public String districtCode;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(columnDefinition = "text[]")
  public String[] stages;

  @Enumerated(EnumType.STRING)
  public Ownership ownership;

  @Enumerated(EnumType.STRING)
  @Column(name = "location_type")
  public LocationType locationType;

  @Column(name = "township_seat")
  public boolean townshipSeat;

  @Enumerated(EnumType.STRING)
  public SchoolStatus status;

  @Version public int version;

  @Column(name = "created_at")
  public OffsetDateTime createdAt;

  @Column(name = "updated_at")
  public OffsetDateTime updatedAt;

  /** Takes every field but the USCC from the input (the USCC never changes). */
  public void apply(SchoolInput in) {
    nameZh = in.nameZh().trim();
    districtCode = in.districtCode();
    stages = in.stages().stream().map(Enum::name).distinct().toArray(String[]::new);
    ownership = in.ownership();
    locationType = in.locationType();
    townshipSeat = in.townshipSeat();
    status = in.status() == null ? SchoolStatus.OPEN : in.status();
  }

  /** The directory fields (not the USCC, which names the entry, nor versions and times). */
  @Override
  public Map<String, Object> auditSnapshot() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("nameZh", nameZh);
    m.put("districtCode", districtCode);
    m.put("stages", stages == null ? null : List.of(stages));
    m.put("ownership", ownership == null ? null : ownership.name());
    m.put("locationType", locationType == null ? null : locationType.name());
    m.put("townshipSeat", townshipSeat);
    m.put("status", status == null ? null : status.name());
    return m;
  }

  public static Optional<School> byUscc(String uscc) {
    return find("uscc", uscc).firstResultOptional();
  }
}
