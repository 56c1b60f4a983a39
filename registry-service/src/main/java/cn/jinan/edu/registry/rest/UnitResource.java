package cn.jinan.edu.registry.rest;

import cn.jinan.edu.platform.problem.ProblemException;
import cn.jinan.edu.platform.security.Caller;
import cn.jinan.edu.platform.security.Roles;
import cn.jinan.edu.registry.api.Views;
import cn.jinan.edu.registry.config.RegistryConfig;
import cn.jinan.edu.registry.service.UnitService;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/units")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "units", description = "区县 Units: the 12 districts (GB/T 2260) and functional zones")
public class UnitResource {
  @Inject UnitService units;
  @Inject Caller caller;
  @Inject RegistryConfig config;

  @GET
  @PermitAll
  @SecurityRequirements
  @Operation(
      summary = "区县列表 Units in scope",
      description =
          "The units in scope on a date (default today, Asia/Shanghai), by code. With all=true:"
              + " every period of every unit, past and future, by code and start date — what"
              + " other services mirror (registry-service is the only editable owner of units).")
  public List<Views.UnitView> list(
      @Parameter(description = "日期 as of", example = "2026-01-01") @QueryParam("asOf")
          LocalDate asOf,
      @Parameter(description = "全部时期 every period of every unit", example = "false")
          @QueryParam("all")
          @DefaultValue("false")
          boolean all) {
    if (all) {
      if (asOf != null) {
        throw ProblemException.invalid("asOf", "asOf and all=true exclude each other");
      }
      return units.all();
    }
    return units.inScope(asOf == null ? LocalDate.now(config.zone()) : asOf);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.CITY_ADMIN)
  @Operation(
      summary = "新增单位 Add a unit",
      description = "city-admin adds a unit, e.g. a functional zone that becomes an assessed unit.")
  @APIResponse(responseCode = "201", description = "Added")
  public Response add(@Valid @NotNull Requests.UnitRequest body) {
    Views.UnitView u =
        units.add(
            caller, body.code(), body.nameZh(), body.kind(), body.validFrom(), body.validTo());
    return Response.status(201).entity(u).build();
  }
}
