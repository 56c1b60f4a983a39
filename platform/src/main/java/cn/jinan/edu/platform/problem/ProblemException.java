package cn.jinan.edu.platform.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Thrown by service code to end a request with a specific problem. Services never build HTTP
 * responses themselves; the mapper turns this into problem+json.
 */
public class ProblemException extends RuntimeException {
  private final ProblemType type;
  private final int status;
  private final List<FieldError> errors;
  private final Map<String, Object> extensions;
  private final Map<String, String> headers;

  public ProblemException(ProblemType type, String detail) {
    this(type, type.status(), detail, List.of(), Map.of(), Map.of());
  }

  public ProblemException(
      ProblemType type,
      int status,
      String detail,
      List<FieldError> errors,
      Map<String, Object> extensions,
      Map<String, String> headers) {
    // No stack trace: this is an answer to the client, not a fault, and some are routine (a list
    // asks per row which actions the caller may take); capturing stacks cost a few percent of a
    // registration list's CPU.
    super(detail, null, false, false);
    this.type = type;
    this.status = status;
    this.errors = List.copyOf(errors);
    this.extensions = new LinkedHashMap<>(extensions);
    this.headers = Map.copyOf(headers);
  }

  public static ProblemException notFound(String what, Object id) {
    return new ProblemException(ProblemType.NOT_FOUND, what + " " + id + " does not exist");
  }

  public static ProblemException forbidden(String detail) {
    return new ProblemException(ProblemType.FORBIDDEN, detail);
  }

  public static ProblemException conflict(String detail) {
    return new ProblemException(ProblemType.CONFLICT, detail);
  }

  public static ProblemException conflict(String detail, Map<String, Object> extensions) {
    return new ProblemException(ProblemType.CONFLICT, 409, detail, List.of(), extensions, Map.of());
  }

  public static ProblemException illegalTransition(
      String detail, String currentState, List<String> allowed) {
    return new ProblemException(
        ProblemType.ILLEGAL_TRANSITION,
        409,
        detail,
        List.of(),
        Map.of("currentState", currentState, "allowedTransitions", List.copyOf(allowed)),
        Map.of());
  }

  public static ProblemException preconditionRequired(String header) {
    return new ProblemException(
        ProblemType.PRECONDITION_REQUIRED,
        header + " is required for this operation; send the ETag from the last GET");
  }

  public static ProblemException preconditionFailed(String detail) {
    return new ProblemException(ProblemType.PRECONDITION_FAILED, detail);
  }

  public static ProblemException unprocessable(String detail) {
    return new ProblemException(ProblemType.UNPROCESSABLE, detail);
  }

  /** A single invalid field, for checks that bean validation cannot express. */
  public static ProblemException invalid(String field, String message) {
    return invalid(List.of(new FieldError(field, message)));
  }

  public static ProblemException invalid(List<FieldError> errors) {
    String detail =
        errors.size() == 1
            ? errors.get(0).field() + ": " + errors.get(0).message()
            : errors.size() + " fields are invalid";
    return new ProblemException(ProblemType.VALIDATION, 400, detail, errors, Map.of(), Map.of());
  }

  public ProblemType type() {
    return type;
  }

  public int status() {
    return status;
  }

  public List<FieldError> errors() {
    return errors;
  }

  public Map<String, Object> extensions() {
    return extensions;
  }

  public Map<String, String> headers() {
    return headers;
  }
}
