package cn.jinan.edu.milestone.domain;

import cn.jinan.edu.platform.data.Audited;
import cn.jinan.edu.platform.data.IdentityEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A responsible unit's progress on a task as of a date (进度报告), under the city's review. */
@Entity
@Table(name = "progress_report")
public class ProgressReport extends IdentityEntity implements Audited {
  @Column(name = "task_id")
  public Long taskId;

  @Column(name = "unit_code")
  public String unitCode;

  @Enumerated(EnumType.STRING)
  public ReportStatus status;

  public int percent;
  public String narrative;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "evidence", columnDefinition = "text[]")
  public String[] evidence;

  @Column(name = "as_of")
  public LocalDate asOf;

  @Enumerated(EnumType.STRING)
  public ReportState state;

  @Column(name = "created_by")
  public String createdBy;

  @Column(name = "created_at")
  public OffsetDateTime createdAt;

  @Column(name = "submitted_by")
  public String submittedBy;

  @Column(name = "submitted_at")
  public OffsetDateTime submittedAt;

  @Column(name = "reviewed_by")
  public String reviewedBy;

  @Column(name = "reviewed_at")
  public OffsetDateTime reviewedAt;

  @Column(name = "review_comment")
  public String reviewComment;

  @Version public int version;

  public ProgressRules.Progress progress() {
    return new ProgressRules.Progress(status, percent);
  }

  /** What the unit reported and where the review stands; the reviewer's note is the comment. */
  @Override
  public Map<String, Object> auditSnapshot() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("taskId", taskId);
    m.put("unitCode", unitCode);
    m.put("status", status.name());
    m.put("percent", percent);
    m.put("narrative", narrative);
    m.put("evidence", evidence == null ? List.of() : Arrays.asList(evidence));
    m.put("asOf", asOf.toString());
    m.put("state", state.name());
    return m;
  }
}
