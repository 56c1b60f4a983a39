package cn.jinan.edu.platform.data;

import cn.jinan.edu.platform.paging.Page;
import cn.jinan.edu.platform.paging.PageParams;
import cn.jinan.edu.platform.security.Caller;
import cn.jinan.edu.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The event feed and the audit trail, the same in every service with a database. A service says
 * which field of its events names the district ({@code platform.feed.district-field}) and which
 * event types and audited entities it has ({@code platform.feed.event-types}, {@code
 * platform.feed.entity-types}, added to the operations' descriptions by {@link FeedDocumentation}).
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class FeedResource {
  @Inject EventService events;
  @Inject AuditService audit;
  @Inject Caller caller;

  @ConfigProperty(name = "platform.feed.district-field")
  String districtField;

  @GET
  @Path("/events")
  @RolesAllowed({Roles.CITY_ADMIN, Roles.DATA_REPORTER, Roles.AUDITOR, Roles.DISTRICT_REVIEWER})
  @Tag(name = "events", description = "事件 CloudEvents feed for other systems")
  @Operation(
      summary = "事件流 Event feed (CloudEvents 1.0)",
      description =
          "CloudEvents 1.0 in the JSON format (structured mode), oldest first; events are never"
              + " reordered or removed. Store nextCursor (or the last event's sequence extension)"
              + " and pass it as after= to resume. Who sees what: city-admin, auditor and"
              + " data-reporter read every event; a district-reviewer reads only the events whose"
              + " district field is, or lists, its own district_code (what it may also read"
              + " directly), others get 403. The filter applies before paging: a page holds up to"
              + " limit visible events and nextCursor resumes after the last of them, so nothing is"
              + " skipped or repeated.")
  public Page<Map<String, Object>> events(@BeanParam PageParams page) {
    return events.readFor(caller, page.afterId(), page.limit(), districtField);
  }

  @GET
  @Path("/audit")
  @RolesAllowed({Roles.CITY_ADMIN, Roles.AUDITOR, Roles.DISTRICT_REVIEWER})
  @Tag(name = "audit", description = "审计 Append-only audit trail")
  @Operation(
      summary = "审计记录 Audit trail",
      description =
          "Every audited change with old and new values, who, when and the request id, oldest"
              + " first with keyset paging. auditor and city-admin read everything; a"
              + " district-reviewer only its own district's entries.")
  public Page<AuditView> audit(
      @Parameter(description = "区县 district", example = "370102") @QueryParam("district")
          String district,
      @Parameter(description = "对象类型 entity type", example = "registration")
          @QueryParam("entityType")
          String entityType,
      @BeanParam PageParams page) {
    return audit.searchFor(caller, district, entityType, page.afterId(), page.limit());
  }
}
