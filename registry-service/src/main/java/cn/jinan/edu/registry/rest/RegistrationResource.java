package cn.jinan.edu.registry.rest;

import cn.jinan.edu.platform.data.AuditView;
import cn.jinan.edu.platform.data.Idempotency;
import cn.jinan.edu.platform.paging.Page;
import cn.jinan.edu.platform.paging.PageParams;
import cn.jinan.edu.platform.problem.ProblemException;
import cn.jinan.edu.platform.security.Caller;
import cn.jinan.edu.platform.security.Roles;
import cn.jinan.edu.registry.api.Views;
import cn.jinan.edu.registry.domain.Action;
import cn.jinan.edu.registry.domain.CooperationMode;
import cn.jinan.edu.registry.domain.RegistrationState;
import cn.jinan.edu.registry.service.AmendmentWorkflow;
import cn.jinan.edu.registry.service.PublicRegistry;
import cn.jinan.edu.registry.service.RegistrationSearch;
import cn.jinan.edu.registry.service.RegistrationWorkflow;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/registrations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "registrations",
    description = "集团化办学、合作办学登记备案 Cooperation registration, approval and filing (measure 七)")
public class RegistrationResource {
  private static final String IDEMPOTENCY_KEY = "[A-Za-z0-9._:-]{1,128}";
  private static final Pattern IDEMPOTENCY_KEY_PATTERN = Pattern.compile(IDEMPOTENCY_KEY);

  @Inject RegistrationWorkflow registrations;
  @Inject RegistrationSearch search;
  @Inject AmendmentWorkflow amendments;
  @Inject PublicRegistry publicRegistry;
  @Inject Caller caller;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.SCHOOL_APPLICANT)
  @Operation(
      summary = "起草登记 Draft a registration",
      description =
          "The lead school's school-applicant drafts a registration (state DRAFT). Send an"
              + " Idempotency-Key to retry safely: the same key and body return the original"
              + " response; the same key with another body → 422. Keys are kept for 48 h and"
              + " belong to the caller (token subject within its client), so other users' keys"
              + " never match; the permission check runs before any replay.")
  @APIResponse(
      responseCode = "201",
      description = "Created; ETag and Location set",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Views.RegistrationView.class)))
  @APIResponse(responseCode = "422", description = "Idempotency-Key reused with a different body")
  public Response create(
      @Parameter(
              description = "幂等键 Idempotency-Key (1–128 characters)",
              example = "a1b2c3d4",
              schema = @Schema(type = SchemaType.STRING, pattern = IDEMPOTENCY_KEY))
          @HeaderParam("Idempotency-Key")
          String idempotencyKey,
      @Valid @NotNull Requests.RegistrationRequest body) {
    // Checked here rather than with @Pattern so that the error names the header, not the Java
    // parameter.
    if (idempotencyKey != null && !IDEMPOTENCY_KEY_PATTERN.matcher(idempotencyKey).matches()) {
      throw ProblemException.invalid("Idempotency-Key", "1–128 letters, digits or ._:-");
    }
    Idempotency.Created<Views.RegistrationView> created =
        registrations.create(caller, body.toContent(), idempotencyKey);
    return created.response("/api/v1/registrations");
  }

  @GET
  @Authenticated
  @Operation(
      summary = "查询登记 List registrations",
      description =
          "Registrations the caller may see: all for city-admin, auditor and data-reporter; those"
              + " involving its district for a district-reviewer; those its school takes part in"
              + " for a school-applicant. A district or school filter outside the caller's"
              + " scope → 403 naming the parameter. Keyset paging in id order.")
  public Page<Views.RegistrationView> list(
      @Parameter(description = "涉及区县 involved district", example = "370102") @QueryParam("district")
          String district,
      @Parameter(description = "状态 state") @QueryParam("state") RegistrationState state,
      @Parameter(description = "合作模式 mode") @QueryParam("mode") CooperationMode mode,
      @Parameter(description = "参与学校 USCC of a party", example = "12370102MB0000017P")
          @QueryParam("school")
          String school,
      @Parameter(description = "合作期限与此日期之后重叠 term ends on or after", example = "2025-09-01")
          @QueryParam("termFrom")
          LocalDate termFrom,
      @Parameter(description = "合作期限与此日期之前重叠 term starts on or before", example = "2026-08-31")
          @QueryParam("termTo")
          LocalDate termTo,
      @Parameter(description = "名称或备案编号 name fragment or filing number") @QueryParam("q")
          String text,
      @BeanParam PageParams page) {
    return search.list(
        caller,
        new RegistrationSearch.Filter(district, state, mode, school, termFrom, termTo, text),
        page.afterId(),
        page.limit());
  }

  @GET
  @Path("/{id}")
  @Authenticated
  @Operation(
      summary = "登记详情 Get a registration",
      description =
          "One registration with its ETag and the actions this caller may take now"
              + " (allowedActions). Contact data is omitted for data-reporter.")
  public Response get(@PathParam("id") long id) {
    Views.RegistrationView v =
        search.get(caller, id).orElseThrow(() -> ProblemException.notFound("Registration", id));
    return Response.ok(v).tag(Integer.toString(v.version())).build();
  }

  @PUT
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.SCHOOL_APPLICANT)
  @Operation(
      summary = "修改草稿 Edit a draft or returned registration",
      description = "Only the lead school, only in DRAFT or RETURNED, with If-Match.")
  public Response update(
      @PathParam("id") long id,
      @HeaderParam("If-Match") String ifMatch,
      @Valid @NotNull Requests.RegistrationRequest body) {
    Views.RegistrationView v = registrations.update(caller, id, ifMatch, body.toContent());
    return Response.ok(v).tag(Integer.toString(v.version())).build();
  }

  @POST
  @Path("/{id}/transitions/{action}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Authenticated
  @Operation(
      summary =
          "流转 Take an action: submit, withdraw, approve, return, reject, file, revoke, terminate",
      description =
          "submit / withdraw / terminate: the lead school's school-applicant. approve / return /"
              + " reject: a district-reviewer of an involved district (a cross-district"
              + " registration needs every involved district's approval before DISTRICT_APPROVED)."
              + " file / revoke: city-admin; filing issues the filing number (济教集备〔YYYY〕NNNN号)."
              + " return, reject, revoke and terminate need a comment. Requires If-Match. An"
              + " action the state does not allow → 409 listing the allowed ones.")
  public Response transition(
      @Parameter(
              description = "操作 action",
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {
                        "submit",
                        "withdraw",
                        "approve",
                        "return",
                        "reject",
                        "file",
                        "revoke",
                        "terminate"
                      }))
          @PathParam("action")
          String action,
      @PathParam("id") long id,
      @HeaderParam("If-Match") String ifMatch,
      @Valid Requests.TransitionRequest body) {
    Views.RegistrationView v =
        registrations.transition(
            caller, id, parse(action), ifMatch, body == null ? null : body.comment());
    return Response.ok(v).tag(Integer.toString(v.version())).build();
  }

  static Action parse(String action) {
    return Action.fromPath(action)
        .filter(a -> a.actor != Action.Actor.SYSTEM)
        .orElseThrow(
            () ->
                ProblemException.invalid(
                    "action",
                    "unknown action '"
                        + action
                        + "'; one of submit, withdraw, approve, return, reject, file, revoke,"
                        + " terminate"));
  }

  @GET
  @Path("/{id}/audit")
  @Authenticated
  @Operation(
      summary = "审计记录 Audit trail of a registration",
      description =
          "Every create, change and transition of this registration and its amendments: actor,"
              + " role, scope, time, from/to state, comment, request id and changed fields.")
  public Page<AuditView> audit(@PathParam("id") long id, @BeanParam PageParams page) {
    return search.auditTrail(caller, id, page.afterId(), page.limit());
  }

  @POST
  @Path("/{id}/amendments")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.SCHOOL_APPLICANT)
  @Operation(
      summary = "申请变更 Propose an amendment",
      description =
          "The lead school proposes new content for a FILED or ACTIVE registration. The filed"
              + " version stays valid until the amendment itself is approved and filed.")
  @APIResponse(responseCode = "201", description = "Amendment drafted")
  public Response amend(
      @PathParam("id") long id, @Valid @NotNull Requests.RegistrationRequest body) {
    Views.AmendmentView a = amendments.amend(caller, id, body.toContent());
    return Response.created(URI.create("/api/v1/registrations/" + id + "/amendments/" + a.id()))
        .entity(a)
        .tag(Integer.toString(a.version()))
        .build();
  }

  @GET
  @Path("/{id}/amendments")
  @Authenticated
  @Operation(summary = "变更列表 Amendments of a registration", description = "Oldest first.")
  public List<Views.AmendmentView> amendments(@PathParam("id") long id) {
    return amendments.amendments(caller, id);
  }

  @PUT
  @Path("/{id}/amendments/{amendmentId}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.SCHOOL_APPLICANT)
  @Operation(
      summary = "修改变更 Edit a draft or returned amendment",
      description = "Requires If-Match.")
  public Response updateAmendment(
      @PathParam("id") long id,
      @PathParam("amendmentId") long amendmentId,
      @HeaderParam("If-Match") String ifMatch,
      @Valid @NotNull Requests.RegistrationRequest body) {
    Views.AmendmentView a = amendments.update(caller, id, amendmentId, ifMatch, body.toContent());
    return Response.ok(a).tag(Integer.toString(a.version())).build();
  }

  @POST
  @Path("/{id}/amendments/{amendmentId}/transitions/{action}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Authenticated
  @Operation(
      summary = "变更流转 Act on an amendment: submit, withdraw, approve, return, reject, file",
      description =
          "Same roles as for registrations. Filing an amendment applies it to the registration"
              + " and emits registration.amendment-filed.")
  public Response transitionAmendment(
      @PathParam("id") long id,
      @PathParam("amendmentId") long amendmentId,
      @PathParam("action") String action,
      @HeaderParam("If-Match") String ifMatch,
      @Valid Requests.TransitionRequest body) {
    Views.AmendmentView a =
        amendments.transition(
            caller, id, amendmentId, parse(action), ifMatch, body == null ? null : body.comment());
    return Response.ok(a).tag(Integer.toString(a.version())).build();
  }

  @PUT
  @Path("/{id}/typical-case")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.CITY_ADMIN)
  @Operation(
      summary = "标记典型案例 Mark as a typical case",
      description = "city-admin marks a filed or active cooperation as 典型案例 for a year and stage.")
  public Views.TypicalCaseView typical(
      @PathParam("id") long id, @Valid @NotNull Requests.TypicalCaseRequest body) {
    return publicRegistry.markTypical(caller, id, body.year(), body.stage());
  }
}
