package cn.jinan.edu.quality.service;

import cn.jinan.edu.quality.domain.ApprovalState;
import cn.jinan.edu.quality.domain.IndicatorLevel;
import cn.jinan.edu.quality.domain.TargetKind;
import cn.jinan.edu.quality.domain.TargetScope;
import cn.jinan.edu.quality.domain.TargetStatus;
import cn.jinan.edu.quality.domain.UnitKind;
import cn.jinan.edu.quality.domain.ValueType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the quality index returns; records only, no entities leave the service layer. */
public final class Views {
  private Views() {}

  @Schema(name = "Unit", description = "区县/功能区 A unit in scope for the targets")
  public record UnitView(
      @Schema(description = "GB/T 2260 代码 code", example = "370102") String code,
      @Schema(description = "名称 name", example = "历下区") String nameZh,
      @Schema(description = "类型 DISTRICT 区 / COUNTY 县 / FUNCTIONAL_ZONE 功能区", example = "DISTRICT")
          UnitKind kind,
      @Schema(description = "生效日期 in scope from", example = "2000-01-01") LocalDate validFrom,
      @Schema(
              description = "失效日期 in scope until (exclusive); null while in scope",
              example = "null")
          LocalDate validTo) {}

  @Schema(
      name = "UnitMirror",
      description = "区县同步结果 The units read from registry-service, the owner of units")
  public record UnitMirrorView(
      @Schema(description = "来源 where the units come from", example = "registry-service")
          String source,
      @Schema(description = "收到的时期数 unit periods the registry listed", example = "13") int received,
      @Schema(description = "新增 periods added here", example = "1") int added,
      @Schema(description = "更新 periods whose name, kind or end changed", example = "0")
          int updated,
      @Schema(description = "删除 periods the registry no longer lists", example = "0") int removed,
      @Schema(description = "现有全部时期 every unit period now held, by code and start")
          List<UnitView> units) {}

  @Schema(name = "Indicator", description = "指标定义 An indicator definition")
  public record IndicatorView(
      @Schema(description = "指标代码 code", example = "PRESCHOOL_GROSS_ENROLMENT_RATE") String code,
      @Schema(description = "中文名称 Chinese name", example = "学前三年毛入园率") String nameZh,
      @Schema(
              description = "英文名称 English name",
              example = "three-year gross preschool enrolment rate")
          String nameEn,
      @Schema(description = "计量单位 unit", example = "%") String unit,
      @Schema(description = "取值类型 value type", example = "RATIO") ValueType valueType,
      @Schema(description = "填报层级 level: DISTRICT 区县 / SCHOOL 学校", example = "DISTRICT")
          IndicatorLevel level,
      @Schema(
              description = "说明 description",
              example = "Percent (85 = 85%); national criterion ≥ 85%.")
          String description) {}

  @Schema(
      name = "DataValue",
      description = "指标数据 One value of an indicator for a district or school")
  public record DataValueView(
      @Schema(description = "指标代码 indicator", example = "PRESCHOOL_GROSS_ENROLMENT_RATE")
          String indicator,
      @Schema(description = "层级 level", example = "DISTRICT") IndicatorLevel level,
      @Schema(description = "区县代码 district", example = "370102") String districtCode,
      @Schema(
              description = "学校统一社会信用代码 school USCC (school-level only)",
              example = "12370102MB0000017P")
          String schoolUscc,
      @Schema(description = "统计年度 period (ISO year)", example = "2026") int period,
      @Schema(description = "数值 value (yes/no as 1/0)", example = "86.5") BigDecimal value,
      @Schema(description = "数据来源 source", example = "教育事业统计") String source,
      @Schema(description = "备注 comment", example = "2026年秋季学期数据") String comment,
      @Schema(description = "本期审核状态 approval state of the district and period", example = "OPEN")
          ApprovalState approvalState,
      @Schema(description = "版本 version, also the ETag", example = "0") int version,
      @Schema(description = "最后修改人 last changed by", example = "reviewer-370102") String updatedBy,
      @Schema(description = "最后修改时间 last change", example = "2026-03-01T10:00:00+08:00")
          OffsetDateTime updatedAt) {}

  @Schema(name = "Approval", description = "数据审核 Approval of one district's data for one period")
  public record ApprovalView(
      @Schema(description = "区县 district", example = "370102") String districtCode,
      @Schema(description = "统计年度 period", example = "2026") int period,
      @Schema(description = "状态 state", example = "SUBMITTED") ApprovalState state,
      @Schema(description = "状态中文 state in Chinese", example = "已报送") String stateZh,
      @Schema(description = "最后意见 last comment", example = "请补充普惠性幼儿园覆盖率") String comment,
      @Schema(
              description =
                  "可执行操作 what this caller may do next: the actions the state allows that the"
                      + " caller's role and district also allow (submit and withdraw: the"
                      + " district's own district-reviewer or city-admin; approve, return and"
                      + " unlock: city-admin; none for readers)",
              example = "[\"approve\",\"return\",\"withdraw\"]")
          List<String> allowedActions,
      @Schema(description = "版本 version, also the ETag", example = "1") int version,
      @Schema(description = "最后操作人 last changed by", example = "city-admin-1") String updatedBy,
      @Schema(description = "最后操作时间 last change", example = "2026-03-01T10:00:00+08:00")
          OffsetDateTime updatedAt) {}

  @Schema(
      name = "ImportConflict",
      description = "导入冲突 One refused row: row, field, code and reason")
  public record ImportConflict(
      @Schema(description = "行号 row number (1 = first data row)", example = "3") long row,
      @Schema(description = "字段 field", example = "value") String field,
      @Schema(
              description =
                  "冲突代码 INVALID, UNKNOWN_INDICATOR, UNKNOWN_UNIT, FORBIDDEN, LOCKED, DUPLICATE",
              example = "LOCKED")
          String code,
      @Schema(description = "原因 reason", example = "370102 2026年数据已审定锁定 (approved and locked)")
          String reason) {}

  @Schema(
      name = "ImportSummary",
      description = "导入结果 What an import did or, for a dry run, would do")
  public record ImportSummary(
      @Schema(description = "试运行 dry run: nothing written", example = "false") boolean dryRun,
      @Schema(description = "是否已写入 whether changes were written", example = "true")
          boolean committed,
      @Schema(description = "新增 new values", example = "120") int imported,
      @Schema(description = "更新 changed values", example = "3") int updated,
      @Schema(description = "与现有数据相同而忽略 identical rows", example = "2") int ignored,
      @Schema(description = "冲突 refused rows") List<ImportConflict> conflicts) {}

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

  @Schema(
      name = "InclusiveAverage",
      description =
          "随班就读均分 Plan and conventional averages of a class, school, district or the city")
  public record InclusiveAverageView(
      @Schema(description = "层级 CLASS / SCHOOL / DISTRICT / CITY", example = "CLASS") String level,
      @Schema(description = "区县 district", example = "370102") String districtCode,
      @Schema(description = "学校 school USCC", example = "12370102MB0000017P") String schoolUscc,
      @Schema(description = "班级 class", example = "3班") String classId,
      @Schema(description = "学生数 students", example = "45") long students,
      @Schema(description = "随班就读学生数 special-needs students; null when suppressed", example = "2")
          Long specialNeedsStudents,
      @Schema(
              description = "计划口径分母 students without special needs; null when suppressed",
              example = "43")
          Long studentsWithoutSpecialNeeds,
      @Schema(
              description = "方案口径均分 plan average: Σ all ÷ students without special needs",
              example = "84.2326")
          BigDecimal planAverage,
      @Schema(description = "常规均分 conventional average: Σ all ÷ all", example = "80.4889")
          BigDecimal conventionalAverage,
      @Schema(
              description = "因人数不足不公布 suppressed: fewer students than the minimum",
              example = "false")
          boolean suppressed,
      @Schema(
              description = "说明 explanation",
              example = "plan average 84.2326 = 3622 ÷ 43 students without special needs (…)")
          String explanation) {}

  @Schema(
      name = "InclusiveAverages",
      description = "随班就读均分报告 (措施十三) for one year, subject and grade")
  public record InclusiveReportView(
      @Schema(description = "年度 year", example = "2026") int year,
      @Schema(description = "科目 subject", example = "数学") String subject,
      @Schema(description = "年级; null = all grades", example = "7") String grade,
      @Schema(
              description = "口径 rule",
              example = "只计入分子，不计入分母: Σ scores of all students ÷ students without special needs")
          String rule,
      @Schema(description = "公布门槛 minimum students for a published figure", example = "10")
          int minimumStudents,
      @Schema(description = "全市 city") InclusiveAverageView city,
      @Schema(description = "各区县 districts") List<InclusiveAverageView> districts,
      @Schema(description = "各校 schools") List<InclusiveAverageView> schools,
      @Schema(description = "各班 classes") List<InclusiveAverageView> classes) {}

  @Schema(
      name = "SchoolValueAdded",
      description = "学校增值 A school's value added in one grade and subject")
  public record SchoolValueAddedView(
      @Schema(description = "年度 year", example = "2026") int year,
      @Schema(description = "年级 grade", example = "9") String grade,
      @Schema(description = "科目 subject", example = "数学") String subject,
      @Schema(description = "学校 school USCC", example = "12370102MB0000017P") String schoolUscc,
      @Schema(description = "区县 district", example = "370102") String districtCode,
      @Schema(description = "学生数 students", example = "312") long students,
      @Schema(
              description =
                  "状态 ESTIMATED 已估计 / SUPPRESSED 人数不足不公布 (too few students) / NO_CITY_FIT 全市回归无法拟合",
              example = "ESTIMATED")
          String status,
      @Schema(description = "增值 mean residual; null unless ESTIMATED", example = "2.31")
          Double valueAdded,
      @Schema(description = "标准误 standard error", example = "0.84") Double standardError) {}

  @Schema(
      name = "GroupValueAdded",
      description = "集团增值 A group's enrolment-weighted value added beside its lead school's")
  public record GroupValueAddedView(
      @Schema(description = "年度 year", example = "2026") int year,
      @Schema(description = "年级 grade", example = "9") String grade,
      @Schema(description = "科目 subject", example = "数学") String subject,
      @Schema(description = "备案编号 filing number", example = "济教集备〔2025〕0001号") String filingNumber,
      @Schema(description = "集团名称 name", example = "历下区实验小学教育集团") String name,
      @Schema(description = "牵头校 lead school", example = "12370102MB0000017P")
          String leadSchoolUscc,
      @Schema(description = "牵头校增值 lead school's own value added", example = "2.31")
          Double leadValueAdded,
      @Schema(description = "牵头校标准误 lead school standard error", example = "0.84")
          Double leadStandardError,
      @Schema(description = "集团增值 enrolment-weighted mean of the group's schools", example = "1.12")
          Double groupValueAdded,
      @Schema(description = "集团标准误 group standard error", example = "0.51")
          Double groupStandardError,
      @Schema(description = "计入学生数 students of the schools counted", example = "1400")
          long students,
      @Schema(description = "计入学校 schools counted", example = "[\"12370102MB0000017P\"]")
          List<String> schoolsCounted,
      @Schema(description = "未计入学校 schools suppressed or without data", example = "[]")
          List<String> schoolsWithoutFigures,
      @Schema(description = "集团名单来源 where the group list came from", example = "registry-service")
          String groupsSource) {}

  @Schema(name = "ValueAddedRun", description = "增值计算结果 What a recompute stored for a year")
  public record RecomputeView(
      @Schema(description = "年度 year", example = "2026") int year,
      @Schema(description = "参与记录数 records with prior and current scores", example = "250000")
          long records,
      @Schema(description = "年级科目数 grade-subject combinations", example = "6") int subjects,
      @Schema(description = "学校结果数 school results stored", example = "1800") int schoolResults,
      @Schema(description = "集团结果数 group results stored", example = "240") int groupResults,
      @Schema(description = "集团名单来源 group list source", example = "registry-service")
          String groupsSource,
      @Schema(description = "计算时间 computed at", example = "2026-07-01T10:00:00+08:00")
          OffsetDateTime computedAt) {}

  @Schema(name = "AssessmentImport", description = "测评数据导入结果 What an assessment import did")
  public record AssessmentImportView(
      @Schema(description = "试运行 dry run", example = "false") boolean dryRun,
      @Schema(description = "是否已写入 committed", example = "true") boolean committed,
      @Schema(description = "批次 batch id", example = "12") Long batchId,
      @Schema(description = "有效记录数 valid records", example = "250000") long records,
      @Schema(description = "被拒记录数 refused records", example = "0") long refused,
      @Schema(description = "涉及年度 years", example = "[2026]") List<Integer> years,
      @Schema(description = "错误（最多100条） first refused rows") List<ImportConflict> errors,
      @Schema(description = "导入后重算 recomputed results") List<RecomputeView> recomputed) {}
}
