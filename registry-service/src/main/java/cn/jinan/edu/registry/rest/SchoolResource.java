package cn.jinan.edu.registry.rest;

import cn.jinan.edu.platform.data.imports.ImportMode;
import cn.jinan.edu.platform.data.imports.ImportRow;
import cn.jinan.edu.platform.data.imports.ImportSummary;
import cn.jinan.edu.platform.paging.Page;
import cn.jinan.edu.platform.paging.PageParams;
import cn.jinan.edu.platform.problem.ProblemException;
import cn.jinan.edu.platform.security.Caller;
import cn.jinan.edu.platform.security.Roles;
import cn.jinan.edu.registry.api.Views;
import cn.jinan.edu.registry.domain.SchoolInput;
import cn.jinan.edu.registry.domain.SchoolStage;
import cn.jinan.edu.registry.service.SchoolImport;
import cn.jinan.edu.registry.service.SchoolRows;
import cn.jinan.edu.registry.service.SchoolService;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
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
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/schools")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "schools", description = "学校名录 School directory (registry-service is its only owner)")
public class SchoolResource {
  @Inject SchoolService schools;
  @Inject SchoolImport schoolImport;
  @Inject Caller caller;
  @Inject ObjectMapper json;

  @GET
  @Authenticated
  @Operation(
      summary = "查询学校 Search schools",
      description =
          "Lists schools in a stable order with keyset paging. Filters: district, stage, status and"
              + " text (name fragment or exact USCC).")
  public Page<Views.SchoolView> search(
      @Parameter(description = "区县代码 district", example = "370102") @QueryParam("district")
          String district,
      @Parameter(description = "学段 stage", example = "PRIMARY") @QueryParam("stage")
          SchoolStage stage,
      @Parameter(description = "名称或统一社会信用代码 name fragment or USCC", example = "实验") @QueryParam("q")
          String text,
      @Parameter(description = "状态 OPEN / CLOSED") @QueryParam("status") String status,
      @BeanParam PageParams page) {
    if (status != null && !status.equals("OPEN") && !status.equals("CLOSED")) {
      throw ProblemException.invalid("status", "OPEN or CLOSED");
    }
    return schools.search(district, stage, text, status, page.afterId(), page.limit());
  }

  @GET
  @Path("/{uscc}")
  @Authenticated
  @Operation(summary = "学校详情 Get a school", description = "One school by its USCC, with its ETag.")
  public Response get(@PathParam("uscc") String uscc) {
    Views.SchoolView s =
        schools.get(uscc).orElseThrow(() -> ProblemException.notFound("School", uscc));
    return Response.ok(s).tag(Long.toString(s.version())).build();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.CITY_ADMIN, Roles.DATA_REPORTER, Roles.DISTRICT_REVIEWER})
  @Operation(
      summary = "新增学校 Create a school",
      description =
          "city-admin and data-reporter create schools anywhere; a district-reviewer only in its"
              + " own district. The USCC is checked with the GB 32100-2015 check character.")
  @APIResponse(responseCode = "201", description = "Created")
  public Response create(@Valid @NotNull Requests.SchoolRequest body) {
    Views.SchoolView s = schools.create(caller, body.toInput());
    return Response.created(URI.create("/api/v1/schools/" + s.uscc()))
        .entity(s)
        .tag(Long.toString(s.version()))
        .build();
  }

  @PUT
  @Path("/{uscc}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.CITY_ADMIN, Roles.DATA_REPORTER, Roles.DISTRICT_REVIEWER})
  @Operation(
      summary = "修改学校 Replace a school",
      description =
          "Replaces the school's fields. Requires If-Match with the ETag of the last GET. Moving a"
              + " school to another district needs scope over both districts.")
  public Response update(
      @PathParam("uscc") String uscc,
      @Parameter(description = "ETag from the last GET", example = "\"0\"") @HeaderParam("If-Match")
          String ifMatch,
      @Valid @NotNull Requests.SchoolRequest body) {
    Views.SchoolView s = schools.update(caller, uscc, ifMatch, body.toInput());
    return Response.ok(s).tag(Long.toString(s.version())).build();
  }

  @POST
  @Path("/import")
  @Consumes({"text/csv", MediaType.APPLICATION_JSON})
  @RolesAllowed({Roles.CITY_ADMIN, Roles.DATA_REPORTER, Roles.DISTRICT_REVIEWER})
  @Operation(
      summary = "批量导入学校 Import schools (CSV or JSON)",
      description =
          "CSV with header uscc,nameZh,districtCode,stages,ownership,locationType,townshipSeat,status"
              + " (stages separated by |; codes or Chinese terms accepted), or a JSON array of"
              + " SchoolRequest. Every row is validated first. dryRun=true writes nothing and"
              + " reports what would happen. By default the import is all-or-nothing: any refused"
              + " row → 422 with the summary and nothing written; partial=true writes the valid"
              + " rows.")
  @APIResponse(responseCode = "200", description = "Import summary")
  @APIResponse(responseCode = "422", description = "Rows refused; nothing written (summary inside)")
  public ImportSummary importSchools(
      @Parameter(description = "试运行 only report") @QueryParam("dryRun") @DefaultValue("false")
          boolean dryRun,
      @Parameter(description = "部分导入 write the valid rows even if others are refused")
          @QueryParam("partial")
          @DefaultValue("false")
          boolean partial,
      @HeaderParam("Content-Type") String contentType,
      String body) {
    List<ImportRow<SchoolInput>> rows =
        contentType != null && contentType.startsWith("text/csv")
            ? SchoolRows.fromCsv(body)
            : SchoolRows.fromInputs(parseJson(body));
    return schoolImport.run(caller, rows, new ImportMode(dryRun, partial));
  }

  private List<SchoolInput> parseJson(String body) {
    try {
      return json.readValue(body, new TypeReference<List<Requests.SchoolRequest>>() {}).stream()
          .map(Requests.SchoolRequest::toInput)
          .toList();
    } catch (JsonProcessingException e) {
      throw ProblemException.invalid(
          "body", "expected a JSON array of schools: " + e.getOriginalMessage());
    }
  }
}
