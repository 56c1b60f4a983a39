package cn.jinan.edu.registry.service;

import static cn.jinan.edu.registry.domain.RegistrationLifecycle.AMENDMENT;
import static cn.jinan.edu.registry.domain.RegistrationLifecycle.EDITABLE;
import static cn.jinan.edu.registry.domain.RegistrationLifecycle.IN_FORCE;
import static cn.jinan.edu.registry.domain.RegistrationLifecycle.REGISTRATION;

import cn.jinan.edu.platform.problem.FieldError;
import cn.jinan.edu.platform.problem.ProblemException;
import cn.jinan.edu.platform.problem.ProblemType;
import cn.jinan.edu.platform.security.Caller;
import cn.jinan.edu.platform.security.Roles;
import cn.jinan.edu.registry.domain.Action;
import cn.jinan.edu.registry.domain.Amendment;
import cn.jinan.edu.registry.domain.DistrictReview;
import cn.jinan.edu.registry.domain.Registration;
import cn.jinan.edu.registry.domain.School;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who may read a registration and who may act on it or its amendment: the lead school's applicant
 * (submit, withdraw, terminate, edit, amend), a reviewer of an involved district (approve, return,
 * reject), the city (file, revoke); city-admin, auditor and data-reporter read everything.
 */
@ApplicationScoped
public class RegistrationAccess {
  static final String[] CITY_WIDE_READERS = {Roles.CITY_ADMIN, Roles.AUDITOR, Roles.DATA_REPORTER};

  @Inject RegistrationStore store;

  /** The role in which the caller may read the registration, or 403. */
  String requireRead(Caller caller, Registration r) {
    for (String role : CITY_WIDE_READERS) {
      if (caller.hasRole(role)) {
        return role;
      }
    }
    if (districtRole(caller, r.involvedDistricts).isPresent()) {
      return Roles.DISTRICT_REVIEWER;
    }
    if (caller.hasRole(Roles.SCHOOL_APPLICANT) && caller.schoolCode().isPresent()) {
      Optional<School> own = School.byUscc(caller.schoolCode().get());
      if (own.isPresent()
          && (own.get().id.equals(r.leadSchoolId) || r.memberSchoolIds.contains(own.get().id))) {
        return Roles.SCHOOL_APPLICANT;
      }
    }
    throw ProblemException.forbidden(
        "Registration " + r.id + " is outside the token's scope (roles " + caller.roles() + ")");
  }

  /** The lead school's applicant, or 403 naming the school. */
  String requireApplicant(Caller caller, Registration r) {
    return caller.requireSchool(store.leadUscc(r), r.leadDistrict, Roles.SCHOOL_APPLICANT);
  }

  /**
   * The role in which the caller may take the action on the registration, or on its amendment when
   * {@code involved} are the amendment's districts; 403 saying who may.
   */
  String authorize(Caller caller, Registration r, String[] involved, Action action) {
    if (action.actor == Action.Actor.APPLICANT) {
      return requireApplicant(caller, r);
    }
    return roleFor(caller, r, involved, action)
        .orElseThrow(
            () ->
                switch (action.actor) {
                  case DISTRICT ->
                      ProblemException.forbidden(
                          "Only a district-reviewer of an involved district "
                              + Arrays.toString(involved)
                              + " may "
                              + action.pathName()
                              + "; the token has roles "
                              + caller.roles()
                              + " and district_code "
                              + caller.districtCode().orElse("(none)"));
                  case CITY ->
                      ProblemException.forbidden("Only city-admin may " + action.pathName());
                  default ->
                      ProblemException.forbidden(
                          action.pathName() + " happens by date only (scheduled lifecycle job)");
                });
  }

  private Optional<String> roleFor(
      Caller caller, Registration r, String[] involved, Action action) {
    return switch (action.actor) {
      case APPLICANT ->
          caller.roleForSchool(store.leadUscc(r), r.leadDistrict, Roles.SCHOOL_APPLICANT);
      case DISTRICT -> districtRole(caller, involved);
      case CITY ->
          caller.hasRole(Roles.CITY_ADMIN) ? Optional.of(Roles.CITY_ADMIN) : Optional.empty();
      case SYSTEM -> Optional.empty();
    };
  }

  private static Optional<String> districtRole(Caller caller, String[] involved) {
    return Arrays.stream(involved)
            .anyMatch(d -> caller.mayActForDistrict(Roles.DISTRICT_REVIEWER, d))
        ? Optional.of(Roles.DISTRICT_REVIEWER)
        : Optional.empty();
  }

  /**
   * Whether the caller may take the action now: its role allows it, and a district that has
   * approved in this round does not approve again.
   */
  private boolean may(
      Caller caller, Registration r, String[] involved, DistrictReview review, Action action) {
    if (action == Action.APPROVE && caller.districtCode().map(review::approvedBy).orElse(false)) {
      return false;
    }
    return roleFor(caller, r, involved, action).isPresent();
  }

  /**
   * What the caller may do with the registration now, as its view shows and a refused transition
   * lists: the transitions, then {@code edit} (draft or returned) and {@code amend} (in force) for
   * the lead school.
   */
  List<String> allowedActions(Caller caller, Registration r) {
    DistrictReview review = store.review(r);
    List<String> out =
        new ArrayList<>(
            REGISTRATION
                .allowedFor(r.state, a -> may(caller, r, r.involvedDistricts, review, a))
                .stream()
                .map(Action::pathName)
                .toList());
    boolean applicant =
        caller.mayActForSchool(Roles.SCHOOL_APPLICANT, store.leadUscc(r), r.leadDistrict);
    if (applicant && EDITABLE.contains(r.state)) {
      out.add("edit");
    }
    if (applicant && IN_FORCE.contains(r.state)) {
      out.add("amend");
    }
    return out;
  }

  /** What the caller may do with the amendment now, as its view shows and a refusal lists. */
  List<String> allowedActions(Caller caller, Registration r, Amendment a) {
    DistrictReview review = store.review(a);
    return AMENDMENT
        .allowedFor(a.state, x -> may(caller, r, a.involvedDistricts, review, x))
        .stream()
        .map(Action::pathName)
        .toList();
  }

  /**
   * A list filter naming a district or school must lie inside the caller's scope, as in the other
   * services: asking for someone else's district is refused (403 naming the parameter) rather than
   * answered with an empty page that reads as "nothing there".
   */
  static void requireFilterInScope(Caller caller, String parameter, String value, boolean covered) {
    if (covered || caller.hasAnyRole(CITY_WIDE_READERS)) {
      return;
    }
    String scope =
        "district_code "
            + caller.districtCode().orElse("(none)")
            + ", school_code "
            + caller.schoolCode().orElse("(none)");
    throw new ProblemException(
        ProblemType.FORBIDDEN,
        403,
        parameter + " " + value + " is outside the token's scope (" + scope + ")",
        List.of(new FieldError(parameter, "不在本账号的数据范围内 (outside the token's scope)")),
        Map.of(),
        Map.of());
  }
}
