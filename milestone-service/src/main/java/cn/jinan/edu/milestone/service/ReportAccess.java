package cn.jinan.edu.milestone.service;

import cn.jinan.edu.milestone.domain.ProgressReport;
import cn.jinan.edu.milestone.domain.ReportAction;
import cn.jinan.edu.milestone.domain.ReportLifecycle;
import cn.jinan.edu.platform.problem.ProblemException;
import cn.jinan.edu.platform.security.Caller;
import cn.jinan.edu.platform.security.Roles;
import java.util.List;
import java.util.function.Predicate;

/**
 * Who may do what with progress reports. city-admin reports for any unit and alone reviews; a
 * district-reviewer reports for its own district only (never for the city or a department);
 * city-admin, auditor and data-reporter read every report, a district-reviewer its own district's.
 */
final class ReportAccess {
  private ReportAccess() {}

  static final String[] CITY_WIDE_READERS = {Roles.CITY_ADMIN, Roles.AUDITOR, Roles.DATA_REPORTER};

  /** The role the caller reports in for the unit, or 403. */
  static String requireReporter(Caller caller, String unitCode) {
    if (!caller.hasAnyRole(Roles.CITY_ADMIN, Roles.DISTRICT_REVIEWER)) {
      throw ProblemException.forbidden(
          "Only a district-reviewer (for its own district) or city-admin may report progress; the"
              + " token has roles "
              + caller.roles());
    }
    return caller.requireDistrict(unitCode, Roles.CITY_ADMIN, Roles.DISTRICT_REVIEWER);
  }

  static void requireReviewer(Caller caller, ReportAction action) {
    if (!caller.hasRole(Roles.CITY_ADMIN)) {
      throw ProblemException.forbidden(
          "Only city-admin may "
              + action.pathName()
              + " a progress report; the token has roles "
              + caller.roles());
    }
  }

  static void requireRead(Caller caller, String unitCode) {
    if (caller.hasAnyRole(CITY_WIDE_READERS)) {
      return;
    }
    if (!caller.mayActForDistrict(Roles.DISTRICT_REVIEWER, unitCode)) {
      throw ProblemException.forbidden(
          "Reports of unit "
              + unitCode
              + " are outside the token's scope (roles "
              + caller.roles()
              + ", district_code "
              + caller.districtCode().orElse("(none)")
              + ")");
    }
  }

  /** The district a reader without city-wide scope is limited to, or 403. */
  static String ownDistrict(Caller caller) {
    if (!caller.hasRole(Roles.DISTRICT_REVIEWER)) {
      throw ProblemException.forbidden(
          "Reading progress reports needs city-admin, auditor, data-reporter or district-reviewer");
    }
    return caller
        .districtCode()
        .orElseThrow(() -> ProblemException.forbidden("The token has no district_code"));
  }

  /** Whether the caller may take the action on this report, whatever its state. */
  static Predicate<ReportAction> callerMay(Caller caller, ProgressReport r) {
    boolean city = caller.hasRole(Roles.CITY_ADMIN);
    boolean reporter =
        caller.roleForDistrict(r.unitCode, Roles.CITY_ADMIN, Roles.DISTRICT_REVIEWER).isPresent();
    return a -> a.review ? city : reporter;
  }

  /** What the caller may do with the report now, as the API names the actions. */
  static List<String> allowedActions(Caller caller, ProgressReport r) {
    return ReportLifecycle.REVIEW.allowedFor(r.state, callerMay(caller, r)).stream()
        .map(ReportAction::pathName)
        .toList();
  }
}
