package cn.jinan.edu.quality.rest;

import cn.jinan.edu.platform.data.AuditService;
import cn.jinan.edu.platform.data.AuditView;
import cn.jinan.edu.platform.paging.Page;
import cn.jinan.edu.platform.paging.PageParams;
import cn.jinan.edu.platform.security.Caller;
import cn.jinan.edu.platform.security.Roles;
import cn.jinan.edu.quality.api.Views;
import cn.jinan.edu.quality.service.DataApprovals;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/approvals")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "approvals",
    description = "数据审核 District data approval per period: submit, approve (lock), return, unlock")
public class ApprovalResource {
  @Inject DataApprovals approvals;
  @Inject AuditService audit;
  @Inject Caller caller;

  @GET
  @RolesAllowed({Roles.CITY_ADMIN, Roles.DATA_REPORTER, Roles.AUDITOR, Roles.DISTRICT_REVIEWER})
  @Operation(
      summary = "审核状态列表 Approval states of a period",
      description =
          "The approval state of every unit for a period (OPEN when nothing happened yet); a"
              + " district-reviewer sees its own district only.")
  public List<Views.ApprovalView> list(
      @Parameter(description = "统计年度", example = "2026", required = true) @QueryParam("period")
          int period,
      @Parameter(description = "区县", example = "370102") @QueryParam("district") String district) {
    return approvals.approvals(caller, period, district);
  }

  @GET
  @Path("/{district}/{period}")
  @RolesAllowed({Roles.CITY_ADMIN, Roles.DATA_REPORTER, Roles.AUDITOR, Roles.DISTRICT_REVIEWER})
  @Operation(
      summary = "审核状态 Approval of one district and period",
      description =
          "State, the actions this caller may take next (allowedActions) and ETag (version 0"
              + " before the first action).")
  @APIResponse(
      responseCode = "200",
      description = "The approval; ETag header = version",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Views.ApprovalView.class)))
  public Response get(
      @Parameter(description = "区县", example = "370102") @PathParam("district") String district,
      @Parameter(description = "统计年度", example = "2026") @PathParam("period") int period) {
    Views.ApprovalView v = approvals.approval(caller, district, period);
    return Response.ok(v).tag(Integer.toString(v.version())).build();
  }

  @POST
  @Path("/{district}/{period}/transitions/{action}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.CITY_ADMIN, Roles.DISTRICT_REVIEWER})
  @Operation(
      summary = "审核流转 submit, withdraw, approve, return or unlock a district's data",
      description =
          "submit / withdraw: the district's own district-reviewer (or city-admin). approve (locks"
              + " the values; targets count only approved data), return and unlock: city-admin;"
              + " return and unlock need a comment. Requires If-Match (\"0\" before the first"
              + " action). An action the state does not allow → 409 listing the allowed ones.")
  @APIResponse(
      responseCode = "200",
      description = "The approval after the action; ETag header = new version",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Views.ApprovalView.class)))
  public Response transition(
      @Parameter(description = "区县", example = "370102") @PathParam("district") String district,
      @Parameter(description = "统计年度", example = "2026") @PathParam("period") int period,
      @Parameter(
              description = "操作 action",
              example = "submit",
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {"submit", "withdraw", "approve", "return", "unlock"}))
          @PathParam("action")
          String action,
      @Parameter(description = "ETag from the last GET", example = "\"0\"") @HeaderParam("If-Match")
          String ifMatch,
      @Valid Requests.TransitionRequest body) {
    Views.ApprovalView v =
        approvals.transition(
            caller, district, period, action, ifMatch, body == null ? null : body.comment());
    return Response.ok(v).tag(Integer.toString(v.version())).build();
  }

  @GET
  @Path("/{district}/{period}/audit")
  @RolesAllowed({Roles.CITY_ADMIN, Roles.AUDITOR, Roles.DISTRICT_REVIEWER})
  @Operation(
      summary = "审计记录 Audit trail of a district's period",
      description =
          "Every value change (old and new value) and approval action of the district and period,"
              + " oldest first, with who, when and request id.")
  public Page<AuditView> audit(
      @Parameter(description = "区县", example = "370102") @PathParam("district") String district,
      @Parameter(description = "统计年度", example = "2026") @PathParam("period") int period,
      @BeanParam PageParams page) {
    approvals.approval(caller, district, period); // read scope check
    return audit.forAggregate("data:" + district + ":" + period, page.afterId(), page.limit());
  }
}
