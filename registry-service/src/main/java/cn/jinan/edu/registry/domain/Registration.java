package cn.jinan.edu.registry.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A registered cooperation (集团化办学 / 合作办学登记) and where it stands. */
@Entity
@Table(name = "registration")
public class Registration extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

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
