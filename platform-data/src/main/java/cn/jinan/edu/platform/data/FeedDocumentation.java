package cn.jinan.edu.platform.data;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;

/**
 * Adds each service's own event types and audited entity types to the shared {@link FeedResource}
 * operations, so one resource still documents what this service's feed carries.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class FeedDocumentation implements OASFilter {
  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getPaths() == null) {
      return;
    }
    append(openAPI.getPaths().getPathItem("/api/v1/events"), "platform.feed.event-types");
    append(openAPI.getPaths().getPathItem("/api/v1/audit"), "platform.feed.entity-types");
  }

  private static void append(PathItem item, String property) {
    Optional<String> text = ConfigProvider.getConfig().getOptionalValue(property, String.class);
    if (item == null || item.getGET() == null || text.isEmpty()) {
      return;
    }
    Operation get = item.getGET();
    get.setDescription(get.getDescription() + " " + text.get());
  }
}
