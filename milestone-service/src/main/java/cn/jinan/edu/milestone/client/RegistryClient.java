package cn.jinan.edu.milestone.client;

import cn.jinan.edu.platform.peer.PeerHeaders;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** registry-service: filing statistics, city and per district. */
@RegisterRestClient(configKey = "registry")
@RegisterClientHeaders(PeerHeaders.class)
@Path("/api/v1/public")
@Produces(MediaType.APPLICATION_JSON)
public interface RegistryClient {

  @GET
  @Path("/statistics")
  FilingStatistics statistics(@QueryParam("asOf") String asOf);
}
