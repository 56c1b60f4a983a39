package cn.jinan.edu.platform.problem;

import cn.jinan.edu.platform.web.AllowedMethods;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every exception that reaches JAX-RS leaves as RFC 9457 problem+json. Declared for the exact
 * exception types the built-in mappers handle so that ours take precedence.
 */
public class ProblemMappers {
  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  @ServerExceptionMapper
  public Response problem(ProblemException e, HttpServerRequest request) {
    Problem problem =
        Problems.of(
            e.type(), e.status(), e.getMessage(), request.path(), e.errors(), e.extensions());
    Response.ResponseBuilder builder =
        Response.status(e.status()).type(Problem.MEDIA_TYPE).entity(problem);
    e.headers().forEach(builder::header);
    return builder.build();
  }

  @ServerExceptionMapper
  public Response webApplication(
      WebApplicationException e, HttpServerRequest request, UriInfo uriInfo) {
    if (e.getCause() instanceof JsonProcessingException json) {
      return json(json, request);
    }
    // A parameter converter's refusal (platform.web.StrictParams) arrives wrapped in the 404 or
    // 400 that JAX-RS prescribes for unconvertible parameters; it names the parameter.
    if (e.getCause() instanceof ProblemException named) {
      return problem(named, request);
    }
    int status = e.getResponse().getStatus();
    ProblemType type = ProblemType.forStatus(status);
    String detail =
        switch (status) {
          case 404 -> "No resource at " + request.method() + " " + request.path();
          case 405 -> "Method " + request.method() + " is not allowed on " + request.path();
          case 415 ->
              "Content type "
                  + request.getHeader(HttpHeaders.CONTENT_TYPE)
                  + " is not supported here; see the OpenAPI document for accepted types";
          case 406 -> "None of the media types in Accept can be produced here";
          case 400 -> "The request could not be read; check parameters and body against the API";
          default -> status >= 500 ? "The request could not be completed" : e.getMessage();
        };
    if (status >= 500) {
      LOG.error("Server error", e);
    }
    Response.ResponseBuilder builder =
        Response.status(status)
            .type(Problem.MEDIA_TYPE)
            .entity(Problems.of(type, status, detail, request.path(), List.of(), Map.of()));
    if (status == 405) {
      String allow = allow(e, uriInfo);
      if (allow != null) {
        builder.header(HttpHeaders.ALLOW, allow);
      }
    }
    return builder.build();
  }

  /**
   * RFC 9110 asks a 405 to list the allowed methods. Taken from the exception when it carries them;
   * RESTEasy Reactive's own 405 does not, so they come from the resource annotations.
   */
  private static String allow(WebApplicationException e, UriInfo uriInfo) {
    String given = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
    if (given != null && !given.isBlank()) {
      return given;
    }
    if (e instanceof NotAllowedException && !e.getResponse().getAllowedMethods().isEmpty()) {
      return String.join(", ", new TreeSet<>(e.getResponse().getAllowedMethods()));
    }
    List<String> methods = AllowedMethods.on(uriInfo.getPath());
    return methods.isEmpty() ? null : String.join(", ", methods);
  }

  @ServerExceptionMapper
  public Response violation(ConstraintViolationException e, HttpServerRequest request) {
    return violations(e, request);
  }

  @ServerExceptionMapper
  public Response quarkusViolation(
      ResteasyReactiveViolationException e, HttpServerRequest request) {
    return violations(e, request);
  }

  private Response violations(ConstraintViolationException e, HttpServerRequest request) {
    boolean returnValue =
        e.getConstraintViolations().stream()
            .anyMatch(v -> lastKind(v.getPropertyPath()) == ElementKind.RETURN_VALUE);
    if (returnValue) {
      // Our own response failed its constraints: a bug here, not the caller's fault.
      return internal(e, request);
    }
    List<FieldError> errors = new ArrayList<>();
    for (ConstraintViolation<?> v : e.getConstraintViolations()) {
      errors.add(new FieldError(fieldName(v.getPropertyPath()), v.getMessage()));
    }
    errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
    return Problems.response(
        ProblemType.VALIDATION,
        400,
        errors.size() == 1
            ? errors.get(0).field() + ": " + errors.get(0).message()
            : errors.size() + " fields are invalid",
        request.path(),
        errors);
  }

  /** "create.body.members[0].uscc" → "members[0].uscc"; "list.limit" → "limit". */
  static String fieldName(Path path) {
    List<Path.Node> nodes = new ArrayList<>();
    path.forEach(nodes::add);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < nodes.size(); i++) {
      Path.Node node = nodes.get(i);
      ElementKind kind = node.getKind();
      boolean last = i == nodes.size() - 1;
      if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR) {
        continue;
      }
      if ((kind == ElementKind.PARAMETER || kind == ElementKind.CROSS_PARAMETER) && !last) {
        continue; // the request body itself; its properties follow
      }
      if (kind == ElementKind.CONTAINER_ELEMENT && node.getName() != null) {
        continue;
      }
      if (node.isInIterable() && sb.length() > 0) {
        sb.append('[')
            .append(node.getIndex() != null ? node.getIndex() : node.getKey())
            .append(']');
      }
      if (node.getName() != null && kind != ElementKind.CONTAINER_ELEMENT) {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(node.getName());
      }
    }
    return sb.length() == 0 ? "body" : sb.toString();
  }

  private static ElementKind lastKind(Path path) {
    ElementKind kind = null;
    for (Iterator<Path.Node> it = path.iterator(); it.hasNext(); ) {
      kind = it.next().getKind();
    }
    return kind;
  }

  @ServerExceptionMapper({
    JsonProcessingException.class,
    JsonParseException.class,
    JsonMappingException.class,
    MismatchedInputException.class,
    InvalidFormatException.class,
    UnrecognizedPropertyException.class,
    ValueInstantiationException.class
  })
  public Response json(JsonProcessingException e, HttpServerRequest request) {
    // A mapping error with no field path (truncated body, array instead of object) is a malformed
    // body as a whole; one with a path names the offending field.
    if (e instanceof JsonMappingException mapping
        && !(e instanceof JsonParseException)
        && !mapping.getPath().isEmpty()
        && !truncated(e)) {
      String field = jsonPath(mapping.getPath());
      String message;
      if (e instanceof UnrecognizedPropertyException u) {
        message = "unknown field; known fields: " + u.getKnownPropertyIds();
      } else if (e instanceof InvalidFormatException f) {
        message = "cannot read " + quote(f.getValue()) + " as " + simpleType(f.getTargetType());
      } else if (e instanceof MismatchedInputException m) {
        message = "wrong type or shape, expected " + simpleType(m.getTargetType());
      } else if (e instanceof ValueInstantiationException v) {
        message = rootMessage(v);
      } else {
        message = "invalid value";
      }
      List<FieldError> errors = List.of(new FieldError(field, message));
      return Problems.response(
          ProblemType.VALIDATION, 400, field + ": " + message, request.path(), errors);
    }
    return Problems.response(
        ProblemType.MALFORMED_REQUEST,
        400,
        "The request body is not a well-formed JSON document of the expected shape: "
            + e.getOriginalMessage(),
        request.path(),
        List.of());
  }

  private static boolean truncated(JsonProcessingException e) {
    String m = e.getOriginalMessage();
    return m != null && m.contains("end-of-input");
  }

  private static String jsonPath(List<JsonMappingException.Reference> refs) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference ref : refs) {
      if (ref.getFieldName() != null) {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.length() == 0 ? "body" : sb.toString();
  }

  private static String quote(Object value) {
    return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
  }

  private static String simpleType(Class<?> type) {
    if (type == null) {
      return "a different type";
    }
    if (type.isEnum()) {
      List<String> names = new ArrayList<>();
      for (Object c : type.getEnumConstants()) {
        names.add(((Enum<?>) c).name());
      }
      return "one of " + names;
    }
    return type.getSimpleName();
  }

  private static String rootMessage(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? "invalid value" : root.getMessage();
  }

  @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
  public Response unauthenticated(RuntimeException e, HttpServerRequest request) {
    return Response.status(401)
        .type(Problem.MEDIA_TYPE)
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
        .entity(
            Problems.of(
                ProblemType.UNAUTHENTICATED,
                401,
                "A valid bearer access token is required (missing, expired, or not issued by the"
                    + " trusted issuer)",
                request.path(),
                List.of(),
                Map.of()))
        .build();
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e, HttpServerRequest request) {
    return Problems.response(
        ProblemType.FORBIDDEN,
        403,
        "The token's roles do not allow this operation",
        request.path(),
        List.of());
  }

  @ServerExceptionMapper
  public Response unexpected(Throwable e, HttpServerRequest request) {
    return DatabaseErrors.classify(e)
        .map(p -> problem(p, request))
        .orElseGet(() -> internal(e, request));
  }

  private Response internal(Throwable e, HttpServerRequest request) {
    LOG.error("Unexpected error", e);
    return Problems.response(
        ProblemType.INTERNAL,
        500,
        "An unexpected error occurred; quote the requestId when reporting it",
        request.path(),
        List.of());
  }
}
