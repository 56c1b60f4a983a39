package cn.jinan.edu.gateway;

import cn.jinan.edu.platform.testing.PackagedService;
import cn.jinan.edu.platform.testing.ProdProfileContract;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.Map;

class ProdProfileIT extends ProdProfileContract {
  @Override
  protected Map<String, String> environment() {
    return Map.of();
  }

  /** The gateway serves Swagger UI on its public port, on purpose. */
  @Override
  protected HttpResponse<String> swaggerUi(PackagedService service, HttpClient client)
      throws Exception {
    return service.get(client, "/q/swagger-ui/");
  }
}
