package cn.jinan.edu.milestone.client;

import cn.jinan.edu.platform.peer.PeerHeaders;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** quality-index-service: a target's evaluation at a date. */
@RegisterRestClient(configKey = "quality")
@RegisterClientHeaders(PeerHeaders.class)
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface QualityClient {

  @GET
  @Path("/targets/{code}/evaluation")
  TargetEvaluation evaluation(@PathParam("code") String code, @QueryParam("asOf") String asOf);
}
