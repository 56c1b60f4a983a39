package cn.jinan.edu.quality.rest;

import cn.jinan.edu.quality.api.Views;
import cn.jinan.edu.quality.domain.IndicatorLevel;
import cn.jinan.edu.quality.domain.ValueType;
import cn.jinan.edu.quality.service.ValueInput;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the quality-index API. Deeper rules (USCC, value types) live in domain. */
public final class Requests {
  private Requests() {}

  @Schema(name = "IndicatorRequest", description = "新增指标 An indicator definition to add")
  public record IndicatorRequest(
      @Schema(description = "代码 code (A–Z, 0–9, _; 2–40)", example = "PRESCHOOL_TEACHER_PAY_RATIO")
          @NotBlank
          @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}", message = "大写字母、数字、下划线，2–40位")
          String code,
      @Schema(description = "中文名称", example = "非在编教师工资占在编教师比例") @NotBlank @Size(max = 128)
          String nameZh,
      @Schema(
              description = "英文名称 English name",
              example = "pay of non-established teachers vs established")
          @NotBlank
          @Size(max = 200)
          String nameEn,
      @Schema(description = "计量单位 unit", example = "%") @NotBlank @Size(max = 32) String unit,
      @Schema(description = "取值类型 value type", example = "RATIO") @NotNull ValueType valueType,
      @Schema(description = "层级 level", example = "DISTRICT") @NotNull IndicatorLevel level,
      @Schema(description = "说明 description", example = "National criterion ≥ 75%.")
          @Size(max = 2000)
          String description) {

    Views.IndicatorView toView() {
      return new Views.IndicatorView(code, nameZh, nameEn, unit, valueType, level, description);
    }
  }

  @Schema(
      name = "ValueRequest",
      description = "指标数据 A value for PUT /values/{indicator}/{subject}/{period}")
  public record ValueRequest(
      @Schema(description = "数值 value (yes/no as 1/0)", example = "86.5") @NotNull BigDecimal value,
      @Schema(
              description = "所属区县 district; for a school value the school's district (required)",
              example = "370102")
          String districtCode,
      @Schema(description = "数据来源 source", example = "教育事业统计") @Size(max = 200) String source,
      @Schema(description = "备注 comment", example = "2026年秋季学期") @Size(max = 2000)
          String comment) {}

  @Schema(name = "ValueImportRow", description = "导入行 One value of a JSON import")
  public record ValueImportRow(
      @Schema(description = "指标代码 indicator", example = "PRESCHOOL_GROSS_ENROLMENT_RATE")
          String indicator,
      @Schema(description = "区县代码 district", example = "370102") String districtCode,
      @Schema(description = "学校USCC (school-level indicators)", example = "12370102MB0000017P")
          String schoolUscc,
      @Schema(description = "统计年度 period", example = "2026") Integer period,
      @Schema(description = "数值 value", example = "86.5") BigDecimal value,
      @Schema(description = "数据来源 source", example = "教育事业统计") String source,
      @Schema(description = "备注 comment", example = "") String comment) {

    ValueInput toInput() {
      return new ValueInput(indicator, districtCode, schoolUscc, period, value, source, comment);
    }
  }

  @Schema(name = "TransitionRequest", description = "审核意见 Comment of an approval action")
  public record TransitionRequest(
      @Schema(description = "意见 comment (required to return or unlock)", example = "请核实普惠性幼儿园覆盖率")
          @Size(max = 2000)
          String comment) {}
}
