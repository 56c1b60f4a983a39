package cn.jinan.edu.quality.client;

import cn.jinan.edu.platform.peer.PeerHeaders;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * registry-service's public API as this service reads it; the records hold the fields used here,
 * the contract allows more. Called through {@link RegistryClient} only.
 */
@RegisterRestClient(configKey = "registry")
@RegisterClientHeaders(PeerHeaders.class)
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface RegistryApi {

  @GET
  @Path("/public/statistics")
  StatisticsBody statistics(@QueryParam("asOf") String asOf);

  /** One page of the cooperations in force; {@code after} is null on the first page. */
  @GET
  @Path("/public/registrations")
  RegistrationsPage registrations(
      @QueryParam("limit") int limit, @QueryParam("after") String after);

  @GET
  @Path("/units")
  List<UnitBody> units(@QueryParam("all") boolean all);

  @JsonIgnoreProperties(ignoreUnknown = true)
  record StatisticsBody(CityCounts city) {}

  /** City-wide counts; filed and expected are required, a body without them is a failure. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record CityCounts(Long filed, Long expected, Double shareFiled) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record RegistrationsPage(List<RegistrationItem> items, String nextCursor) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record RegistrationItem(
      String filingNumber,
      String name,
      String mode,
      SchoolRef leadSchool,
      List<SchoolRef> memberSchools) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record SchoolRef(String uscc, String districtCode) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record UnitBody(
      String code, String nameZh, String kind, LocalDate validFrom, LocalDate validTo) {}
}
