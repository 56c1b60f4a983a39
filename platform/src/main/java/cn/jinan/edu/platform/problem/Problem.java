package cn.jinan.edu.platform.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * RFC 9457 problem details, the body of every error response of every service. Extension members
 * (e.g. {@code allowedTransitions}) are serialised at the top level as the RFC asks.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "requestId", "errors"})
@Schema(
    name = "Problem",
    description = "错误响应 RFC 9457 problem details (application/problem+json)",
    extensions = @Extension(name = "x-jinan-shared", value = "true", parseValue = true))
public final class Problem {
  public static final String MEDIA_TYPE = "application/problem+json";

  @Schema(description = "问题类型 Problem type URI", example = "urn:jinan-edu:problem:validation")
  public final String type;

  @Schema(description = "标题 Short summary", example = "Validation failed")
  public final String title;

  @Schema(description = "HTTP 状态码 HTTP status", example = "400")
  public final int status;

  @Schema(description = "详情 Human-readable explanation", example = "1 field is invalid")
  public final String detail;

  @Schema(description = "出错的请求路径 Request path", example = "/api/v1/schools")
  public final String instance;

  @Schema(
      description = "请求编号 Request id, also in the X-Request-Id header",
      example = "c0a8012e-5f1b-4c1e-9a0b-1f2e3d4c5b6a")
  public final String requestId;

  @Schema(description = "字段错误 Invalid fields (validation failures only)")
  public final List<FieldError> errors;

  @Schema(hidden = true)
  private final Map<String, Object> extensions;

  public Problem(
      String type,
      String title,
      int status,
      String detail,
      String instance,
      String requestId,
      List<FieldError> errors,
      Map<String, Object> extensions) {
    this.type = type;
    this.title = title;
    this.status = status;
    this.detail = detail;
    this.instance = instance;
    this.requestId = requestId;
    this.errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
    this.extensions = extensions == null ? Map.of() : new LinkedHashMap<>(extensions);
  }

  /** Extension members, written at the top level (e.g. allowedTransitions). */
  @JsonAnyGetter
  @Schema(hidden = true)
  public Map<String, Object> extensions() {
    return extensions;
  }
}
