package cn.jinan.edu.quality.rest;

import cn.jinan.edu.quality.api.TargetViews;
import cn.jinan.edu.quality.config.QualityConfig;
import cn.jinan.edu.quality.service.TargetService;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "targets", description = "目标 The plan's quantitative targets, evaluated live")
public class TargetResource {
  static final String RULE =
      " Values: for every district (or school) the value of the latest period ≤ the as-of year"
          + " whose district data is APPROVED (locked); units in scope on the as-of date."
          + " Status: MET; otherwise MISSED after the deadline (end of day, Asia/Shanghai),"
          + " AT_RISK within the configured window before it (default 180 days), else ON_TRACK;"
          + " an ongoing target (no deadline) that is unmet is AT_RISK. GROUP_REGISTRATION_DONE"
          + " reads registry-service statistics live and falls back to reported data.";

  @Inject TargetService targets;
  @Inject QualityConfig config;

  @GET
  @Path("/targets/{code}/evaluation")
  @Authenticated
  @Operation(
      summary = "目标评估 Evaluate one target as of a date",
      description =
          "Current and required value, met or not, the gap in plain terms, which units count and"
              + " which do not, the trajectory by year and the status."
              + RULE)
  public TargetViews.EvaluationView evaluation(
      @Parameter(description = "目标代码", example = "PRESCHOOL_INCLUSIVE_COUNTY") @PathParam("code")
          String code,
      @Parameter(description = "评估日期 as of (default today)", example = "2026-06-30")
          @QueryParam("asOf")
          LocalDate asOf) {
    return targets.evaluate(code, orToday(asOf));
  }

  @GET
  @Path("/targets/evaluation")
  @Authenticated
  @Operation(
      summary = "全部目标评估 Evaluate every target as of a date",
      description = "The evaluation of every target, in the plan's order." + RULE)
  public List<TargetViews.EvaluationView> evaluations(
      @Parameter(description = "评估日期 as of (default today)", example = "2026-06-30")
          @QueryParam("asOf")
          LocalDate asOf) {
    return targets.evaluateAll(orToday(asOf));
  }

  @GET
  @Path("/dashboard")
  @Authenticated
  @Tag(name = "dashboard", description = "看板 The city dashboard")
  @Operation(
      summary = "全市看板 City dashboard",
      description = "Every target with its status in one call, plus a count per status." + RULE)
  public TargetViews.DashboardView dashboard(
      @Parameter(description = "评估日期 as of (default today)", example = "2026-06-30")
          @QueryParam("asOf")
          LocalDate asOf) {
    return targets.dashboard(orToday(asOf));
  }

  private LocalDate orToday(LocalDate asOf) {
    return asOf == null ? LocalDate.now(config.zone()) : asOf;
  }
}
