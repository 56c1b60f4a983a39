package cn.jinan.edu.quality.rest;

import cn.jinan.edu.platform.problem.ProblemException;
import cn.jinan.edu.platform.security.Caller;
import cn.jinan.edu.platform.security.Roles;
import cn.jinan.edu.quality.api.Views;
import cn.jinan.edu.quality.service.AssessmentImport;
import cn.jinan.edu.quality.service.InclusiveAverages;
import cn.jinan.edu.quality.service.ValueAddedService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class AssessmentResource {
  @Inject AssessmentImport imports;
  @Inject ValueAddedService valueAdded;
  @Inject InclusiveAverages inclusive;
  @Inject Caller caller;

  @POST
  @Path("/assessments/import")
  @Consumes("text/csv")
  @RolesAllowed({Roles.CITY_ADMIN, Roles.DATA_REPORTER})
  @Tag(
      name = "assessments",
      description = "测评数据 Pseudonymous assessment records (value added, inclusive averages)")
  @Operation(
      summary = "导入测评数据 Import assessment records (streaming CSV)",
      description =
          "CSV with header studentKey,schoolUscc,districtCode,grade,subject,year,priorScore,"
              + "currentScore,specialNeeds,classId (priorScore, specialNeeds and classId optional)."
              + " studentKey is a hash made by the caller: an 18-character national ID number or"
              + " any CJK characters (a name) are refused. The body is streamed into PostgreSQL"
              + " (COPY), never held in memory. The answer is the suite's ImportSummary (created = records"
              + " stored, rejected = records refused, the first 100 conflicts with row, field, code"
              + " INVALID and reason) with the batch, its years and the recompute runs."
              + " All-or-nothing: any refused record → 422 with the summary and nothing stored. dryRun=true only"
              + " checks. replaceYears=true drops earlier records of the years in the file."
              + " recompute=true (default) recomputes value added for those years afterwards.")
  @RequestBody(
      content =
          @Content(
              mediaType = "text/csv",
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      example =
                          "studentKey,schoolUscc,districtCode,grade,subject,year,priorScore,currentScore,specialNeeds,classId\n9f86d081884c7d65,12370102MB0000017P,370102,9,数学,2026,71.5,80,false,3班")))
  public Views.AssessmentImportView importRecords(
      @Parameter(description = "试运行 only check", example = "false")
          @QueryParam("dryRun")
          @DefaultValue("false")
          boolean dryRun,
      @Parameter(
              description = "替换同年度旧记录 replace earlier records of the same years",
              example = "true")
          @QueryParam("replaceYears")
          @DefaultValue("false")
          boolean replaceYears,
      @Parameter(description = "导入后重算增值 recompute value added afterwards", example = "true")
          @QueryParam("recompute")
          @DefaultValue("true")
          boolean recompute,
      InputStream body) {
    AssessmentImport.Imported imported = imports.run(caller, body, dryRun, replaceYears);
    List<Views.RecomputeView> runs = new ArrayList<>();
    if (imported.summary().committed() && recompute) {
      for (int year : imported.years()) {
        runs.add(valueAdded.recompute(year));
      }
    }
    return new Views.AssessmentImportView(
        imported.summary(), imported.batchId(), imported.years(), runs);
  }

  @POST
  @Path("/value-added/recompute")
  @RolesAllowed({Roles.CITY_ADMIN, Roles.DATA_REPORTER})
  @Tag(name = "value-added", description = "增值性评价 Value-added evaluation (measure 七)")
  @Operation(
      summary = "重算增值 Recompute value added for a year",
      description =
          "One pass over the year's records with a prior score: per grade and subject a city-wide"
              + " line current = a + b·prior, a school's value added is its students' mean residual"
              + " (with standard error); schools under the minimum of students are suppressed."
              + " Groups come from registry-service's public registrations (timeout and fallback:"
              + " the last list read, else none); a group's figure is the enrolment-weighted mean"
              + " of its published school figures, beside the lead school's own. Results replace"
              + " the year's stored ones.")
  public Views.RecomputeView recompute(
      @Parameter(description = "年度", example = "2026", required = true) @QueryParam("year")
          Integer year) {
    if (year == null || year < 2000 || year > 2100) {
      throw ProblemException.invalid("year", "a year between 2000 and 2100");
    }
    return valueAdded.recompute(year);
  }

  @GET
  @Path("/value-added/schools")
  @RolesAllowed({Roles.CITY_ADMIN, Roles.DATA_REPORTER, Roles.AUDITOR, Roles.DISTRICT_REVIEWER})
  @Tag(name = "value-added")
  @Operation(
      summary = "学校增值 School value added",
      description =
          "Stored results of the last recompute; SUPPRESSED schools (fewer students than the"
              + " minimum, default 10) carry no figure. A district-reviewer sees its own district.")
  public List<Views.SchoolValueAddedView> schools(
      @Parameter(description = "年度", example = "2026", required = true) @QueryParam("year")
          int year,
      @Parameter(description = "年级", example = "9") @QueryParam("grade") String grade,
      @Parameter(description = "科目", example = "数学") @QueryParam("subject") String subject,
      @Parameter(description = "区县", example = "370102") @QueryParam("district") String district) {
    return valueAdded.schools(caller, year, grade, subject, district);
  }

  @GET
  @Path("/value-added/groups")
  @RolesAllowed({Roles.CITY_ADMIN, Roles.DATA_REPORTER, Roles.AUDITOR})
  @Tag(name = "value-added")
  @Operation(
      summary = "集团增值 Group value added beside the lead school's",
      description =
          "Per group (教育集团/合作办学) in force, grade and subject: the enrolment-weighted mean of"
              + " its schools' published figures and the lead school's own figure, with the schools"
              + " counted and those without a figure.")
  public List<Views.GroupValueAddedView> groups(
      @Parameter(description = "年度", example = "2026", required = true) @QueryParam("year")
          int year,
      @Parameter(description = "年级", example = "9") @QueryParam("grade") String grade,
      @Parameter(description = "科目", example = "数学") @QueryParam("subject") String subject) {
    return valueAdded.groups(year, grade, subject);
  }

  @GET
  @Path("/inclusive-averages")
  @RolesAllowed({Roles.CITY_ADMIN, Roles.DATA_REPORTER, Roles.AUDITOR, Roles.DISTRICT_REVIEWER})
  @Tag(name = "inclusive-averages", description = "随班就读均分 Inclusive-class averages (measure 十三)")
  @Operation(
      summary = "随班就读均分 Plan and conventional averages",
      description =
          "Class, school, district and city averages of one year and subject (optionally grade):"
              + " the plan's rule (special-needs students' scores in the numerator, not the"
              + " denominator) beside the conventional average, with the counts. Classes and"
              + " schools with fewer students than the minimum (default 10) are not published.")
  public Views.InclusiveReportView inclusive(
      @Parameter(description = "年度", example = "2026", required = true) @QueryParam("year")
          int year,
      @Parameter(description = "科目", example = "数学", required = true) @QueryParam("subject")
          String subject,
      @Parameter(description = "年级", example = "9") @QueryParam("grade") String grade,
      @Parameter(description = "区县", example = "370102") @QueryParam("district") String district) {
    if (subject == null || subject.isBlank()) {
      throw ProblemException.invalid("subject", "科目必填 (subject is required)");
    }
    return inclusive.report(caller, year, subject, grade, district);
  }
}
