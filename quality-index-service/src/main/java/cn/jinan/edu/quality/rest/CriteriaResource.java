package cn.jinan.edu.quality.rest;

import cn.jinan.edu.platform.security.Caller;
import cn.jinan.edu.platform.security.Roles;
import cn.jinan.edu.quality.api.TargetViews;
import cn.jinan.edu.quality.domain.BalancedCriteria;
import cn.jinan.edu.quality.service.CriteriaService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/criteria")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "criteria", description = "国家创建标准 National criteria behind the two county titles")
public class CriteriaResource {
  @Inject CriteriaService criteria;
  @Inject Caller caller;

  @GET
  @Path("/preschool")
  @RolesAllowed({Roles.CITY_ADMIN, Roles.DATA_REPORTER, Roles.AUDITOR, Roles.DISTRICT_REVIEWER})
  @Operation(
      summary = "学前教育普及普惠县 readiness per district",
      description =
          "For each district (or one) and year: gross preschool enrolment ≥ 85%, inclusive"
              + " coverage ≥ 80%, public enrolment share ≥ 50%, each with value, threshold and"
              + " pass/fail/no data, from the period's reported values whatever their approval"
              + " state (shown beside). A district-reviewer sees its own district.")
  public List<TargetViews.PreschoolReadinessView> preschool(
      @Parameter(description = "统计年度", example = "2026", required = true) @QueryParam("period")
          int period,
      @Parameter(description = "区县", example = "370102") @QueryParam("district") String district) {
    return criteria.preschool(caller, period, district);
  }

  @GET
  @Path("/balanced")
  @RolesAllowed({Roles.CITY_ADMIN, Roles.DATA_REPORTER, Roles.AUDITOR, Roles.DISTRICT_REVIEWER})
  @Operation(
      summary = "义务教育优质均衡发展县 readiness per district and stage",
      description =
          "Primary and junior separately: every school must meet ≥ 6 of the 7 resource standards"
              + " and reach ≥ 85% on the other; each indicator's enrolment-weighted coefficient of"
              + " variation across the district's schools ≤ 0.50 (primary) / 0.45 (junior). Lists"
              + " failing schools with their indicators and every CV. A school belongs to a stage"
              + " when it reports STUDENTS_PRIMARY / STUDENTS_JUNIOR > 0 for the period.")
  public List<TargetViews.BalancedReadinessView> balanced(
      @Parameter(description = "统计年度", example = "2026", required = true) @QueryParam("period")
          int period,
      @Parameter(description = "区县", example = "370102") @QueryParam("district") String district,
      @Parameter(description = "学段 PRIMARY / JUNIOR (default both)", example = "PRIMARY")
          @QueryParam("stage")
          BalancedCriteria.Stage stage) {
    return criteria.balanced(caller, period, district, stage);
  }
}
