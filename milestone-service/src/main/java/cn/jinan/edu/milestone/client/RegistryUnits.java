package cn.jinan.edu.milestone.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.rest.client.reactive.ClientQueryParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * registry-service, the owner of units: every period of every unit. The list is public, so no token
 * is sent; timeouts are the registry client's (quarkus.rest-client.registry.*). No retry here: the
 * mirror asks again at its next scheduled refresh and keeps what it holds meanwhile.
 */
@RegisterRestClient(configKey = "registry")
@Path("/api/v1/units")
@Produces(MediaType.APPLICATION_JSON)
public interface RegistryUnits {

  @GET
  @ClientQueryParam(name = "all", value = "true")
  List<RegistryUnit> units();

  /** One period of a unit as registry-service publishes it (kind DISTRICT, COUNTY, …). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record RegistryUnit(
      String code, String nameZh, String kind, LocalDate validFrom, LocalDate validTo) {}
}
