package cn.jinan.edu.quality.rest;

import cn.jinan.edu.platform.problem.ProblemException;
import cn.jinan.edu.platform.security.Caller;
import cn.jinan.edu.platform.security.Roles;
import cn.jinan.edu.quality.api.TargetViews;
import cn.jinan.edu.quality.api.Views;
import cn.jinan.edu.quality.config.QualityConfig;
import cn.jinan.edu.quality.domain.IndicatorLevel;
import cn.jinan.edu.quality.service.ReferenceService;
import cn.jinan.edu.quality.service.UnitMirror;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class ReferenceResource {
  @Inject ReferenceService reference;
  @Inject UnitMirror units;
  @Inject Caller caller;
  @Inject QualityConfig config;

  @GET
  @Path("/units")
  @PermitAll
  @SecurityRequirements
  @Tag(name = "units", description = "区县 Units: the 12 districts (GB/T 2260) and functional zones")
  @Operation(
      summary = "区县列表 Units in scope",
      description =
          "The units in scope on a date (default today, Asia/Shanghai), by code: the denominator"
              + " of every \"X% of districts\" target on that date. A read-only mirror of"
              + " registry-service's units, which owns them.")
  public List<Views.UnitView> units(
      @Parameter(description = "日期 as of", example = "2026-06-30") @QueryParam("asOf")
          LocalDate asOf) {
    return reference.unitsInScope(asOf == null ? LocalDate.now(config.zone()) : asOf);
  }

  @POST
  @Path("/units/refresh")
  @RolesAllowed(Roles.CITY_ADMIN)
  @Tag(name = "units")
  @Operation(
      summary = "同步区县 Read the units from registry-service now",
      description =
          "Units are owned by registry-service (add a functional zone there, POST"
              + " /registry/api/v1/units); this service mirrors them every 10 minutes"
              + " (QUALITY_UNITS_REFRESH) and on this call. 503 when the registry cannot be read;"
              + " the units held stay as they are.")
  public Views.UnitMirrorView refreshUnits() {
    return units.refresh();
  }

  @GET
  @Path("/indicators")
  @Authenticated
  @Tag(name = "indicators", description = "指标 Indicator definitions (reference data)")
  @Operation(
      summary = "指标列表 Indicator definitions",
      description = "Every indicator: code, names, unit, value type and level, by code.")
  public List<Views.IndicatorView> indicators(
      @Parameter(description = "层级 level", example = "DISTRICT") @QueryParam("level")
          IndicatorLevel level) {
    return reference.indicators(level);
  }

  @GET
  @Path("/indicators/{code}")
  @Authenticated
  @Tag(name = "indicators")
  @Operation(summary = "指标详情 One indicator", description = "One indicator definition by code.")
  public Views.IndicatorView indicator(
      @Parameter(description = "指标代码", example = "PRESCHOOL_GROSS_ENROLMENT_RATE")
          @PathParam("code")
          String code) {
    return reference
        .indicator(code)
        .orElseThrow(() -> ProblemException.notFound("Indicator", code));
  }

  @POST
  @Path("/indicators")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.CITY_ADMIN)
  @Tag(name = "indicators")
  @Operation(
      summary = "新增指标 Add an indicator",
      description = "city-admin adds an indicator definition; codes are unique (409 otherwise).")
  @APIResponse(
      responseCode = "201",
      description = "Added; Location header = the new indicator",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Views.IndicatorView.class)))
  public Response addIndicator(@Valid @NotNull Requests.IndicatorRequest body) {
    Views.IndicatorView v = reference.addIndicator(caller, body.toView());
    return Response.created(URI.create("/api/v1/indicators/" + v.code())).entity(v).build();
  }

  @GET
  @Path("/targets")
  @Authenticated
  @Tag(name = "targets", description = "目标 The plan's quantitative targets, evaluated live")
  @Operation(
      summary = "目标列表 Target definitions",
      description =
          "The 11 targets of the plan with threshold, comparator, scope and deadline (DOMAIN.md"
              + " section 5).")
  public List<TargetViews.TargetView> targets() {
    return reference.targets();
  }

  @GET
  @Path("/targets/{code}")
  @Authenticated
  @Tag(name = "targets")
  @Operation(summary = "目标定义 One target", description = "One target definition by code.")
  public TargetViews.TargetView target(
      @Parameter(description = "目标代码", example = "PRESCHOOL_INCLUSIVE_COUNTY") @PathParam("code")
          String code) {
    return reference.target(code);
  }
}
