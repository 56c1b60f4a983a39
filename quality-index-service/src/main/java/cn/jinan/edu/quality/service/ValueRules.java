package cn.jinan.edu.quality.service;

import cn.jinan.edu.platform.data.AuditService;
import cn.jinan.edu.platform.ids.Uscc;
import cn.jinan.edu.platform.problem.FieldError;
import cn.jinan.edu.platform.problem.ProblemException;
import cn.jinan.edu.quality.domain.ApprovalState;
import cn.jinan.edu.quality.domain.DataApproval;
import cn.jinan.edu.quality.domain.DataValue;
import cn.jinan.edu.quality.domain.Indicator;
import cn.jinan.edu.quality.domain.IndicatorLevel;
import cn.jinan.edu.quality.domain.Unit;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The rules one written value follows, shared by the single write and the import: the fields, the
 * frozen periods (SUBMITTED or APPROVED), how a value is stored and how its change is audited.
 */
final class ValueRules {
  private ValueRules() {}

  /** Field problems of one input, in the order a person would fix them. */
  static List<FieldError> validate(ValueInput in, Indicator ind) {
    List<FieldError> e = new ArrayList<>();
    if (in.period() == null || in.period() < 2000 || in.period() > 2100) {
      e.add(new FieldError("period", "统计年度须为2000–2100 (an ISO year between 2000 and 2100)"));
    }
    if (in.districtCode() == null || !in.districtCode().matches("\\d{6}")) {
      e.add(new FieldError("districtCode", "区县代码必填，6位数字 (a 6-digit district code is required)"));
    } else if (!Unit.known(in.districtCode())) {
      e.add(new FieldError("districtCode", UNKNOWN_UNIT_MESSAGE));
    }
    if (ind.level == IndicatorLevel.SCHOOL) {
      if (in.schoolUscc() == null || in.schoolUscc().isBlank()) {
        e.add(
            new FieldError(
                "schoolUscc",
                "学校层级指标须提供学校统一社会信用代码 (a school-level indicator needs the school's USCC)"));
      } else {
        Uscc.problem(in.schoolUscc()).ifPresent(p -> e.add(new FieldError("schoolUscc", p)));
      }
    } else if (in.schoolUscc() != null && !in.schoolUscc().isBlank()) {
      e.add(
          new FieldError("schoolUscc", "区县层级指标不填学校 (a district-level indicator takes no school)"));
    }
    ind.valueType.problem(in.value()).ifPresent(p -> e.add(new FieldError("value", p)));
    if (in.source() != null && in.source().length() > 200) {
      e.add(new FieldError("source", "最长200字 (at most 200 characters)"));
    }
    if (in.comment() != null && in.comment().length() > 2000) {
      e.add(new FieldError("comment", "最长2000字 (at most 2000 characters)"));
    }
    return e;
  }

  /** The message of a district code that names no unit; the import codes it UNKNOWN_UNIT. */
  static final String UNKNOWN_UNIT_MESSAGE = "不是已知的区县代码 (not a known unit; see GET /api/v1/units)";

  /** The period's state; with {@code lock} the approval row is locked so it cannot change. */
  static ApprovalState state(String district, int period, boolean lock) {
    Optional<DataApproval> a =
        lock ? DataApproval.lockedRow(district, period) : DataApproval.of(district, period);
    return a.map(x -> x.state).orElse(ApprovalState.OPEN);
  }

  /** Locks the approval row (if any) and refuses with 409 when the period is frozen. */
  static void requireEditable(String district, int period) {
    ApprovalState state = state(district, period, true);
    if (!state.editable()) {
      throw ProblemException.conflict(
          lockedReason(district, period, state),
          Map.of("districtCode", district, "period", period, "approvalState", state.name()));
    }
  }

  static String lockedReason(String district, int period, ApprovalState state) {
    String when = district + " " + period;
    return state == ApprovalState.APPROVED
        ? when + "年数据已审定锁定 (approved and locked: the city must unlock it before any change)"
        : when + "年数据已报送待审 (submitted for review: withdraw it or wait for the city to return it)";
  }

  /** A new value of the indicator for the input's subject and period (not yet persisted). */
  static DataValue create(Indicator ind, ValueInput in, String actor) {
    DataValue v = new DataValue();
    v.indicatorId = ind.id;
    v.subject = in.subject();
    v.period = in.period();
    v.createdAt = OffsetDateTime.now();
    apply(v, in, actor);
    return v;
  }

  static void apply(DataValue v, ValueInput in, String actor) {
    v.districtCode = in.districtCode();
    v.schoolUscc = blankToNull(in.schoolUscc());
    v.value = in.value();
    v.source = blankToNull(in.source());
    v.comment = blankToNull(in.comment());
    v.updatedBy = actor;
    v.updatedAt = OffsetDateTime.now();
  }

  /** Whether the input would change nothing of the stored value. */
  static boolean same(DataValue v, ValueInput in) {
    return v.value.compareTo(in.value()) == 0
        && Objects.equals(v.source, blankToNull(in.source()))
        && Objects.equals(v.comment, blankToNull(in.comment()))
        && v.districtCode.equals(in.districtCode());
  }

  /** The audit entry of a written value; the caller adds before() for an update. */
  static AuditService.Change change(Indicator ind, DataValue v, String action) {
    return AuditService.Change.of("data-value", entityId(ind.code, v.subject, v.period))
        .aggregate(aggregateId(v.districtCode, v.period))
        .district(v.districtCode)
        .action(action)
        .comment(v.comment)
        .after(v);
  }

  static String entityId(String indicator, String subject, int period) {
    return indicator + "/" + subject + "/" + period;
  }

  /** Values and approval of a district's period share one audit trail. */
  static String aggregateId(String district, int period) {
    return "data:" + district + ":" + period;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
