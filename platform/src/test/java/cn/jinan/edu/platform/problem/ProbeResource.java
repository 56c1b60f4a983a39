package cn.jinan.edu.platform.problem;

import cn.jinan.edu.platform.security.Caller;
import cn.jinan.edu.platform.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.util.List;

/** Test-only endpoints that fail in each way the error format must cover. */
@Path("/probe")
@Produces(MediaType.APPLICATION_JSON)
public class ProbeResource {
  @Inject Caller caller;

  public enum Mode {
    GROUP,
    COOPERATION
  }

  public record Member(@NotBlank @Pattern(regexp = "[0-9A-Z]{18}") String uscc) {}

  public record Payload(
      @NotBlank @Size(max = 10) String name,
      Mode mode,
      int count,
      @NotEmpty List<@Valid Member> members) {}

  @POST
  @PermitAll
  @Consumes(MediaType.APPLICATION_JSON)
  public Payload echo(@Valid Payload payload) {
    return payload;
  }

  @GET
  @PermitAll
  @Path("/list")
  public List<String> list(@QueryParam("limit") @Max(200) int limit) {
    return List.of();
  }

  @GET
  @PermitAll
  @Path("/fail/{kind}")
  public String fail(@PathParam("kind") String kind) throws SQLException {
    switch (kind) {
      case "conflict" -> throw ProblemException.conflict("already filed");
      case "transition" ->
          throw ProblemException.illegalTransition(
              "cannot file a DRAFT", "DRAFT", List.of("submit", "withdraw"));
      case "precondition-failed" -> throw ProblemException.preconditionFailed("ETag mismatch");
      case "precondition-required" -> throw ProblemException.preconditionRequired("If-Match");
      case "unprocessable" -> throw ProblemException.unprocessable("same key, different body");
      case "unique" ->
          throw new IllegalStateException("wrapped", new SQLException("duplicate key", "23505"));
      case "connection" -> throw new SQLException("connection refused", "08001");
      case "not-found" -> throw ProblemException.notFound("Registration", 42);
      default -> throw new IllegalStateException("secret internal detail");
    }
  }

  @GET
  @Path("/city")
  @RolesAllowed(Roles.CITY_ADMIN)
  public String cityOnly() {
    return "ok";
  }

  @GET
  @Path("/district/{code}")
  @RolesAllowed({Roles.DISTRICT_REVIEWER, Roles.CITY_ADMIN})
  public String district(@PathParam("code") String code) {
    return caller.requireDistrict(code, Roles.CITY_ADMIN, Roles.DISTRICT_REVIEWER);
  }
}
