package cn.jinan.edu.platform.web;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;

/** Test-only endpoint with parameters of every strictly converted type. */
@Path("/probe/params")
@Produces(MediaType.TEXT_PLAIN)
public class ParamsProbeResource {
  public enum Level {
    DISTRICT,
    SCHOOL
  }

  @GET
  @PermitAll
  @Path("/{id}")
  public String flags(
      @PathParam("id") long id,
      @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
      @QueryParam("history") Boolean history,
      @QueryParam("limit") @DefaultValue("50") int limit,
      @QueryParam("asOf") LocalDate asOf,
      @QueryParam("level") Level level) {
    return id + "," + dryRun + "," + history + "," + limit + "," + asOf + "," + level;
  }
}
