package cn.jinan.edu.registry.domain;

import cn.jinan.edu.platform.data.Audited;
import cn.jinan.edu.platform.data.IdentityEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A registered cooperation (集团化办学 / 合作办学登记) and where it stands. */
@Entity
@Table(name = "registration")
public class Registration extends IdentityEntity implements Audited {

  @Enumerated(EnumType.STRING)
  public CooperationMode mode;

  public String name;

  @Column(name = "lead_school_id")
  public Long leadSchoolId;

  /** The lead school's district, kept for scoping and statistics. */
  @Column(name = "lead_district")
  public String leadDistrict;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(
      name = "registration_member",
      joinColumns = @JoinColumn(name = "registration_id"))
  @OrderColumn(name = "ordinal")
  @Column(name = "school_id")
  public List<Long> memberSchoolIds = new ArrayList<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(
      name = "registration_partner",
      joinColumns = @JoinColumn(name = "registration_id"))
  @OrderColumn(name = "ordinal")
  public List<PartnerRow> partners = new ArrayList<>();

  @Column(name = "term_start")
  public LocalDate termStart;

  @Column(name = "term_end")
  public LocalDate termEnd;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "content_areas", columnDefinition = "text[]")
  public String[] contentAreas;

  @Column(name = "content_text")
  public String contentText;

  @Column(name = "contact_name")
  public String contactName;

  @Column(name = "contact_phone")
  public String contactPhone;

  @Column(name = "cross_district")
  public boolean crossDistrict;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "involved_districts", columnDefinition = "text[]")
  public String[] involvedDistricts = new String[0];

  /** JSON object district code → {by, at}; written by the service with its ObjectMapper. */
  @Column(name = "approvals", columnDefinition = "jsonb")
  @ColumnTransformer(write = "?::jsonb")
  public String approvalsJson = "{}";

  @Enumerated(EnumType.STRING)
  public RegistrationState state;

  @Column(name = "filing_number")
  public String filingNumber;

  @Column(name = "filing_year")
  public Integer filingYear;

  @Column(name = "filing_seq")
  public Integer filingSeq;

  @Column(name = "filed_at")
  public OffsetDateTime filedAt;

  @Version public int version;

  @Column(name = "created_by")
  public String createdBy;

  @Column(name = "created_at")
  public OffsetDateTime createdAt;

  @Column(name = "updated_at")
  public OffsetDateTime updatedAt;

  /**
   * The USCCs of the schools, by id: not stored here (the school directory has them), set by {@link
   * #resolveParties} wherever the parties are loaded, because the trail names schools by USCC.
   */
  @Transient private final Map<Long, String> partyUscc = new HashMap<>();

  /** Tells the registration the USCCs of its schools (current or about to be set). */
  public void resolveParties(Collection<School> schools) {
    schools.forEach(s -> partyUscc.put(s.id, s.uscc));
  }

  /** Content, state and filing number, schools by USCC; needs {@link #resolveParties} first. */
  @Override
  public Map<String, Object> auditSnapshot() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("mode", mode.name());
    m.put("name", name);
    m.put("leadSchool", uscc(leadSchoolId));
    m.put("memberSchools", memberSchoolIds.stream().map(this::uscc).toList());
    m.put("partners", partners.stream().map(p -> p.name + "|" + p.uscc + "|" + p.role).toList());
    m.put("termStart", termStart.toString());
    m.put("termEnd", termEnd.toString());
    m.put("contentAreas", List.of(contentAreas));
    m.put("contentText", contentText);
    m.put("contactName", contactName);
    m.put("contactPhone", contactPhone);
    m.put("state", state.name());
    m.put("filingNumber", filingNumber);
    return m;
  }

  private String uscc(Long schoolId) {
    String uscc = partyUscc.get(schoolId);
    if (uscc == null) {
      throw new IllegalStateException(
          "school " + schoolId + " of registration " + id + " not resolved");
    }
    return uscc;
  }

  /** A partner row as stored. */
  @Embeddable
  public static class PartnerRow {
    public String name;
    public String uscc;
    public String role;

    public PartnerRow() {}

    public PartnerRow(String name, String uscc, String role) {
      this.name = name;
      this.uscc = uscc;
      this.role = role;
    }
  }
}
