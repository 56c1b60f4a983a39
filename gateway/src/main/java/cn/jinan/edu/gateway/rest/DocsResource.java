package cn.jinan.edu.gateway.rest;

import cn.jinan.edu.gateway.config.GatewayConfig;
import cn.jinan.edu.gateway.service.OpenApiAggregator;
import cn.jinan.edu.platform.problem.ProblemException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/openapi")
@Tag(
    name = "接口文档 API documents",
    description = "The services' OpenAPI documents, as served through the gateway")
@PermitAll
public class DocsResource {
  private final OpenApiAggregator aggregator;
  private final GatewayConfig config;

  DocsResource(OpenApiAggregator aggregator, GatewayConfig config) {
    this.aggregator = aggregator;
    this.config = config;
  }

  @Schema(description = "服务文档 A service behind the gateway and where its API document is")
  public record ServiceDocView(
      @Schema(description = "服务名 Service name", example = "registry") String service,
      @Schema(description = "网关路径前缀 Path prefix at the gateway", example = "/registry")
          String prefix,
      @Schema(
              description = "经网关的文档 Its document with servers pointing at the gateway",
              example = "/openapi/registry.json")
          String document) {}

  @GET
  @Path("/services")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "服务文档列表 Services and their API documents",
      description = "Every service behind the gateway with the URL of its OpenAPI document.")
  public List<ServiceDocView> services() {
    return aggregator.services().stream()
        .map(s -> new ServiceDocView(s.service(), s.prefix(), "/openapi/" + s.service() + ".json"))
        .toList();
  }

  @GET
  @Path("/merged.json")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "合并接口文档 Merged OpenAPI document",
      description =
          "One OpenAPI document for all services: paths carry the gateway prefixes"
              + " (/registry/api/v1/...), servers point at the gateway, component names are"
              + " prefixed with the service name. Fetched from the services at run time and cached"
              + " briefly.")
  @APIResponse(
      responseCode = "200",
      description = "OpenAPI 3 document",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema =
                  @Schema(
                      type = SchemaType.OBJECT,
                      description = "OpenAPI 3 文档 an OpenAPI 3 document")))
  public Uni<ObjectNode> merged(@Context UriInfo uri) {
    return aggregator.merged(serverUrl(uri));
  }

  @GET
  @Path("/{service}.json")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "单个服务文档 One service's OpenAPI document",
      description = "The service's own document with its server set to the gateway prefix.")
  @APIResponse(
      responseCode = "200",
      description = "OpenAPI 3 document",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema =
                  @Schema(
                      type = SchemaType.OBJECT,
                      description = "OpenAPI 3 文档 an OpenAPI 3 document")))
  public Uni<ObjectNode> single(@PathParam("service") String service, @Context UriInfo uri) {
    return aggregator
        .single(service, serverUrl(uri))
        .onItem()
        .ifNull()
        .failWith(() -> ProblemException.notFound("service", service));
  }

  private String serverUrl(UriInfo uri) {
    return config
        .publicUrl()
        .orElseGet(
            () -> {
              String base = uri.getBaseUri().toString();
              return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
            });
  }
}
