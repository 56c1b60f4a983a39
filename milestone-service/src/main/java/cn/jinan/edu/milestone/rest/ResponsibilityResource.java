package cn.jinan.edu.milestone.rest;

import cn.jinan.edu.milestone.api.Views;
import cn.jinan.edu.milestone.domain.UnitKind;
import cn.jinan.edu.milestone.service.ResponsibilityService;
import cn.jinan.edu.milestone.service.UnitMirror;
import cn.jinan.edu.platform.security.Caller;
import cn.jinan.edu.platform.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "responsibility", description = "责任分工 Responsible units of tasks, with history")
public class ResponsibilityResource {
  @Inject ResponsibilityService responsibility;
  @Inject UnitMirror mirror;
  @Inject Caller caller;

  @GET
  @Path("/units")
  @PermitAll
  @Operation(
      summary = "责任单位 List responsible units",
      description =
          "The city bureau (370100) and its departments (处室), this service's own, and the 区县:"
              + " districts, counties and functional zones (GB/T 2260), a read-only mirror of"
              + " registry-service's units, which owns them. Public.")
  public List<Views.UnitView> units(
      @Parameter(description = "类型 kind", example = "DISTRICT") @QueryParam("kind") UnitKind kind) {
    return responsibility.units(kind);
  }

  @POST
  @Path("/units/refresh")
  @RolesAllowed(Roles.CITY_ADMIN)
  @Operation(
      summary = "同步区县 Read the units from registry-service now",
      description =
          "Units are owned by registry-service (add a functional zone there, POST"
              + " /registry/api/v1/units); this service mirrors them every 10 minutes"
              + " (MILESTONE_UNITS_REFRESH) and on this call. A unit gone from the registry is"
              + " removed unless assignments or reports refer to it. 503 when the registry cannot"
              + " be read; the units held stay as they are.")
  public Views.UnitMirrorView refreshUnits() {
    return mirror.refresh();
  }

  @GET
  @Path("/tasks/{id}/assignments")
  @PermitAll
  @Operation(
      summary = "任务分工 Responsible units of a task",
      description =
          "The current responsible units; with history=true also the ended assignments. The ETag is"
              + " the version of the set, required as If-Match to change it. Public.")
  @APIResponse(
      responseCode = "200",
      description = "The assignments; ETag set",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Views.AssignmentsView.class)))
  public Response assignments(
      @Parameter(description = "任务编号 task id", example = "6") @PathParam("id") long id,
      @Parameter(description = "含历史 include ended assignments", example = "true")
          @QueryParam("history")
          @DefaultValue("false")
          boolean history) {
    Views.AssignmentsView v = responsibility.assignments(id, history);
    return Response.ok(v).tag(Integer.toString(v.version())).build();
  }

  @PUT
  @Path("/tasks/{id}/assignments")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.CITY_ADMIN)
  @Operation(
      summary = "调整分工 Change the responsible units of a task",
      description =
          "city-admin replaces the set of responsible units. Units no longer listed are ended (kept"
              + " as history), new ones start now. Requires If-Match with the current ETag.")
  @APIResponse(
      responseCode = "200",
      description = "The new assignments; ETag set",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Views.AssignmentsView.class)))
  public Response replace(
      @Parameter(description = "任务编号 task id", example = "6") @PathParam("id") long id,
      @Parameter(description = "当前版本 current ETag", example = "\"0\"") @HeaderParam("If-Match")
          String ifMatch,
      @Valid @NotNull Requests.AssignmentsRequest body) {
    Views.AssignmentsView v =
        responsibility.replace(caller, id, ifMatch, body.unitCodes(), body.comment());
    return Response.ok(v).tag(Integer.toString(v.version())).build();
  }
}
