package cn.jinan.edu.quality.rest;

import cn.jinan.edu.platform.data.imports.ImportMode;
import cn.jinan.edu.platform.data.imports.ImportRow;
import cn.jinan.edu.platform.data.imports.ImportSummary;
import cn.jinan.edu.platform.paging.Page;
import cn.jinan.edu.platform.paging.PageParams;
import cn.jinan.edu.platform.problem.ProblemException;
import cn.jinan.edu.platform.security.Caller;
import cn.jinan.edu.platform.security.Roles;
import cn.jinan.edu.quality.api.Views;
import cn.jinan.edu.quality.service.DataImport;
import cn.jinan.edu.quality.service.DataQueries;
import cn.jinan.edu.quality.service.DataWrites;
import cn.jinan.edu.quality.service.ValueInput;
import cn.jinan.edu.quality.service.ValueRows;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/values")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "values", description = "指标数据 Indicator values per district or school and period")
public class DataResource {
  static final String TEXT_CSV = "text/csv";
  private static final String CSV_EXAMPLE =
      "indicator,districtCode,schoolUscc,period,value,source,comment,approvalState,updatedBy,"
          + "updatedAt\nPRESCHOOL_PUBLIC_SHARE,370102,,2026,52.5,区县报送,,APPROVED,reviewer-370102,"
          + "2026-03-01T10:00:00+08:00\n";

  // The JSON search and the CSV export share GET /values, so OpenAPI shows them as one operation:
  // both methods carry the same summary and description, the search contributes the JSON body
  // (from its return type) and the export the CSV body. The export's lower qs keeps JSON the
  // answer to clients that accept anything.
  private static final String VALUES_SUMMARY =
      "查询或导出指标数据 Search values (JSON) or export them (CSV)";
  private static final String VALUES_DESCRIPTION =
      "Values in a stable order; filters indicator, district, school and period. A"
          + " district-reviewer sees only its own district. application/json (the default): one"
          + " page of DataValue with keyset paging (after, limit). Accept: text/csv: the same"
          + " query, every matching row (after and limit are ignored), as CSV with header"
          + " indicator,districtCode,schoolUscc,period,value,source,comment,approvalState,"
          + "updatedBy,updatedAt, sent as attachment values.csv.";

  @Inject DataQueries queries;
  @Inject DataWrites writes;
  @Inject DataImport imports;
  @Inject Caller caller;
  @Inject ObjectMapper json;

  @GET
  @RolesAllowed({Roles.CITY_ADMIN, Roles.DATA_REPORTER, Roles.AUDITOR, Roles.DISTRICT_REVIEWER})
  @Operation(summary = VALUES_SUMMARY, description = VALUES_DESCRIPTION)
  public Page<Views.DataValueView> search(
      @Parameter(description = "指标代码", example = "PRESCHOOL_GROSS_ENROLMENT_RATE")
          @QueryParam("indicator")
          String indicator,
      @Parameter(description = "区县", example = "370102") @QueryParam("district") String district,
      @Parameter(description = "学校USCC", example = "12370102MB0000017P") @QueryParam("school")
          String school,
      @Parameter(description = "统计年度", example = "2026") @QueryParam("period") Integer period,
      @BeanParam PageParams page) {
    return queries.search(
        caller,
        new DataQueries.Filter(indicator, district, school, period),
        page.afterId(),
        page.limit());
  }

  @GET
  @Produces(TEXT_CSV + ";qs=0.5")
  @RolesAllowed({Roles.CITY_ADMIN, Roles.DATA_REPORTER, Roles.AUDITOR, Roles.DISTRICT_REVIEWER})
  @Operation(summary = VALUES_SUMMARY, description = VALUES_DESCRIPTION)
  @APIResponse(
      responseCode = "200",
      description = "A page of values (JSON) or every matching value (CSV)",
      content =
          @Content(
              mediaType = TEXT_CSV,
              schema = @Schema(implementation = String.class, example = CSV_EXAMPLE)))
  public Response export(
      @Parameter(description = "指标代码", example = "PRESCHOOL_GROSS_ENROLMENT_RATE")
          @QueryParam("indicator")
          String indicator,
      @Parameter(description = "区县", example = "370102") @QueryParam("district") String district,
      @Parameter(description = "学校USCC", example = "12370102MB0000017P") @QueryParam("school")
          String school,
      @Parameter(description = "统计年度", example = "2026") @QueryParam("period") Integer period) {
    return Response.ok(
            queries.exportCsv(caller, new DataQueries.Filter(indicator, district, school, period)))
        .header("Content-Disposition", "attachment; filename=\"values.csv\"")
        .build();
  }

  @GET
  @Path("/{indicator}/{subject}/{period}")
  @RolesAllowed({Roles.CITY_ADMIN, Roles.DATA_REPORTER, Roles.AUDITOR, Roles.DISTRICT_REVIEWER})
  @Operation(
      summary = "指标数据详情 Get one value",
      description =
          "One value by indicator code, subject (district code or school USCC) and period, with"
              + " its ETag.")
  @APIResponse(
      responseCode = "200",
      description = "The value; ETag header = version",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Views.DataValueView.class)))
  public Response get(
      @Parameter(description = "指标代码", example = "PRESCHOOL_GROSS_ENROLMENT_RATE")
          @PathParam("indicator")
          String indicator,
      @Parameter(description = "区县代码或学校USCC", example = "370102") @PathParam("subject")
          String subject,
      @Parameter(description = "统计年度", example = "2026") @PathParam("period") int period) {
    Views.DataValueView v = queries.get(caller, indicator, subject, period);
    return Response.ok(v).tag(Integer.toString(v.version())).build();
  }

  @PUT
  @Path("/{indicator}/{subject}/{period}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.CITY_ADMIN, Roles.DATA_REPORTER, Roles.DISTRICT_REVIEWER})
  @Operation(
      summary = "填报指标数据 Create or replace one value",
      description =
          "Creates the value (201) or replaces it (200; If-Match with the ETag of the last GET is"
              + " then required). A district-reviewer writes only its own district and its"
              + " schools (403 otherwise); data-reporter and city-admin write any. A school value"
              + " needs the school's USCC as subject and its districtCode in the body. A period"
              + " that is SUBMITTED or APPROVED (locked) refuses changes with 409 until the city"
              + " returns or unlocks it. Every change is audited with old and new value.")
  @APIResponse(
      responseCode = "200",
      description = "Replaced; ETag header = new version",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Views.DataValueView.class)))
  @APIResponse(
      responseCode = "201",
      description = "Created; ETag header = version",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Views.DataValueView.class)))
  public Response put(
      @Parameter(description = "指标代码", example = "PRESCHOOL_GROSS_ENROLMENT_RATE")
          @PathParam("indicator")
          String indicator,
      @Parameter(description = "区县代码或学校USCC", example = "370102") @PathParam("subject")
          String subject,
      @Parameter(description = "统计年度", example = "2026") @PathParam("period") int period,
      @Parameter(description = "ETag from the last GET (updates only)", example = "\"0\"")
          @HeaderParam("If-Match")
          String ifMatch,
      @Valid @NotNull Requests.ValueRequest body) {
    boolean school = subject.length() == 18;
    String district = school ? body.districtCode() : subject;
    if (!school && body.districtCode() != null && !body.districtCode().equals(subject)) {
      throw ProblemException.invalid(
          "districtCode", "区县层级数据的区县须与路径一致 (must match the district in the path)");
    }
    DataWrites.Written w =
        writes.put(
            caller,
            new ValueInput(
                indicator,
                district,
                school ? subject : null,
                period,
                body.value(),
                body.source(),
                body.comment()),
            ifMatch);
    return Response.status(w.created() ? 201 : 200)
        .entity(w.value())
        .tag(Integer.toString(w.value().version()))
        .build();
  }

  @POST
  @Path("/import")
  @Consumes({TEXT_CSV, MediaType.APPLICATION_JSON})
  @RolesAllowed({Roles.CITY_ADMIN, Roles.DATA_REPORTER, Roles.DISTRICT_REVIEWER})
  @Operation(
      summary = "批量导入指标数据 Import values (CSV or JSON)",
      description =
          "CSV with header indicator,districtCode,schoolUscc,period,value,source,comment (yes/no"
              + " values as 1/0, true/false or 是/否), or a JSON array of ValueImportRow;"
              + " identifiers by code. Every row is checked first; the ImportSummary counts created,"
              + " updated, ignored (identical) and rejected rows and lists conflicts with row,"
              + " field, code (INVALID, UNKNOWN_INDICATOR, UNKNOWN_UNIT, FORBIDDEN, LOCKED,"
              + " DUPLICATE) and reason. dryRun=true writes nothing. All-or-nothing by default: any conflict →"
              + " 422 with the summary and nothing written; partial=true writes the valid rows.")
  @APIResponse(responseCode = "200", description = "Import summary")
  @APIResponse(responseCode = "422", description = "Rows refused; nothing written (summary inside)")
  public ImportSummary importValues(
      @Parameter(description = "试运行 only report", example = "true")
          @QueryParam("dryRun")
          @DefaultValue("false")
          boolean dryRun,
      @Parameter(
              description = "部分导入 write the valid rows even if others are refused",
              example = "false")
          @QueryParam("partial")
          @DefaultValue("false")
          boolean partial,
      @HeaderParam("Content-Type") String contentType,
      String body) {
    List<ImportRow<ValueInput>> rows =
        contentType != null && contentType.startsWith(TEXT_CSV)
            ? ValueRows.ofCsv(body)
            : ValueRows.of(parseJson(body));
    return imports.run(caller, rows, new ImportMode(dryRun, partial));
  }

  private List<ValueInput> parseJson(String body) {
    try {
      List<Requests.ValueImportRow> rows =
          json.readValue(
              body == null || body.isBlank() ? "[]" : body,
              new TypeReference<List<Requests.ValueImportRow>>() {});
      return rows.stream().map(Requests.ValueImportRow::toInput).toList();
    } catch (JsonProcessingException e) {
      throw ProblemException.invalid(
          "body", "expected a JSON array of values: " + e.getOriginalMessage());
    }
  }
}
