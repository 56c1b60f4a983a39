package cn.jinan.edu.milestone.rest;

import cn.jinan.edu.platform.data.AuditService;
import cn.jinan.edu.platform.data.AuditView;
import cn.jinan.edu.platform.data.EventService;
import cn.jinan.edu.platform.paging.Page;
import cn.jinan.edu.platform.paging.Paging;
import cn.jinan.edu.platform.security.Caller;
import cn.jinan.edu.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class FeedResource {
  // A report or due-date event names its responsible unit in data.unitCode.
  private static final String DISTRICT_FIELD = "unitCode";

  @Inject EventService events;
  @Inject AuditService audit;
  @Inject Caller caller;

  @GET
  @Path("/events")
  @RolesAllowed({Roles.CITY_ADMIN, Roles.DATA_REPORTER, Roles.AUDITOR, Roles.DISTRICT_REVIEWER})
  @Tag(name = "events", description = "事件 CloudEvents feed for other systems")
  @Operation(
      summary = "事件流 Event feed (CloudEvents 1.0)",
      description =
          "Due-soon and overdue tasks (per responsible unit, announced once by the scheduled job),"
              + " and accepted, returned and reopened reports, as CloudEvents 1.0 JSON, oldest"
              + " first. Store nextCursor (or the last event's sequence) and pass it as after= to"
              + " resume. Types: cn.jinan.edu.milestone.{task.due-soon, task.overdue,"
              + " report.accepted, report.returned, report.reopened}. Every event names its unit"
              + " in data.unitCode. Who sees what: city-admin, auditor and data-reporter read every"
              + " event; a district-reviewer reads only events whose data.unitCode is its own"
              + " district_code (the reports and task parts it may also read directly), others get"
              + " 403. The filter applies before paging: a page holds up to limit visible events"
              + " and nextCursor resumes after the last of them, so nothing is skipped or"
              + " repeated.")
  public Page<Map<String, Object>> events(
      @Parameter(description = "上次读到的位置 resume after this sequence", example = "0")
          @QueryParam("after")
          String after,
      @Parameter(description = "条数 1–200", example = "50") @QueryParam("limit") Integer limit) {
    return events.readFor(caller, Paging.afterId(after), Paging.limit(limit), DISTRICT_FIELD);
  }

  @GET
  @Path("/audit")
  @RolesAllowed({Roles.CITY_ADMIN, Roles.AUDITOR, Roles.DISTRICT_REVIEWER})
  @Tag(name = "audit", description = "审计 Append-only audit trail")
  @Operation(
      summary = "审计记录 Audit trail across reports, tasks, assignments and annotations",
      description =
          "auditor and city-admin read everything; a district-reviewer only its own district's"
              + " entries. Oldest first with keyset paging.")
  public Page<AuditView> audit(
      @Parameter(description = "区县 district", example = "370102") @QueryParam("district")
          String district,
      @Parameter(
              description = "对象类型 report, task, plan, assignment, annotation",
              example = "report")
          @QueryParam("entityType")
          String entityType,
      @Parameter(description = "游标 cursor", example = "0") @QueryParam("after") String after,
      @Parameter(description = "每页条数 1–200", example = "50") @QueryParam("limit") Integer limit) {
    return audit.searchFor(
        caller, district, entityType, Paging.afterId(after), Paging.limit(limit));
  }
}
