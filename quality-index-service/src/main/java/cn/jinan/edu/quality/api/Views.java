package cn.jinan.edu.quality.api;

import cn.jinan.edu.platform.data.imports.ImportSummary;
import cn.jinan.edu.quality.domain.ApprovalState;
import cn.jinan.edu.quality.domain.IndicatorLevel;
import cn.jinan.edu.quality.domain.UnitKind;
import cn.jinan.edu.quality.domain.ValueType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the quality index answers about units, indicators, data, approvals and assessments. */
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
      @Schema(description = "导入结果 counts and the first 100 conflicts") ImportSummary summary,
      @Schema(description = "批次 batch id (null for a dry run)", example = "12") Long batchId,
      @Schema(description = "涉及年度 years of the valid records", example = "[2026]")
          List<Integer> years,
      @Schema(description = "导入后重算 recompute runs") List<RecomputeView> recomputed) {}
}
