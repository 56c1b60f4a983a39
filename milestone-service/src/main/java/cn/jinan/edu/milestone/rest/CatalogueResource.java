package cn.jinan.edu.milestone.rest;

import cn.jinan.edu.milestone.api.Views;
import cn.jinan.edu.milestone.service.AnnotationService;
import cn.jinan.edu.milestone.service.BindingService;
import cn.jinan.edu.milestone.service.CatalogueService;
import cn.jinan.edu.milestone.service.PlanService;
import cn.jinan.edu.milestone.service.TaskService;
import cn.jinan.edu.platform.security.Caller;
import cn.jinan.edu.platform.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "catalogue",
    description = "重点任务清单 The plan catalogue: plans, actions, measures, key tasks, annotations")
public class CatalogueResource {
  @Inject CatalogueService catalogue;
  @Inject PlanService planService;
  @Inject TaskService taskService;
  @Inject AnnotationService annotationService;
  @Inject BindingService bindingService;
  @Inject Caller caller;

  @GET
  @Path("/plans")
  @PermitAll
  @Operation(
      summary = "规划列表 List plans",
      description =
          "The plan document 济教办〔2025〕10号 (code JN-2025-10) and any further plan the bureau added."
              + " Public.")
  public List<Views.PlanView> plans() {
    return catalogue.plans();
  }

  @GET
  @Path("/plans/{code}")
  @PermitAll
  @Operation(summary = "规划详情 Get a plan", description = "One plan by its code. Public.")
  public Views.PlanView plan(
      @Parameter(description = "规划代码 plan code", example = "JN-2025-10") @PathParam("code")
          String code) {
    return catalogue.planView(code);
  }

  @POST
  @Path("/plans")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.CITY_ADMIN)
  @Operation(
      summary = "新增规划 Add a plan",
      description =
          "city-admin adds a further plan with its actions and measures (numerals 一… are derived"
              + " from the numbers). Rows added this way are the bureau's own (fromDocument false);"
              + " the document's rows can never be changed or deleted.")
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Views.PlanView.class)))
  public Response createPlan(@Valid @NotNull Requests.PlanRequest body) {
    Views.PlanView p = planService.createPlan(caller, body.toNew());
    return Response.created(URI.create("/api/v1/plans/" + p.code())).entity(p).build();
  }

  @GET
  @Path("/actions")
  @PermitAll
  @Operation(
      summary = "行动列表 List actions",
      description = "The actions (行动) of a plan in number order. Public.")
  public List<Views.ActionView> actions(
      @Parameter(description = "规划代码 plan code (default JN-2025-10)", example = "JN-2025-10")
          @QueryParam("plan")
          String plan) {
    return catalogue.actions(plan);
  }

  @GET
  @Path("/measures")
  @PermitAll
  @Operation(
      summary = "措施列表 List measures",
      description = "The measures (措施 一…十六) of a plan, optionally of one action. Public.")
  public List<Views.MeasureView> measures(
      @Parameter(description = "规划代码 plan code", example = "JN-2025-10") @QueryParam("plan")
          String plan,
      @Parameter(description = "行动 action number", example = "2") @QueryParam("action")
          Integer action) {
    return catalogue.measures(plan, action);
  }

  @GET
  @Path("/tasks")
  @PermitAll
  @Operation(
      summary = "任务列表 List key tasks",
      description =
          "The key tasks (重点任务) of a plan in number order with their deadlines; filter by action,"
              + " year and measure. Public.")
  public List<Views.TaskView> tasks(
      @Parameter(description = "规划代码 plan code", example = "JN-2025-10") @QueryParam("plan")
          String plan,
      @Parameter(description = "行动 action number", example = "2") @QueryParam("action")
          Integer action,
      @Parameter(description = "完成年份 year", example = "2025") @QueryParam("year") Integer year,
      @Parameter(description = "措施 measure number", example = "7") @QueryParam("measure")
          Integer measure) {
    return catalogue.tasks(plan, action, year, measure);
  }

  @GET
  @Path("/tasks/{id}")
  @PermitAll
  @Operation(
      summary = "任务详情 Get a key task",
      description =
          "A task with the measures it serves, its current responsible units, its live-figure"
              + " binding and the bureau's annotations. Public.")
  public Views.TaskDetailView task(
      @Parameter(description = "任务编号 task id", example = "6") @PathParam("id") long id) {
    return catalogue.detail(id);
  }

  @POST
  @Path("/tasks")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.CITY_ADMIN)
  @Operation(
      summary = "新增任务 Add a task",
      description =
          "city-admin adds a further task to a plan: it gets the next number and the next position"
              + " in its (action, year) cell; the deadline defaults to 31 December of its year."
              + " Without responsibleUnits the default applies: 印发… tasks are the city's (370100),"
              + " all others every district's.")
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Views.TaskView.class)))
  public Response createTask(@Valid @NotNull Requests.TaskRequest body) {
    Views.TaskView t = taskService.createTask(caller, body.toNew());
    return Response.created(URI.create("/api/v1/tasks/" + t.id())).entity(t).build();
  }

  @PUT
  @Path("/tasks/{id}/binding")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.CITY_ADMIN)
  @Operation(
      summary = "绑定数据 Bind a task to a live figure",
      description =
          "city-admin binds a task to a quality-index-service target (QUALITY_TARGET, e.g."
              + " PRESCHOOL_INCLUSIVE_COUNTY) or to the registry's filing statistics"
              + " (REGISTRY_FILING). Its status and percent then come from that figure. Replacing an"
              + " existing binding needs If-Match with binding.version from the task detail.")
  public Views.BindingView bind(
      @Parameter(description = "任务编号 task id", example = "30") @PathParam("id") long id,
      @Parameter(description = "绑定版本 binding version (only to replace one)", example = "\"0\"")
          @HeaderParam("If-Match")
          String ifMatch,
      @Valid @NotNull Requests.BindingRequest body) {
    return bindingService.bind(caller, id, ifMatch, body.source(), body.targetCode());
  }

  @GET
  @Path("/tasks/{id}/annotations")
  @PermitAll
  @Operation(summary = "批注列表 Annotations of a task", description = "Oldest first. Public.")
  public List<Views.AnnotationView> annotations(
      @Parameter(description = "任务编号 task id", example = "6") @PathParam("id") long id) {
    return catalogue.annotations(id);
  }

  @POST
  @Path("/tasks/{id}/annotations")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.CITY_ADMIN)
  @Operation(
      summary = "添加批注 Annotate a task",
      description =
          "city-admin adds a note to a task. The task's own text never changes; notes are kept"
              + " and audited.")
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Views.AnnotationView.class)))
  public Response annotate(
      @Parameter(description = "任务编号 task id", example = "6") @PathParam("id") long id,
      @Valid @NotNull Requests.AnnotationRequest body) {
    Views.AnnotationView a = annotationService.annotate(caller, id, body.textZh());
    return Response.created(URI.create("/api/v1/tasks/" + id + "/annotations/" + a.id()))
        .entity(a)
        .build();
  }
}
