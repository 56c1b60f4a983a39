package cn.jinan.edu.platform.openapi;

import cn.jinan.edu.platform.problem.Problem;
import java.util.ArrayList;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the error responses every operation can give, in one place, so that no operation's
 * contract forgets them: problem+json for 400, 401, 403, 404, 409, 412, 415, 428, 500, 503 as they
 * apply to its method, path and security.
 */
public class ProblemResponsesFilter implements OASFilter {
  private static final String REF = "#/components/schemas/Problem";

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
      return;
    }
    for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
      for (Map.Entry<PathItem.HttpMethod, Operation> op :
          path.getValue().getOperations().entrySet()) {
        add(path.getKey(), op.getKey(), op.getValue());
      }
    }
  }

  private static void add(String path, PathItem.HttpMethod method, Operation op) {
    APIResponses responses = op.getResponses();
    if (responses == null) {
      responses = OASFactory.createAPIResponses();
      op.setResponses(responses);
    }
    boolean writes =
        method == PathItem.HttpMethod.POST
            || method == PathItem.HttpMethod.PUT
            || method == PathItem.HttpMethod.PATCH
            || method == PathItem.HttpMethod.DELETE;
    if (op.getSecurity() == null) {
      // No requirement was added because the operation is @PermitAll: say "public" explicitly
      // (security: []) instead of leaving readers and linters to guess.
      op.setSecurity(new ArrayList<>());
    }
    boolean secured = !op.getSecurity().isEmpty();
    boolean versioned = method == PathItem.HttpMethod.PUT || path.contains("/transitions/");
    put(responses, "400", "输入无效 Invalid input: errors[] names each field");
    if (secured) {
      put(responses, "401", "未认证 Missing, expired or untrusted bearer token");
      put(responses, "403", "无权限 The token's role or district/school scope does not allow it");
    }
    if (path.contains("{")) {
      put(responses, "404", "不存在 No such resource");
    }
    if (writes) {
      put(responses, "409", "冲突 Conflicts with the current state or another record");
      if (op.getRequestBody() != null) {
        put(responses, "415", "媒体类型不支持 Unsupported Content-Type");
      }
    }
    if (versioned) {
      put(responses, "412", "版本不符 If-Match does not match the current ETag");
      put(responses, "428", "缺少 If-Match The If-Match header is required");
    }
    put(responses, "500", "内部错误 Unexpected error; quote the requestId");
    // Any other error response an operation declares itself (e.g. 422) has the same body.
    for (var e : responses.getAPIResponses().entrySet()) {
      if (e.getKey().startsWith("4") || e.getKey().startsWith("5")) {
        problemBody(e.getValue());
      }
    }
    put(responses, "503", "暂不可用 A dependency (e.g. the database) is unavailable; retry later");
  }

  private static void put(APIResponses responses, String code, String description) {
    if (!responses.hasAPIResponse(code)) {
      responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description));
    }
    // Responses declared elsewhere (annotations, Quarkus' automatic 401/403) get the body too.
    problemBody(responses.getAPIResponse(code));
  }

  private static void problemBody(APIResponse response) {
    if (response.getContent() == null
        || response.getContent().getMediaTypes() == null
        || response.getContent().getMediaTypes().isEmpty()) {
      response.content(
          OASFactory.createContent()
              .addMediaType(
                  Problem.MEDIA_TYPE,
                  OASFactory.createMediaType().schema(OASFactory.createSchema().ref(REF))));
    }
  }
}
