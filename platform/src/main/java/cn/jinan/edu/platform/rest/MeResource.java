package cn.jinan.edu.platform.rest;

import cn.jinan.edu.platform.problem.Problem;
import cn.jinan.edu.platform.security.Caller;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/me")
@Tag(name = "me", description = "调用者信息 Who am I: inspect your token")
public class MeResource {
  @Inject Caller caller;
  @Inject JsonWebToken jwt;

  @GET
  @Authenticated
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "当前调用者 Who am I",
      description =
          "Returns the subject, client, roles and scope claims (district_code, school_code) that"
              + " this service read from the bearer token. Use it to debug a token before calling"
              + " other operations.")
  @APIResponse(responseCode = "200", description = "The caller")
  @APIResponse(
      responseCode = "401",
      description = "Missing, expired or untrusted token",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public MeResponse me() {
    return new MeResponse(
        caller.subject(),
        caller.clientId(),
        jwt.getIssuer(),
        caller.roles(),
        caller.districtCode().orElse(null),
        caller.schoolCode().orElse(null),
        jwt.getExpirationTime() > 0 ? Instant.ofEpochSecond(jwt.getExpirationTime()) : null);
  }
}
