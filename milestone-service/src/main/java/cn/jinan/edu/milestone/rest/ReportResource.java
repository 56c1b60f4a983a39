package cn.jinan.edu.milestone.rest;

import cn.jinan.edu.milestone.api.Views;
import cn.jinan.edu.milestone.domain.ReportAction;
import cn.jinan.edu.milestone.domain.ReportState;
import cn.jinan.edu.milestone.service.ReportQueries;
import cn.jinan.edu.milestone.service.ReportService;
import cn.jinan.edu.platform.data.AuditView;
import cn.jinan.edu.platform.paging.Page;
import cn.jinan.edu.platform.paging.PageParams;
import cn.jinan.edu.platform.problem.ProblemException;
import cn.jinan.edu.platform.security.Caller;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "reports", description = "进度报告 District progress reports and the city's review")
public class ReportResource {
  @Inject ReportService reports;
  @Inject ReportQueries queries;
  @Inject Caller caller;

  @POST
  @Path("/tasks/{id}/reports")
  @Consumes(MediaType.APPLICATION_JSON)
  @Authenticated
  @Operation(
      summary = "报送进度 Report progress on a task",
      description =
          "A district-reviewer reports for its own district (district_code claim) only; city-admin"
              + " for any responsible unit. The unit must currently be responsible for the task."
              + " The report starts SUBMITTED; only one report per task and unit may be open"
              + " (submitted or returned) at a time — 409 names it. COMPLETED needs 100%,"
              + " NOT_STARTED 0%; asOf must not be in the future (Asia/Shanghai).")
  @APIResponse(
      responseCode = "201",
      description = "Submitted; ETag and Location set",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Views.ReportView.class)))
  public Response create(
      @Parameter(description = "任务编号 task id", example = "5") @PathParam("id") long id,
      @Valid @NotNull Requests.ReportRequest body) {
    Views.ReportView r = reports.create(caller, id, body.toContent());
    return Response.created(URI.create("/api/v1/reports/" + r.id()))
        .entity(r)
        .tag(Integer.toString(r.version()))
        .build();
  }

  @GET
  @Path("/reports")
  @Authenticated
  @Operation(
      summary = "报告列表 List progress reports",
      description =
          "All reports for city-admin, auditor and data-reporter; a district-reviewer sees only its"
              + " own district's (asking for another district → 403). Keyset paging in id order.")
  public Page<Views.ReportView> list(
      @Parameter(description = "任务编号 task id", example = "5") @QueryParam("task") Long task,
      @Parameter(description = "单位 unit code", example = "370102") @QueryParam("unit") String unit,
      @Parameter(description = "审核状态 state", example = "SUBMITTED") @QueryParam("state")
          ReportState state,
      @BeanParam PageParams page) {
    return queries.list(
        caller, new ReportQueries.Filter(task, unit, state), page.afterId(), page.limit());
  }

  @GET
  @Path("/reports/{id}")
  @Authenticated
  @Operation(
      summary = "报告详情 Get a progress report",
      description =
          "One report with its ETag and the actions this caller may take now. Same scope as the"
              + " list.")
  @APIResponse(
      responseCode = "200",
      description = "The report; ETag set",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Views.ReportView.class)))
  public Response get(
      @Parameter(description = "报告编号 report id", example = "12") @PathParam("id") long id) {
    Views.ReportView r = queries.get(caller, id);
    return Response.ok(r).tag(Integer.toString(r.version())).build();
  }

  @PUT
  @Path("/reports/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Authenticated
  @Operation(
      summary = "修改并重新报送 Correct and resubmit a report",
      description =
          "The reporting unit (its district-reviewer, or city-admin) corrects a SUBMITTED or"
              + " RETURNED report, which becomes SUBMITTED again. An ACCEPTED report is locked"
              + " (409). Requires If-Match.")
  @APIResponse(
      responseCode = "200",
      description = "Resubmitted; ETag set",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Views.ReportView.class)))
  public Response update(
      @Parameter(description = "报告编号 report id", example = "12") @PathParam("id") long id,
      @Parameter(description = "当前版本 current ETag", example = "\"0\"") @HeaderParam("If-Match")
          String ifMatch,
      @Valid @NotNull Requests.ReportRequest body) {
    Views.ReportView r = reports.update(caller, id, ifMatch, body.toContent());
    return Response.ok(r).tag(Integer.toString(r.version())).build();
  }

  @POST
  @Path("/reports/{id}/transitions/{action}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Authenticated
  @Operation(
      summary = "审核 Accept, return or reopen a report",
      description =
          "city-admin only. accept: SUBMITTED → ACCEPTED (locked); return: SUBMITTED → RETURNED;"
              + " reopen: ACCEPTED → RETURNED. return and reopen need a comment. Requires If-Match."
              + " Emits report.accepted / report.returned / report.reopened events.")
  @APIResponse(
      responseCode = "200",
      description = "The report after the action; ETag set",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Views.ReportView.class)))
  public Response transition(
      @Parameter(description = "报告编号 report id", example = "12") @PathParam("id") long id,
      @Parameter(
              description = "操作 action",
              example = "accept",
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {"accept", "return", "reopen"}))
          @PathParam("action")
          String action,
      @Parameter(description = "当前版本 current ETag", example = "\"0\"") @HeaderParam("If-Match")
          String ifMatch,
      @Valid Requests.ReviewRequest body) {
    ReportAction a =
        ReportAction.fromPath(action)
            .orElseThrow(
                () ->
                    ProblemException.invalid(
                        "action",
                        "unknown action '" + action + "'; one of accept, return, reopen"));
    Views.ReportView r =
        reports.transition(caller, id, a, ifMatch, body == null ? null : body.comment());
    return Response.ok(r).tag(Integer.toString(r.version())).build();
  }

  @GET
  @Path("/reports/{id}/audit")
  @Authenticated
  @Operation(
      summary = "报告审计 Audit trail of a report",
      description =
          "Every submission, correction and review of the report: actor, role, time, from/to"
              + " state, comment and changed fields. Append-only.")
  public Page<AuditView> audit(
      @Parameter(description = "报告编号 report id", example = "12") @PathParam("id") long id,
      @BeanParam PageParams page) {
    return queries.auditTrail(caller, id, page.afterId(), page.limit());
  }
}
