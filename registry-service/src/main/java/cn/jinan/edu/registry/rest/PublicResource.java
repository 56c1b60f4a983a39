package cn.jinan.edu.registry.rest;

import cn.jinan.edu.platform.paging.Page;
import cn.jinan.edu.platform.paging.PageParams;
import cn.jinan.edu.platform.problem.ProblemException;
import cn.jinan.edu.registry.api.Views;
import cn.jinan.edu.registry.config.RegistryConfig;
import cn.jinan.edu.registry.domain.TypicalCaseStage;
import cn.jinan.edu.registry.service.PublicRegistry;
import cn.jinan.edu.registry.service.UnitService;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What anyone may read without a token: "未经登记、备案…不得擅自向社会发布", so the public must be able to check
 * that a cooperation is filed.
 */
@Path("/api/v1/public")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@SecurityRequirements
@Tag(name = "public", description = "公开查询 Public verification, no token needed")
public class PublicResource {
  @Inject PublicRegistry registry;
  @Inject UnitService units;
  @Inject RegistryConfig config;

  @GET
  @Path("/registrations")
  @Operation(
      summary = "核验备案 Verify a cooperation",
      description =
          "Finds filed or active cooperations by filing number (either form), by a school's USCC"
              + " or by a school-name fragment; without filters lists them all. Drafts, pending,"
              + " returned, rejected and revoked registrations are never shown, nor any contact"
              + " data.")
  public Page<Views.PublicRegistrationView> registrations(
      @Parameter(description = "备案编号 filing number", example = "JJJB-2025-0001")
          @QueryParam("filingNumber")
          String filingNumber,
      @Parameter(description = "学校统一社会信用代码 a party's USCC", example = "12370102MB0000017P")
          @QueryParam("school")
          String school,
      @Parameter(description = "学校名称 school-name fragment", example = "实验小学")
          @QueryParam("schoolName")
          String schoolName,
      @BeanParam PageParams page) {
    if (schoolName != null && schoolName.trim().length() < 2) {
      throw ProblemException.invalid("schoolName", "至少2个字 (at least 2 characters)");
    }
    return registry.search(filingNumber, school, schoolName, page.afterId(), page.limit());
  }

  @GET
  @Path("/typical-cases")
  @Operation(
      summary = "典型案例 Typical cases",
      description = "Cooperations the city promotes as typical cases, newest year first.")
  public List<Views.TypicalCaseView> typicalCases(
      @Parameter(example = "2026") @QueryParam("year") Integer year,
      @Parameter(description = "学段 stage") @QueryParam("stage") TypicalCaseStage stage) {
    return registry.typicalCases(year, stage);
  }

  @GET
  @Path("/statistics")
  @Operation(
      summary = "登记备案进度 Registration statistics",
      description =
          "Per district (by lead school) and for the city: counts by state, how many were filed,"
              + " the share filed and the number of schools in cooperations in force — progress"
              + " towards completing all registrations by 2025-12-31.")
  public Views.StatisticsView statistics(
      @Parameter(description = "统计日期 as of (default today, Asia/Shanghai)") @QueryParam("asOf")
          LocalDate asOf) {
    LocalDate date = asOf == null ? LocalDate.now(config.zone()) : asOf;
    return registry.statistics(date, units.namesInScope(date));
  }
}
