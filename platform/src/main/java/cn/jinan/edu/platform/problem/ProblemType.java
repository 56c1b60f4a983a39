package cn.jinan.edu.platform.problem;

/**
 * The catalogue of problem types. Integrators switch on {@link #uri()}; titles are for people.
 * Adding a type is not a breaking change; renaming one is.
 */
public enum ProblemType {
  VALIDATION(400, "Validation failed"),
  MALFORMED_REQUEST(400, "Malformed request"),
  UNAUTHENTICATED(401, "Authentication required"),
  FORBIDDEN(403, "Forbidden"),
  NOT_FOUND(404, "Not found"),
  METHOD_NOT_ALLOWED(405, "Method not allowed"),
  NOT_ACCEPTABLE(406, "Not acceptable"),
  CONFLICT(409, "Conflict"),
  ILLEGAL_TRANSITION(409, "Transition not allowed in the current state"),
  PRECONDITION_FAILED(412, "Precondition failed"),
  PAYLOAD_TOO_LARGE(413, "Payload too large"),
  UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
  UNPROCESSABLE(422, "Unprocessable request"),
  PRECONDITION_REQUIRED(428, "Precondition required"),
  TOO_MANY_REQUESTS(429, "Too many requests"),
  INTERNAL(500, "Internal error"),
  BAD_GATEWAY(502, "Bad gateway"),
  SERVICE_UNAVAILABLE(503, "Service unavailable"),
  GATEWAY_TIMEOUT(504, "Gateway timeout"),
  HTTP_ERROR(0, "HTTP error");

  private static final String PREFIX = "urn:jinan-edu:problem:";

  private final int status;
  private final String title;

  ProblemType(int status, String title) {
    this.status = status;
    this.title = title;
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  public String uri() {
    return PREFIX + name().toLowerCase().replace('_', '-');
  }

  /** The type a bare HTTP status maps to when nothing more specific is known. */
  public static ProblemType forStatus(int status) {
    for (ProblemType t : values()) {
      if (t.status == status && t != ILLEGAL_TRANSITION && t != VALIDATION) {
        return t;
      }
    }
    return HTTP_ERROR;
  }
}
