package cn.jinan.edu.registry.rest;

import cn.jinan.edu.registry.domain.ContentArea;
import cn.jinan.edu.registry.domain.CooperationMode;
import cn.jinan.edu.registry.domain.LocationType;
import cn.jinan.edu.registry.domain.Ownership;
import cn.jinan.edu.registry.domain.Partner;
import cn.jinan.edu.registry.domain.RegistrationContent;
import cn.jinan.edu.registry.domain.SchoolInput;
import cn.jinan.edu.registry.domain.SchoolStage;
import cn.jinan.edu.registry.domain.SchoolStatus;
import cn.jinan.edu.registry.domain.TypicalCaseStage;
import cn.jinan.edu.registry.domain.UnitKind;
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
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the registry API. Deeper rules (USCC check digit, terms) live in domain. */
public final class Requests {
  private Requests() {}

  @Schema(name = "SchoolRequest", description = "学校信息 A school to create or replace")
  public record SchoolRequest(
      @Schema(description = "统一社会信用代码 USCC (GB 32100-2015)", example = "12370102MB0000017P")
          @NotBlank
          String uscc,
      @Schema(description = "学校名称 name", example = "济南市历下区实验小学") @NotBlank @Size(max = 128)
          String nameZh,
      @Schema(description = "所在区县 GB/T 2260 code", example = "370102")
          @NotBlank
          @Pattern(regexp = "\\d{6}", message = "须为6位数字 must be 6 digits")
          String districtCode,
      @Schema(description = "学段 stages", example = "[\"PRIMARY\"]") @NotEmpty
          List<@NotNull SchoolStage> stages,
      @Schema(description = "办学性质 ownership", example = "PUBLIC") @NotNull Ownership ownership,
      @Schema(description = "城乡分类 location type", example = "URBAN") @NotNull
          LocationType locationType,
      @Schema(description = "乡镇驻地学校 township seat (TOWN only)", example = "false")
          boolean townshipSeat,
      @Schema(description = "状态 OPEN 在办 / CLOSED 停办 (default OPEN)", example = "OPEN")
          SchoolStatus status) {

    SchoolInput toInput() {
      return new SchoolInput(
          uscc, nameZh, districtCode, stages, ownership, locationType, townshipSeat, status);
    }
  }

  @Schema(name = "PartnerRequest", description = "其他合作方 A partner that is not a school")
  public record PartnerRequest(
      @Schema(description = "名称 name", example = "山东师范大学") @NotBlank @Size(max = 200) String name,
      @Schema(description = "统一社会信用代码 USCC, optional", example = "12370000495570543M") String uscc,
      @Schema(description = "角色 role", example = "学术指导") @NotBlank @Size(max = 100) String role) {}

  @Schema(
      name = "RegistrationRequest",
      description = "合作办学登记内容 Parties, term, mode and content of a cooperation")
  public record RegistrationRequest(
      @Schema(description = "合作模式 mode", example = "GROUP") @NotNull CooperationMode mode,
      @Schema(description = "名称 name", example = "历下区实验小学教育集团") @NotBlank @Size(max = 200)
          String name,
      @Schema(description = "牵头校 USCC of the lead school", example = "12370102MB0000017P") @NotBlank
          String leadSchool,
      @Schema(description = "成员校 USCCs of the member schools", example = "[\"12370102MB0000026M\"]")
          @NotEmpty
          List<@NotBlank String> memberSchools,
      @Schema(description = "其他合作方 partners such as universities")
          List<@Valid PartnerRequest> partners,
      @Schema(description = "合作起始日期 term start", example = "2025-09-01") @NotNull
          LocalDate termStart,
      @Schema(description = "合作截止日期 term end", example = "2028-08-31") @NotNull LocalDate termEnd,
      @Schema(description = "合作内容领域 content areas", example = "[\"TEACHERS\", \"CURRICULUM\"]")
          Set<@NotNull ContentArea> contentAreas,
      @Schema(description = "合作具体内容 content in words", example = "统一教研、干部教师交流轮岗") @Size(max = 4000)
          String contentText,
      @Schema(description = "联系人 contact person", example = "张老师") @NotBlank @Size(max = 64)
          String contactName,
      @Schema(description = "联系电话 mobile or landline", example = "0531-86012345") @NotBlank
          String contactPhone) {

    RegistrationContent toContent() {
      return new RegistrationContent(
          mode,
          name,
          leadSchool,
          memberSchools,
          partners == null
              ? List.of()
              : partners.stream().map(p -> new Partner(p.name(), p.uscc(), p.role())).toList(),
          termStart,
          termEnd,
          contentAreas,
          contentText,
          contactName,
          contactPhone);
    }
  }

  @Schema(
      name = "TransitionRequest",
      description = "操作意见 Why (required for return, reject, revoke, terminate)")
  public record TransitionRequest(
      @Schema(description = "意见或理由 comment", example = "成员校名单需补充盖章材料") @Size(max = 2000)
          String comment) {}

  @Schema(name = "UnitRequest", description = "新增单位 A unit to add, e.g. a functional zone")
  public record UnitRequest(
      @Schema(description = "代码 6-digit code", example = "370171")
          @NotBlank
          @Pattern(regexp = "\\d{6}", message = "须为6位数字 must be 6 digits")
          String code,
      @Schema(description = "名称 name", example = "济南高新技术产业开发区") @NotBlank @Size(max = 64)
          String nameZh,
      @Schema(description = "类型 kind", example = "FUNCTIONAL_ZONE") @NotNull UnitKind kind,
      @Schema(description = "生效日期 in scope from", example = "2026-01-01") @NotNull
          LocalDate validFrom,
      @Schema(description = "失效日期 in scope until (exclusive)", example = "2031-01-01")
          LocalDate validTo) {}

  @Schema(name = "TypicalCaseRequest", description = "典型案例 Year and stage of a typical case")
  public record TypicalCaseRequest(
      @Schema(description = "年度 year", example = "2026") @Min(2025) @Max(2100) int year,
      @Schema(description = "学段 PRIMARY 小学 / JUNIOR 初中 / SENIOR 高中", example = "PRIMARY") @NotNull
          TypicalCaseStage stage) {}
}
