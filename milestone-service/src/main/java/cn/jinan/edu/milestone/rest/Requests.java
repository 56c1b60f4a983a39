package cn.jinan.edu.milestone.rest;

import cn.jinan.edu.milestone.domain.BindingSource;
import cn.jinan.edu.milestone.domain.ReportStatus;
import cn.jinan.edu.milestone.service.PlanService;
import cn.jinan.edu.milestone.service.ReportService;
import cn.jinan.edu.milestone.service.TaskService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the milestone API. Deeper rules live in the services and domain. */
public final class Requests {
  private Requests() {}

  @Schema(name = "ActionRequest", description = "行动 An action of a new plan")
  public record ActionRequest(
      @Schema(description = "序号 number", example = "1") @Min(1) @Max(99) int number,
      @Schema(description = "名称 title", example = "教育数字化提升行动") @NotBlank @Size(max = 200)
          String title) {}

  @Schema(name = "MeasureRequest", description = "措施 A measure of a new plan")
  public record MeasureRequest(
      @Schema(description = "序号 number (numeral 一… is derived)", example = "1") @Min(1) @Max(99)
          int number,
      @Schema(description = "标题 title", example = "建设智慧校园") @NotBlank @Size(max = 200) String title,
      @Schema(description = "所属行动 action number", example = "1") @Min(1) int actionNumber,
      @Schema(description = "量化承诺 commitments", example = "到2026年底，80%的学校建成智慧校园") @Size(max = 2000)
          String commitments) {}

  @Schema(name = "PlanRequest", description = "新增规划 A further plan with its actions and measures")
  public record PlanRequest(
      @Schema(description = "代码 code (XX-YYYY-N)", example = "JN-2026-3")
          @NotBlank
          @Pattern(regexp = "[A-Z]{2}-[0-9]{4}-[0-9]{1,6}", message = "形如 like JN-2026-3")
          String code,
      @Schema(description = "标题 title", example = "济南市教育数字化行动方案") @NotBlank @Size(max = 300)
          String title,
      @Schema(description = "文号 document number", example = "济教办〔2026〕3号")
          @NotBlank
          @Size(max = 100)
          String documentNumber,
      @Schema(description = "发文机关 issuer", example = "济南市教育局办公室") @NotBlank @Size(max = 100)
          String issuer,
      @Schema(description = "印发日期 issue date", example = "2026-03-01") @NotNull LocalDate issueDate,
      @Schema(description = "起始年 first year", example = "2026") @Min(2000) @Max(2100)
          int periodStart,
      @Schema(description = "终止年 last year", example = "2027") @Min(2000) @Max(2100) int periodEnd,
      @Schema(description = "行动 actions") @NotEmpty List<@Valid @NotNull ActionRequest> actions,
      @Schema(description = "措施 measures") @NotEmpty
          List<@Valid @NotNull MeasureRequest> measures) {

    PlanService.NewPlan toNew() {
      return new PlanService.NewPlan(
          code,
          title.strip(),
          documentNumber.strip(),
          issuer.strip(),
          issueDate,
          periodStart,
          periodEnd,
          actions.stream()
              .map(a -> new PlanService.NewAction(a.number(), a.title().strip()))
              .toList(),
          measures.stream()
              .map(
                  m ->
                      new PlanService.NewMeasure(
                          m.number(), m.title().strip(), m.actionNumber(), m.commitments()))
              .toList());
    }
  }

  @Schema(name = "TaskRequest", description = "新增任务 A further task of the bureau")
  public record TaskRequest(
      @Schema(description = "所属规划 plan code (default JN-2025-10)", example = "JN-2025-10")
          String plan,
      @Schema(description = "所属行动 action number", example = "2") @Min(1) int actionNumber,
      @Schema(description = "完成年份 year", example = "2026") @Min(2000) @Max(2100) int year,
      @Schema(description = "任务内容 text", example = "完成集团化办学年度评估报告")
          @NotBlank
          @Size(max = 1000)
          @Pattern(
              regexp = "[^①-⑳][\\s\\S]*[^；。\\s]",
              message = "不含序号标记和结尾标点 no item marker or trailing ；/。")
          String textZh,
      @Schema(description = "完成时限 last day (default 12-31 of the year)", example = "2026-06-30")
          LocalDate deadline,
      @Schema(description = "服务措施 measure numbers of the same action", example = "[7]") @NotEmpty
          List<@NotNull Integer> measures,
      @Schema(
              description = "责任单位 responsible unit codes (default: the default rule)",
              example = "[\"370102\", \"370103\"]")
          List<@NotBlank String> responsibleUnits) {

    TaskService.NewTask toNew() {
      return new TaskService.NewTask(
          plan, actionNumber, year, textZh, deadline, measures, responsibleUnits);
    }
  }

  @Schema(name = "AnnotationRequest", description = "批注 A note on a task")
  public record AnnotationRequest(
      @Schema(description = "内容 text", example = "请各区县于11月底前完成备案材料报送") @NotBlank @Size(max = 4000)
          String textZh) {}

  @Schema(name = "AssignmentsRequest", description = "责任单位 The task's new set of responsible units")
  public record AssignmentsRequest(
      @Schema(description = "单位代码 unit codes", example = "[\"370100\", \"JJ-JCJY\"]") @NotNull
          List<@NotBlank String> unitCodes,
      @Schema(description = "说明 why", example = "按分工方案调整") @Size(max = 2000) String comment) {}

  @Schema(name = "ReportRequest", description = "进度报告 A unit's progress on a task")
  public record ReportRequest(
      @Schema(
              description = "责任单位 unit code (a district reviewer: its own district)",
              example = "370102")
          @NotBlank
          String unitCode,
      @Schema(description = "进展状态 status", example = "IN_PROGRESS") @NotNull ReportStatus status,
      @Schema(description = "完成百分比 percent complete 0–100", example = "60") @Min(0) @Max(100)
          int percent,
      @Schema(description = "进展说明 narrative", example = "已完成3所乡镇初中结对帮扶") @Size(max = 8000)
          String narrative,
      @Schema(
              description = "佐证材料 evidence: document references or URLs",
              example = "[\"历下教体发〔2025〕12号\", \"https://jyj.jinan.gov.cn/art/2025/9/30/1.html\"]")
          @Size(max = 20)
          List<@NotBlank @Size(max = 500) String> evidence,
      @Schema(description = "统计截止日期 as of", example = "2025-09-30") @NotNull LocalDate asOf) {

    ReportService.Content toContent() {
      return new ReportService.Content(unitCode, status, percent, narrative, evidence, asOf);
    }
  }

  @Schema(name = "BindingRequest", description = "数据绑定 Bind a task to a live figure")
  public record BindingRequest(
      @Schema(description = "来源 source", example = "QUALITY_TARGET") @NotNull BindingSource source,
      @Schema(
              description =
                  "指标代码 quality target code (e.g. FAMILY_SCHOOL_COMMUNITY) or, for"
                      + " REGISTRY_FILING, a label",
              example = "FAMILY_SCHOOL_COMMUNITY")
          @NotBlank
          @Pattern(regexp = "[A-Z][A-Z_]{1,63}", message = "大写字母和下划线 upper-case letters and _")
          String targetCode) {}

  @Schema(name = "ReviewRequest", description = "审核意见 Why (required to return or reopen)")
  public record ReviewRequest(
      @Schema(description = "意见 comment", example = "请补充佐证材料") @Size(max = 2000) String comment) {}
}
