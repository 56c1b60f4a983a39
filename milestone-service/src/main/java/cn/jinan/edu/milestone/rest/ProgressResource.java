package cn.jinan.edu.milestone.rest;

import cn.jinan.edu.milestone.api.Views;
import cn.jinan.edu.milestone.service.OverviewService;
import cn.jinan.edu.milestone.service.ProgressService;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "progress",
    description = "进展与汇总 Derived task states at any moment and their roll-ups (published progress)")
public class ProgressResource {
  static final String AS_OF =
      "评估时点 YYYY-MM-DD (the end of that day, Asia/Shanghai), YYYY-MM-DDThh:mm:ss (Asia/Shanghai)"
          + " or with an offset; default now";

  @Inject ProgressService progress;
  @Inject OverviewService overviews;

  @GET
  @Path("/overview")
  @PermitAll
  @Operation(
      summary = "全市总览 City overview",
      description =
          "One call for the whole picture at a moment: counts and percentages per derived state"
              + " (OVERDUE, DUE_SOON, AT_RISK, ON_TRACK, COMPLETED) for the city, by action, by"
              + " year, by measure (tasks, by their overall state) and by district (that district's"
              + " task assignments), plus every task's state. Progress comes from accepted reports"
              + " or bound live figures; a stale figure (source unreachable) is marked. Public.")
  public Views.OverviewView overview(
      @Parameter(description = "规划代码 plan code", example = "JN-2025-10") @QueryParam("plan")
          String plan,
      @Parameter(description = AS_OF, example = "2025-12-31") @QueryParam("asOf") String asOf) {
    return overviews.overview(plan, progress.asOf(asOf));
  }

  @GET
  @Path("/tasks/{id}/status")
  @PermitAll
  @Operation(
      summary = "任务进展 Derived state of a task",
      description =
          "The task's overall state and each responsible unit's: OVERDUE when the deadline (end of"
              + " its last day, Asia/Shanghai) has passed and it is not completed; DUE_SOON within"
              + " the window before it; AT_RISK when blocked or behind the straight line from the"
              + " plan's issue date by more than the margin; else ON_TRACK; COMPLETED when done."
              + " Public.")
  public Views.TaskStatusView status(
      @Parameter(description = "任务编号 task id", example = "5") @PathParam("id") long id,
      @Parameter(description = AS_OF, example = "2025-12-31T23:59:59+08:00") @QueryParam("asOf")
          String asOf) {
    return progress.taskStatus(id, progress.asOf(asOf));
  }
}
