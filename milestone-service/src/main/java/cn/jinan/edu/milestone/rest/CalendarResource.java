package cn.jinan.edu.milestone.rest;

import cn.jinan.edu.milestone.service.CalendarService;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Deadline calendars are public: the deadlines are those of a published document, and calendar apps
 * subscribe by URL without sending a bearer token.
 */
@Path("/api/v1")
@Tag(name = "calendar", description = "日历订阅 iCalendar (RFC 5545) feeds of task deadlines")
public class CalendarResource {
  static final String TEXT_CALENDAR = "text/calendar";
  private static final String EXAMPLE =
      "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Jinan Education Bureau//milestone-service//ZH\r\n"
          + "BEGIN:VEVENT\r\nUID:task-6-jn-2025-10@milestone.jinan-edu\r\nDTSTAMP:20251101T000000Z\r\n"
          + "DTSTART;VALUE=DATE:20251231\r\nDTEND;VALUE=DATE:20260101\r\nSUMMARY:【完成时限】任务6…\r\n"
          + "END:VEVENT\r\nEND:VCALENDAR\r\n";

  @Inject CalendarService calendar;

  @GET
  @Path("/calendar.ics")
  @Produces(TEXT_CALENDAR + ";charset=utf-8")
  @PermitAll
  @Operation(
      summary = "全市任务日历 City-wide deadline calendar",
      description =
          "Every task's deadline as an all-day event on its last day; subscribe by URL in any"
              + " calendar app. Public (no token), since the deadlines are published.")
  @APIResponse(
      responseCode = "200",
      description = "iCalendar",
      content =
          @Content(
              mediaType = TEXT_CALENDAR,
              schema = @Schema(implementation = String.class, example = EXAMPLE)))
  public Response city(
      @Parameter(description = "规划代码 plan code", example = "JN-2025-10") @QueryParam("plan")
          String plan) {
    return ics(calendar.city(plan), "milestones.ics");
  }

  @GET
  @Path("/units/{code}/calendar.ics")
  @Produces(TEXT_CALENDAR + ";charset=utf-8")
  @PermitAll
  @Operation(
      summary = "单位任务日历 Deadline calendar of a district or unit",
      description =
          "Deadlines of the tasks the unit (e.g. a district, 370102) is currently responsible for."
              + " Public (no token).")
  @APIResponse(
      responseCode = "200",
      description = "iCalendar",
      content =
          @Content(
              mediaType = TEXT_CALENDAR,
              schema = @Schema(implementation = String.class, example = EXAMPLE)))
  public Response unit(
      @Parameter(description = "单位代码 unit code", example = "370102") @PathParam("code") String code,
      @Parameter(description = "规划代码 plan code", example = "JN-2025-10") @QueryParam("plan")
          String plan) {
    return ics(calendar.unit(plan, code), "milestones-" + code + ".ics");
  }

  private static Response ics(String body, String filename) {
    return Response.ok(body, TEXT_CALENDAR + ";charset=utf-8")
        .header("Content-Disposition", "inline; filename=\"" + filename + "\"")
        .header("Cache-Control", "public, max-age=3600")
        .build();
  }
}
