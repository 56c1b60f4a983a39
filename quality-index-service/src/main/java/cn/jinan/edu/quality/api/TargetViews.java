package cn.jinan.edu.quality.api;

import cn.jinan.edu.quality.domain.ApprovalState;
import cn.jinan.edu.quality.domain.TargetKind;
import cn.jinan.edu.quality.domain.TargetScope;
import cn.jinan.edu.quality.domain.TargetStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the quality index answers about the plan's targets and the national criteria. */
public final class TargetViews {
  private TargetViews() {}

  @Schema(name = "Target", description = "目标定义 One of the plan's quantitative targets")
  public record TargetView(
      @Schema(description = "目标代码 code", example = "PRESCHOOL_INCLUSIVE_COUNTY") String code,
      @Schema(description = "中文名称", example = "80%以上区县创成国家学前教育普及普惠县") String nameZh,
      @Schema(
              description = "英文名称 English name",
              example = "at least 80% of districts hold the title")
          String nameEn,
      @Schema(description = "计算方式 how it is computed", example = "UNIT_SHARE") TargetKind kind,
      @Schema(description = "指标 indicator counted", example = "PRESCHOOL_INCLUSIVE_COUNTY_TITLE")
          String indicator,
      @Schema(description = "分母指标 denominator indicator (ratios)", example = "null")
          String denominatorIndicator,
      @Schema(description = "单位达标值 a unit or school counts when its value is ≥ this", example = "1")
          BigDecimal qualifyingValue,
      @Schema(
              description = "阈值 threshold: percent for shares and ratios, a number for sums",
              example = "80")
          BigDecimal threshold,
      @Schema(description = "比较 comparator (GE = at least)", example = "GE") String comparator,
      @Schema(description = "范围 scope", example = "CITY") TargetScope scope,
      @Schema(
              description = "完成时限 deadline (end of day, Asia/Shanghai); null = ongoing",
              example = "2027-12-31")
          LocalDate deadline,
      @Schema(description = "对应措施 measure of the plan", example = "二") String measure,
      @Schema(description = "口径 rule", example = "Counts units in scope whose approved title is 1")
          String description) {}

  @Schema(name = "UnitCount", description = "计入情况 One unit or school and why it counts or not")
  public record UnitCount(
      @Schema(description = "区县代码或学校USCC code", example = "370102") String code,
      @Schema(description = "名称 name (units only)", example = "历下区") String nameZh,
      @Schema(description = "所属区县 district", example = "370102") String districtCode,
      @Schema(description = "所用数据年度 period of the value used; null when none", example = "2026")
          Integer period,
      @Schema(description = "数值 value used", example = "1") BigDecimal value,
      @Schema(description = "说明 why", example = "approved 2026 value 1 ≥ 1") String reason) {}

  @Schema(name = "TrajectoryPoint", description = "年度轨迹 The target's value at the end of a year")
  public record TrajectoryPoint(
      @Schema(description = "年度 year", example = "2025") int year,
      @Schema(description = "当年值 value as of year end (or the as-of date)", example = "5")
          BigDecimal currentValue,
      @Schema(description = "要求值 required", example = "10") BigDecimal requiredValue,
      @Schema(description = "是否达成 met", example = "false") boolean met) {}

  @Schema(name = "TargetEvaluation", description = "目标评估 Where a target stands on a date")
  public record EvaluationView(
      @Schema(description = "目标代码 code", example = "PRESCHOOL_INCLUSIVE_COUNTY") String code,
      @Schema(description = "中文名称", example = "80%以上区县创成国家学前教育普及普惠县") String nameZh,
      @Schema(
              description = "英文名称 English name",
              example = "at least 80% of districts hold the title")
          String nameEn,
      @Schema(description = "评估日期 as of", example = "2026-06-30") LocalDate asOf,
      @Schema(description = "完成时限 deadline; null = ongoing", example = "2027-12-31")
          LocalDate deadline,
      @Schema(
              description = "状态 MET 已完成 / ON_TRACK 推进中 / AT_RISK 有风险 / MISSED 逾期未完成",
              example = "ON_TRACK")
          TargetStatus status,
      @Schema(description = "是否达成 met", example = "false") boolean met,
      @Schema(description = "当前值 current value", example = "7") BigDecimal currentValue,
      @Schema(description = "要求值 required value", example = "10") BigDecimal requiredValue,
      @Schema(description = "进度 min(1, current ÷ required)", example = "0.7") BigDecimal progress,
      @Schema(description = "差距 how much more is needed (0 when met)", example = "3")
          BigDecimal gap,
      @Schema(
              description = "说明 in plain terms",
              example = "7 of 12 districts, 10 required, 3 more needed")
          String explanation,
      @Schema(description = "计量 what the values count", example = "districts") String unit,
      @Schema(description = "范围 scope", example = "CITY") TargetScope scope,
      @Schema(
              description = "数据来源与口径 where the value comes from",
              example = "approved data, latest period ≤ 2026")
          String dataSource,
      @Schema(description = "在范围内的单位数 units (or schools) considered", example = "12")
          int considered,
      @Schema(description = "计入 units or schools that count") List<UnitCount> counting,
      @Schema(description = "未计入 units or schools that do not count, with why")
          List<UnitCount> notCounting,
      @Schema(description = "范围外被忽略 qualifying codes outside the scope", example = "[]")
          List<String> ignored,
      @Schema(description = "年度轨迹 trajectory by year") List<TrajectoryPoint> trajectory) {}

  @Schema(name = "Dashboard", description = "全市看板 Every target with its status, in one call")
  public record DashboardView(
      @Schema(description = "评估日期 as of", example = "2026-06-30") LocalDate asOf,
      @Schema(
              description = "各状态数量 count per status",
              example = "{\"MET\":2,\"ON_TRACK\":6,\"AT_RISK\":2,\"MISSED\":1}")
          Map<TargetStatus, Long> byStatus,
      @Schema(description = "全部目标 the evaluation of every target") List<EvaluationView> targets) {}

  @Schema(
      name = "CriterionCheck",
      description = "指标核查 One criterion: value, threshold, pass or fail")
  public record CriterionCheck(
      @Schema(description = "指标 criterion", example = "GROSS_ENROLMENT") String criterion,
      @Schema(description = "中文名称", example = "学前三年毛入园率") String nameZh,
      @Schema(description = "数值 value; null = not reported", example = "86.5") BigDecimal value,
      @Schema(description = "阈值 threshold", example = "85") BigDecimal threshold,
      @Schema(description = "结果 PASS / FAIL / NO_DATA", example = "PASS") String outcome,
      @Schema(
              description = "说明 explanation",
              example = "学前三年毛入园率 (gross preschool enrolment): 86.5% vs ≥ 85%: pass")
          String explanation) {}

  @Schema(name = "PreschoolReadiness", description = "学前教育普及普惠县 readiness of a district")
  public record PreschoolReadinessView(
      @Schema(description = "区县 district", example = "370102") String districtCode,
      @Schema(description = "名称 name", example = "历下区") String nameZh,
      @Schema(description = "统计年度 period", example = "2026") int period,
      @Schema(description = "该期数据审核状态 approval state of the data used", example = "APPROVED")
          ApprovalState approvalState,
      @Schema(description = "三项核心指标均达标 all three pass", example = "false") boolean passed,
      @Schema(description = "有缺报 some value missing", example = "false") boolean incomplete,
      @Schema(description = "逐项核查 checks") List<CriterionCheck> checks,
      @Schema(description = "未核查的条件 criteria not assessed here", example = "[\"生均财政拨款\"]")
          List<String> notAssessed) {}

  @Schema(
      name = "SchoolIndicatorCheck",
      description = "学校单项 One school indicator against its standard")
  public record SchoolIndicatorCheck(
      @Schema(description = "指标 indicator", example = "FLOOR_SPACE_PER_STUDENT") String indicator,
      @Schema(description = "中文名称", example = "生均教学及辅助用房面积") String nameZh,
      @Schema(description = "数值 value; null = not reported", example = "4.1") BigDecimal value,
      @Schema(description = "标准 standard", example = "4.5") BigDecimal standard,
      @Schema(
              description =
                  "达标情况 MEETS_STANDARD 达标 / AT_LEAST_85_PERCENT 达到标准的85% / BELOW_85_PERCENT 不足85% / NO_DATA 无数据",
              example = "AT_LEAST_85_PERCENT")
          String level) {}

  @Schema(name = "SchoolResult", description = "学校达标情况 A school: ≥ 6 of 7 met and the other ≥ 85%")
  public record SchoolResultView(
      @Schema(description = "学校 school USCC", example = "12370102MB0000017P") String schoolUscc,
      @Schema(description = "学生数 students of the stage", example = "1200") long students,
      @Schema(description = "达标项数 indicators meeting the standard", example = "6") long metCount,
      @Schema(description = "是否达标 passed", example = "true") boolean passed,
      @Schema(
              description = "未达标指标 indicators below standard",
              example = "[\"FLOOR_SPACE_PER_STUDENT\"]")
          List<String> belowStandard,
      @Schema(
              description = "说明 explanation",
              example = "12370102MB0000017P: meets 6 of 7 standards; …: pass")
          String explanation,
      @Schema(description = "逐项 checks") List<SchoolIndicatorCheck> checks) {}

  @Schema(name = "IndicatorVariation", description = "校际差异系数 One indicator's enrolment-weighted CV")
  public record IndicatorVariationView(
      @Schema(description = "指标 indicator", example = "FLOOR_SPACE_PER_STUDENT") String indicator,
      @Schema(description = "中文名称", example = "生均教学及辅助用房面积") String nameZh,
      @Schema(description = "加权均值 X̄", example = "5.2") BigDecimal mean,
      @Schema(description = "加权标准差 S", example = "1.1") BigDecimal standardDeviation,
      @Schema(description = "差异系数 CV = S ÷ X̄", example = "0.2115") BigDecimal cv,
      @Schema(description = "上限 limit", example = "0.50") BigDecimal maxCv,
      @Schema(description = "结果 PASS / FAIL / NO_DATA", example = "PASS") String outcome,
      @Schema(description = "缺报学校 schools without data", example = "[]")
          List<String> schoolsWithoutData,
      @Schema(description = "说明 explanation", example = "生均教学及辅助用房面积 CV 0.2115 vs ≤ 0.50: pass")
          String explanation) {}

  @Schema(
      name = "BalancedReadiness",
      description = "义务教育优质均衡发展县 readiness of a district for one stage")
  public record BalancedReadinessView(
      @Schema(description = "区县 district", example = "370102") String districtCode,
      @Schema(description = "名称 name", example = "历下区") String nameZh,
      @Schema(description = "统计年度 period", example = "2026") int period,
      @Schema(description = "学段 PRIMARY 小学 / JUNIOR 初中", example = "PRIMARY") String stage,
      @Schema(description = "该期数据审核状态 approval state", example = "APPROVED")
          ApprovalState approvalState,
      @Schema(description = "学校数 schools assessed", example = "42") int schools,
      @Schema(description = "全部学校与差异系数达标 every school and every CV passes", example = "false")
          boolean passed,
      @Schema(
              description = "说明 summary",
              example = "3 of 42 schools fail; CV fails for 1 indicator")
          String explanation,
      @Schema(description = "未达标学校 failing schools") List<SchoolResultView> failingSchools,
      @Schema(
              description = "未达标指标 indicators whose CV fails or lacks data",
              example = "[\"SPORTS_GROUND_PER_STUDENT\"]")
          List<String> failingIndicators,
      @Schema(description = "七项指标差异系数 the seven CVs") List<IndicatorVariationView> indicators) {}
}
