package cn.jinan.edu.milestone.api;

import cn.jinan.edu.milestone.domain.BindingSource;
import cn.jinan.edu.milestone.domain.DerivedState;
import cn.jinan.edu.milestone.domain.ProgressSource;
import cn.jinan.edu.milestone.domain.ReportState;
import cn.jinan.edu.milestone.domain.ReportStatus;
import cn.jinan.edu.milestone.domain.UnitKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the milestone API returns: response records with their OpenAPI schemas. The services build
 * them and the resources serve them, so they live beside both, not in either; no entity leaves the
 * service layer.
 */
public final class Views {
  private Views() {}

  @Schema(name = "Plan", description = "规划文件 A plan document or a further plan of the bureau")
  public record PlanView(
      @Schema(description = "编号 id", example = "1") long id,
      @Schema(description = "代码 code", example = "JN-2025-10") String code,
      @Schema(description = "标题 title", example = "济南市基础教育扩优提质行动实施方案（2025—2027年）") String title,
      @Schema(description = "文号 document number", example = "济教办〔2025〕10号") String documentNumber,
      @Schema(description = "发文机关 issuer", example = "济南市教育局办公室") String issuer,
      @Schema(description = "印发日期 issue date", example = "2025-06-13") LocalDate issueDate,
      @Schema(description = "起始年 first year", example = "2025") int periodStart,
      @Schema(description = "终止年 last year", example = "2027") int periodEnd,
      @Schema(description = "是否文件原文 reproduces the document (protected)", example = "true")
          boolean fromDocument) {}

  @Schema(name = "Action", description = "行动 An action of a plan")
  public record ActionView(
      @Schema(description = "所属规划 plan code", example = "JN-2025-10") String plan,
      @Schema(description = "序号 number", example = "2") int number,
      @Schema(description = "名称 title", example = "义务教育强校提质优质均衡行动") String title,
      @Schema(description = "是否文件原文 from the document", example = "true") boolean fromDocument) {}

  @Schema(name = "Measure", description = "措施 A measure of a plan (一 … 十六)")
  public record MeasureView(
      @Schema(description = "所属规划 plan code", example = "JN-2025-10") String plan,
      @Schema(description = "序号 number", example = "7") int number,
      @Schema(description = "中文序号 numeral", example = "七") String numeral,
      @Schema(description = "标题 title", example = "实施集团化办学2.0工程") String title,
      @Schema(description = "所属行动 action number", example = "2") int actionNumber,
      @Schema(description = "量化承诺 quantitative commitments", example = "到2025年底，完成全市集团化办学登记、备案")
          String commitments,
      @Schema(description = "是否文件原文 from the document", example = "true") boolean fromDocument) {}

  @Schema(name = "Task", description = "重点任务 A key task with its deadline")
  public record TaskView(
      @Schema(description = "编号 id (use in URLs)", example = "6") long id,
      @Schema(description = "所属规划 plan code", example = "JN-2025-10") String plan,
      @Schema(description = "任务序号 number in the plan", example = "6") int number,
      @Schema(description = "所属行动 action number", example = "2") int actionNumber,
      @Schema(description = "完成年份 year", example = "2025") int year,
      @Schema(description = "单元格内序号 position in its cell (① = 1)", example = "2") int ordinal,
      @Schema(
              description = "任务内容 text as in the document",
              example = "实行全市中小学校集团化办学（合作办学）登记备案制度，完成全市中小学校集团化办学（合作办学）登记备案")
          String textZh,
      @Schema(description = "完成时限 last day, Asia/Shanghai", example = "2025-12-31")
          LocalDate deadline,
      @Schema(description = "逾期起始 first late instant", example = "2025-12-31T16:00:00Z")
          Instant lateFrom,
      @Schema(description = "服务措施 measure numbers", example = "[7]") List<Integer> measures,
      @Schema(description = "是否文件原文 from the document", example = "true") boolean fromDocument) {}

  @Schema(name = "TaskDetail", description = "任务详情 A task with measures, units, binding and notes")
  public record TaskDetailView(
      @Schema(description = "任务 the task") TaskView task,
      @Schema(description = "服务措施 measures served") List<MeasureView> measures,
      @Schema(description = "责任单位 current responsible units") List<AssignmentView> responsibleUnits,
      @Schema(description = "数据绑定 live-figure binding, null if none") BindingView binding,
      @Schema(description = "批注 the bureau's annotations, oldest first")
          List<AnnotationView> annotations) {}

  @Schema(name = "Annotation", description = "批注 A note of the bureau on a task")
  public record AnnotationView(
      @Schema(description = "编号 id", example = "3") long id,
      @Schema(description = "任务 task id", example = "6") long taskId,
      @Schema(description = "内容 text", example = "请各区县于11月底前完成备案材料报送") String textZh,
      @Schema(description = "作者 author", example = "city-admin-1") String author,
      @Schema(description = "时间 created at", example = "2025-11-03T09:30:00+08:00")
          OffsetDateTime createdAt) {}

  @Schema(name = "Unit", description = "责任单位 The city bureau, a department (处室) or a district")
  public record UnitView(
      @Schema(description = "代码 code (GB/T 2260 for districts)", example = "370102") String code,
      @Schema(description = "名称 name", example = "历下区") String nameZh,
      @Schema(description = "类型 kind", example = "DISTRICT") UnitKind kind,
      @Schema(description = "生效日期 in scope from", example = "2000-01-01") LocalDate validFrom,
      @Schema(
              description = "失效日期 in scope until (exclusive), null while in scope",
              example = "2030-01-01")
          LocalDate validTo) {}

  @Schema(
      name = "UnitMirror",
      description = "区县同步 The result of reading registry-service's units into this service")
  public record UnitMirrorView(
      @Schema(description = "来源 owner of the units", example = "registry-service") String source,
      @Schema(description = "收到 periods the registry listed", example = "12") int received,
      @Schema(description = "新增 units added here", example = "0") int added,
      @Schema(description = "更新 units whose name, kind or period changed", example = "2")
          int updated,
      @Schema(description = "删除 units gone from the registry and removed here", example = "0")
          int removed,
      @Schema(
              description =
                  "保留 units gone from the registry but kept: assignments or reports refer to them",
              example = "0")
          int retained,
      @Schema(description = "当前 every unit held now, by code") List<UnitView> units) {}

  @Schema(name = "Assignment", description = "责任分工 A unit's responsibility for a task")
  public record AssignmentView(
      @Schema(description = "编号 id", example = "15") long id,
      @Schema(description = "任务 task id", example = "6") long taskId,
      @Schema(description = "单位代码 unit code", example = "370102") String unitCode,
      @Schema(description = "单位名称 unit name", example = "历下区") String unitNameZh,
      @Schema(description = "单位类型 unit kind", example = "DISTRICT") UnitKind unitKind,
      @Schema(description = "分工时间 assigned at", example = "2025-06-13T00:00:00+08:00")
          OffsetDateTime assignedAt,
      @Schema(description = "分工人 assigned by", example = "system") String assignedBy,
      @Schema(
              description = "结束时间 ended at, null while current",
              example = "2025-09-01T10:00:00+08:00")
          OffsetDateTime endedAt,
      @Schema(description = "结束人 ended by", example = "city-admin-1") String endedBy,
      @Schema(description = "说明 comment", example = "默认 default: 各区县") String comment) {}

  @Schema(name = "Assignments", description = "责任分工 A task's responsible units (ETag = version)")
  public record AssignmentsView(
      @Schema(description = "任务 task id", example = "6") long taskId,
      @Schema(description = "版本 version, also the ETag", example = "0") int version,
      @Schema(description = "当前 current assignments") List<AssignmentView> current,
      @Schema(description = "历史 ended assignments (with ?history=true), oldest first")
          List<AssignmentView> history) {}

  @Schema(name = "Binding", description = "数据绑定 Where a bound task's progress comes from")
  public record BindingView(
      @Schema(description = "来源 source", example = "QUALITY_TARGET") BindingSource source,
      @Schema(description = "指标代码 target code", example = "PRESCHOOL_INCLUSIVE_COUNTY")
          String targetCode,
      @Schema(description = "版本 version (If-Match to replace the binding)", example = "0")
          int version) {}

  @Schema(name = "ProgressReport", description = "进度报告 A unit's progress on a task")
  public record ReportView(
      @Schema(description = "编号 id", example = "12") long id,
      @Schema(description = "任务 task id", example = "5") long taskId,
      @Schema(description = "任务序号 task number", example = "5") int taskNumber,
      @Schema(description = "单位 unit code", example = "370102") String unitCode,
      @Schema(description = "单位名称 unit name", example = "历下区") String unitNameZh,
      @Schema(description = "进展状态 status", example = "IN_PROGRESS") ReportStatus status,
      @Schema(description = "完成百分比 percent complete", example = "60") int percent,
      @Schema(description = "进展说明 narrative", example = "已完成3所乡镇初中结对帮扶") String narrative,
      @Schema(
              description = "佐证材料 evidence: document references or URLs",
              example = "[\"历下教体发〔2025〕12号\"]")
          List<String> evidence,
      @Schema(description = "统计截止日期 as of", example = "2025-09-30") LocalDate asOf,
      @Schema(description = "审核状态 review state", example = "SUBMITTED") ReportState state,
      @Schema(description = "审核状态中文", example = "已报送") String stateZh,
      @Schema(description = "报送人 submitted by", example = "reviewer-370102") String submittedBy,
      @Schema(description = "报送时间 submitted at", example = "2025-10-08T09:00:00+08:00")
          OffsetDateTime submittedAt,
      @Schema(description = "审核人 reviewed by", example = "city-admin-1") String reviewedBy,
      @Schema(description = "审核时间 reviewed at", example = "2025-10-09T15:00:00+08:00")
          OffsetDateTime reviewedAt,
      @Schema(description = "审核意见 review comment", example = "请补充佐证材料") String reviewComment,
      @Schema(
              description = "可执行操作 actions this caller may take now",
              example = "[\"accept\",\"return\"]")
          List<String> allowedActions,
      @Schema(description = "版本 version, also the ETag", example = "1") int version) {}

  @Schema(name = "Figure", description = "外部数据 A live figure of another service")
  public record FigureView(
      @Schema(description = "来源 source", example = "QUALITY_TARGET") BindingSource source,
      @Schema(description = "指标代码 code", example = "PRESCHOOL_INCLUSIVE_COUNTY") String code,
      @Schema(description = "单位 unit of the figure (370100 = city)", example = "370100")
          String unitCode,
      @Schema(description = "数据日期 as of", example = "2026-06-30") LocalDate asOf,
      @Schema(description = "来源状态 status at the source", example = "ON_TRACK") String status,
      @Schema(description = "是否达成 met", example = "false") boolean met,
      @Schema(description = "进度 progress 0–1", example = "0.7") double progress,
      @Schema(description = "当前值 current value", example = "7") BigDecimal currentValue,
      @Schema(description = "目标值 required value", example = "10") BigDecimal requiredValue,
      @Schema(
              description = "说明 explanation",
              example = "7 of 12 districts, 10 required, 3 more needed")
          String explanation,
      @Schema(
              description = "读取时间 when it was read from the source",
              example = "2026-06-30T08:00:00Z")
          OffsetDateTime fetchedAt,
      @Schema(
              description =
                  "是否过期 true: the source is unreachable and this is the last known figure",
              example = "false")
          boolean stale) {}

  @Schema(
      name = "UnitStatus",
      description = "单位进展 One responsible unit's part of a task at a moment")
  public record UnitStatusView(
      @Schema(description = "单位 unit code", example = "370102") String unitCode,
      @Schema(description = "单位名称 unit name", example = "历下区") String unitNameZh,
      @Schema(description = "单位类型 kind", example = "DISTRICT") UnitKind unitKind,
      @Schema(description = "派生状态 derived state", example = "ON_TRACK") DerivedState state,
      @Schema(description = "派生状态中文", example = "按计划推进") String stateZh,
      @Schema(description = "进展状态 status", example = "IN_PROGRESS") ReportStatus status,
      @Schema(description = "完成百分比 percent", example = "60") int percent,
      @Schema(description = "数据来源 source of the progress", example = "REPORT")
          ProgressSource source,
      @Schema(description = "采纳的报告 accepted report used, if any", example = "12") Long reportId,
      @Schema(description = "报告日期 its as-of date", example = "2025-09-30") LocalDate reportAsOf,
      @Schema(description = "外部数据 the figure used, if bound") FigureView figure) {}

  @Schema(name = "TaskStatus", description = "任务进展 A task's derived state at a moment")
  public record TaskStatusView(
      @Schema(description = "任务 task id", example = "5") long taskId,
      @Schema(description = "所属规划 plan code", example = "JN-2025-10") String plan,
      @Schema(description = "任务序号 number", example = "5") int number,
      @Schema(description = "所属行动 action", example = "2") int actionNumber,
      @Schema(description = "完成年份 year", example = "2025") int year,
      @Schema(description = "任务内容 text", example = "支持市区优质初中对口帮助乡镇初中提升管理水平和办学质量") String textZh,
      @Schema(description = "完成时限 deadline (last day)", example = "2025-12-31") LocalDate deadline,
      @Schema(description = "评估时点 the moment evaluated", example = "2025-12-31T15:59:59.999999999Z")
          Instant asOf,
      @Schema(description = "计划进度 where the straight line stands, percent", example = "86.4")
          double expectedPercent,
      @Schema(description = "总体状态 overall derived state", example = "DUE_SOON") DerivedState state,
      @Schema(description = "总体状态中文", example = "即将到期") String stateZh,
      @Schema(description = "数据绑定 binding, null if none") BindingView binding,
      @Schema(description = "各责任单位 per responsible unit") List<UnitStatusView> units) {}

  @Schema(
      name = "RollupRow",
      description = "汇总 Counts and percentages per derived state for one group")
  public record RollupRow(
      @Schema(
              description = "分组键 key: action/year/measure number, district code or 370100",
              example = "2")
          String key,
      @Schema(description = "分组名称 name", example = "义务教育强校提质优质均衡行动") String nameZh,
      @Schema(description = "合计 total counted", example = "8") int total,
      @Schema(
              description = "各状态数量 count per state",
              example =
                  "{\"OVERDUE\":1,\"DUE_SOON\":2,\"AT_RISK\":1,\"ON_TRACK\":3,\"COMPLETED\":1}")
          Map<DerivedState, Integer> counts,
      @Schema(
              description = "各状态占比 percent per state (one decimal)",
              example =
                  "{\"OVERDUE\":12.5,\"DUE_SOON\":25.0,\"AT_RISK\":12.5,\"ON_TRACK\":37.5,\"COMPLETED\":12.5}")
          Map<DerivedState, Double> percent) {}

  @Schema(
      name = "Overview",
      description =
          "全市总览 City overview: tasks counted by overall state (city, action, year, measure);"
              + " district rows count that district's task assignments")
  public record OverviewView(
      @Schema(description = "规划 plan code", example = "JN-2025-10") String plan,
      @Schema(description = "评估时点 moment evaluated", example = "2025-12-31T15:59:59.999999999Z")
          Instant asOf,
      @Schema(description = "评估日期 Asia/Shanghai day", example = "2025-12-31") LocalDate asOfDate,
      @Schema(description = "即将到期窗口 DUE_SOON window, days", example = "30") int dueSoonDays,
      @Schema(description = "滞后阈值 AT_RISK margin, percentage points", example = "20")
          int atRiskMarginPoints,
      @Schema(description = "全市 all tasks") RollupRow city,
      @Schema(description = "按行动 by action") List<RollupRow> byAction,
      @Schema(description = "按年份 by year") List<RollupRow> byYear,
      @Schema(description = "按措施 by measure (a task counts under each measure it serves)")
          List<RollupRow> byMeasure,
      @Schema(description = "按区县 by district (task assignments)") List<RollupRow> byDistrict,
      @Schema(description = "是否含过期外部数据 some bound figure is stale", example = "false")
          boolean staleFigures,
      @Schema(description = "各任务 every task's state") List<TaskStatusView> tasks) {}
}
