package cn.jinan.edu.registry.api;

import cn.jinan.edu.registry.domain.ContentArea;
import cn.jinan.edu.registry.domain.CooperationMode;
import cn.jinan.edu.registry.domain.LocationType;
import cn.jinan.edu.registry.domain.Ownership;
import cn.jinan.edu.registry.domain.RegistrationState;
import cn.jinan.edu.registry.domain.SchoolStage;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the registry API returns: response records with their OpenAPI schemas. The services build
 * them and the resources serve them, so they live beside both, not in either; no entity leaves the
 * service layer.
 */
public final class Views {
  private Views() {}

  @Schema(name = "Unit", description = "区县/功能区 A unit in scope for targets and registrations")
  public record UnitView(
      @Schema(description = "GB/T 2260 代码 code", example = "370102") String code,
      @Schema(description = "名称 name", example = "历下区") String nameZh,
      @Schema(description = "类型 DISTRICT 区 / COUNTY 县 / FUNCTIONAL_ZONE 功能区", example = "DISTRICT")
          String kind,
      @Schema(description = "生效日期 in scope from", example = "2000-01-01") LocalDate validFrom,
      @Schema(
              description = "失效日期 in scope until (exclusive), null while in scope",
              example = "2031-01-01")
          LocalDate validTo) {}

  @Schema(name = "School", description = "学校 A school of the directory")
  public record SchoolView(
      @Schema(description = "统一社会信用代码 USCC", example = "12370102MB0000017P") String uscc,
      @Schema(description = "学校名称 name", example = "济南市历下区实验小学") String nameZh,
      @Schema(description = "所在区县 district code", example = "370102") String districtCode,
      @Schema(description = "学段 stages") List<SchoolStage> stages,
      @Schema(description = "办学性质 ownership", example = "PUBLIC") Ownership ownership,
      @Schema(description = "城乡分类 location type", example = "URBAN") LocationType locationType,
      @Schema(description = "是否乡镇驻地学校 township seat (镇区 only)", example = "false")
          boolean townshipSeat,
      @Schema(description = "状态 OPEN 在办 / CLOSED 停办", example = "OPEN") String status,
      @Schema(description = "版本 version, also the ETag", example = "0") int version,
      @Schema(description = "更新时间 last change", example = "2025-10-08T09:00:00+08:00")
          OffsetDateTime updatedAt) {}

  @Schema(name = "SchoolRef", description = "合作学校 A school party of a cooperation")
  public record SchoolRef(
      @Schema(description = "统一社会信用代码 USCC", example = "12370102MB0000017P") String uscc,
      @Schema(description = "学校名称 name", example = "济南市历下区实验小学") String nameZh,
      @Schema(description = "所在区县 district", example = "370102") String districtCode) {}

  @Schema(name = "Partner", description = "其他合作方 A partner that is not a school")
  public record PartnerView(
      @Schema(description = "名称 name", example = "山东师范大学") String name,
      @Schema(description = "统一社会信用代码 USCC (optional)", example = "12370000495570543M") String uscc,
      @Schema(description = "角色 role", example = "学术指导") String role) {}

  @Schema(name = "Approval", description = "区县审批 One district's approval in the current round")
  public record ApprovalView(
      @Schema(description = "区县 district", example = "370102") String districtCode,
      @Schema(description = "审批人 who approved", example = "reviewer-370102") String by,
      @Schema(description = "时间 when", example = "2025-11-20T10:15:30+08:00") OffsetDateTime at) {}

  @Schema(name = "Registration", description = "合作办学登记 A cooperation registration")
  public record RegistrationView(
      @Schema(description = "登记编号 id", example = "1") long id,
      @Schema(description = "合作模式 mode", example = "GROUP") CooperationMode mode,
      @Schema(description = "名称 name", example = "历下区实验小学教育集团") String name,
      @Schema(description = "牵头校 lead school") SchoolRef leadSchool,
      @Schema(description = "成员校 member schools") List<SchoolRef> memberSchools,
      @Schema(description = "其他合作方 other partners") List<PartnerView> partners,
      @Schema(description = "合作起始 term start", example = "2025-09-01") LocalDate termStart,
      @Schema(description = "合作截止 term end", example = "2028-08-31") LocalDate termEnd,
      @Schema(description = "合作内容领域 content areas") Set<ContentArea> contentAreas,
      @Schema(description = "合作具体内容 content as text", example = "统一教研、干部教师交流轮岗") String contentText,
      @Schema(description = "联系人 contact person (omitted for data-reporter)", example = "张老师")
          String contactName,
      @Schema(
              description = "联系电话 contact phone (omitted for data-reporter)",
              example = "0531-86012345")
          String contactPhone,
      @Schema(description = "是否跨区县 parties in more than one district", example = "false")
          boolean crossDistrict,
      @Schema(description = "涉及区县 districts of all parties", example = "[\"370102\"]")
          List<String> involvedDistricts,
      @Schema(description = "本轮区县审批 approvals in the current review round")
          List<ApprovalView> approvals,
      @Schema(description = "状态 state", example = "FILED") RegistrationState state,
      @Schema(description = "状态中文 state in Chinese", example = "已备案") String stateZh,
      @Schema(description = "备案编号 filing number", example = "济教集备〔2025〕0001号") String filingNumber,
      @Schema(description = "备案编号（ASCII） filing number, ASCII form", example = "JJJB-2025-0001")
          String filingNumberAscii,
      @Schema(description = "备案时间 filed at", example = "2025-11-20T10:15:30+08:00")
          OffsetDateTime filedAt,
      @Schema(
              description = "可执行操作 actions this caller may take now",
              example = "[\"approve\",\"return\",\"reject\"]")
          List<String> allowedActions,
      @Schema(description = "版本 version, also the ETag", example = "3") int version,
      @Schema(description = "创建时间 created at", example = "2025-10-08T09:00:00+08:00")
          OffsetDateTime createdAt,
      @Schema(description = "更新时间 updated at", example = "2025-11-20T10:15:30+08:00")
          OffsetDateTime updatedAt) {
    public RegistrationView {
      // Declaration order however the view was made, also when an idempotent replay reads it back.
      contentAreas =
          contentAreas == null || contentAreas.isEmpty()
              ? Collections.unmodifiableSet(EnumSet.noneOf(ContentArea.class))
              : Collections.unmodifiableSet(EnumSet.copyOf(contentAreas));
    }
  }

  @Schema(
      name = "PublicRegistration",
      description = "公示信息 What the public may verify: filed cooperations only, no personal data")
  public record PublicRegistrationView(
      @Schema(description = "备案编号 filing number", example = "济教集备〔2025〕0001号") String filingNumber,
      @Schema(description = "备案编号（ASCII）", example = "JJJB-2025-0001") String filingNumberAscii,
      @Schema(description = "名称 name", example = "历下区实验小学教育集团") String name,
      @Schema(description = "合作模式 mode", example = "GROUP") CooperationMode mode,
      @Schema(description = "合作模式中文", example = "集团化办学") String modeZh,
      @Schema(description = "牵头校 lead school") SchoolRef leadSchool,
      @Schema(description = "成员校 member schools") List<SchoolRef> memberSchools,
      @Schema(description = "其他合作方 partners") List<PartnerView> partners,
      @Schema(description = "合作起始 term start", example = "2025-09-01") LocalDate termStart,
      @Schema(description = "合作截止 term end", example = "2028-08-31") LocalDate termEnd,
      @Schema(description = "备案日期 filing date (Asia/Shanghai)", example = "2025-11-20")
          LocalDate filingDate,
      @Schema(description = "状态 FILED 已备案 / ACTIVE 合作中", example = "ACTIVE")
          RegistrationState state) {}

  @Schema(name = "Amendment", description = "变更申请 A proposed change to a filed registration")
  public record AmendmentView(
      @Schema(description = "变更编号 amendment id", example = "7") long id,
      @Schema(description = "所属登记 registration id", example = "1") long registrationId,
      @Schema(description = "拟变更内容 proposed content") Object proposal,
      @Schema(description = "状态 state", example = "SUBMITTED") RegistrationState state,
      @Schema(description = "本轮区县审批 approvals") List<ApprovalView> approvals,
      @Schema(description = "可执行操作 actions this caller may take now") List<String> allowedActions,
      @Schema(description = "版本 version, also the ETag", example = "2") int version,
      @Schema(description = "创建时间 created at", example = "2026-03-01T09:30:00+08:00")
          OffsetDateTime createdAt,
      @Schema(description = "更新时间 updated at", example = "2026-03-02T10:00:00+08:00")
          OffsetDateTime updatedAt) {}

  @Schema(
      name = "DistrictStatistics",
      description = "区县登记备案统计 Registration counts of one district (by lead school)")
  public record DistrictStatistics(
      @Schema(description = "区县代码 district (370100 = the city)", example = "370102")
          String districtCode,
      @Schema(description = "名称 name", example = "历下区") String nameZh,
      @Schema(description = "各状态数量 count per state") Map<RegistrationState, Long> byState,
      @Schema(description = "已备案（含到期、终止） ever filed", example = "8") long filed,
      @Schema(
              description =
                  "应备案 registrations that should be filed: all except rejected and revoked",
              example = "10")
          long expected,
      @Schema(
              description = "备案率 share filed (filed ÷ expected; 1 when nothing is expected)",
              example = "0.8")
          double shareFiled,
      @Schema(description = "在备集团学校数 distinct schools in cooperations in force", example = "25")
          long schoolsInFiledGroups) {}

  @Schema(name = "Statistics", description = "登记备案统计 Progress towards 2025-12-31 (全市集团化办学登记备案)")
  public record StatisticsView(
      @Schema(description = "统计日期 as of", example = "2025-12-31") LocalDate asOf,
      @Schema(description = "目标期限 deadline", example = "2025-12-31") LocalDate deadline,
      @Schema(description = "全市 city totals") DistrictStatistics city,
      @Schema(description = "各区县 per district") List<DistrictStatistics> districts) {}

  @Schema(name = "TypicalCase", description = "典型案例 A promoted cooperation")
  public record TypicalCaseView(
      @Schema(description = "年度 year", example = "2026") int year,
      @Schema(description = "学段 PRIMARY 小学 / JUNIOR 初中 / SENIOR 高中", example = "PRIMARY")
          String stage,
      PublicRegistrationView registration) {}
}
