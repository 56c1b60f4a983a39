package cn.jinan.edu.platform.problem;

import cn.jinan.edu.platform.web.RequestIds;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** Builds problem+json responses; the single place where the error format is put together. */
public final class Problems {
  private Problems() {}

  public static Problem of(
      ProblemType type,
      int status,
      String detail,
      String instance,
      List<FieldError> errors,
      Map<String, Object> extensions) {
    String title = type == ProblemType.HTTP_ERROR ? "HTTP " + status : type.title();
    return new Problem(
        type.uri(), title, status, detail, instance, RequestIds.current(), errors, extensions);
  }

  public static Response response(Problem problem) {
    return Response.status(problem.status).type(Problem.MEDIA_TYPE).entity(problem).build();
  }

  public static Response response(
      ProblemType type, int status, String detail, String instance, List<FieldError> errors) {
    return response(of(type, status, detail, instance, errors, Map.of()));
  }
}
