package cn.jinan.edu.platform.security;

import cn.jinan.edu.platform.problem.ProblemException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Who is calling and for which part of the city they may act. Scope comes only from the token
 * (district_code, school_code), never from the URL: a reviewer of 370102 asking for 370103's data
 * is refused whatever path it uses.
 *
 * <p>Scope rules, per role the caller holds:
 *
 * <ul>
 *   <li>city-admin, data-reporter, auditor: the whole city (every district, every school);
 *   <li>district-reviewer: its own district and the schools located in it;
 *   <li>school-applicant: its own school only, never a whole district.
 * </ul>
 *
 * Whether a role may perform an operation at all (e.g. only city-admin files) is decided by the
 * service; this class answers only the scope question, the same way in every service.
 */
public final class Caller {
  private static final Pattern DISTRICT = Pattern.compile("\\d{6}");
  private static final Pattern USCC = Pattern.compile("[0-9A-HJ-NP-RTUWXY]{18}");

  private final String subject;
  private final String clientId;
  private final Set<String> roles;
  private final String districtCode;
  private final String schoolCode;

  public Caller(
      String subject, String clientId, Set<String> roles, String districtCode, String schoolCode) {
    this.subject = subject;
    this.clientId = clientId;
    this.roles = Set.copyOf(roles);
    // A malformed scope claim grants nothing rather than something unexpected.
    this.districtCode =
        districtCode != null && DISTRICT.matcher(districtCode).matches() ? districtCode : null;
    this.schoolCode = schoolCode != null && USCC.matcher(schoolCode).matches() ? schoolCode : null;
  }

  public static Caller anonymous() {
    return new Caller(null, null, Set.of(), null, null);
  }

  public boolean isAnonymous() {
    return subject == null && clientId == null;
  }

  public String subject() {
    return subject;
  }

  public String clientId() {
    return clientId;
  }

  public Set<String> roles() {
    return new TreeSet<>(roles);
  }

  public Optional<String> districtCode() {
    return Optional.ofNullable(districtCode);
  }

  public Optional<String> schoolCode() {
    return Optional.ofNullable(schoolCode);
  }

  /** Who to name in audit trails: the user, or the client for machine tokens. */
  public String actor() {
    return subject != null ? subject : clientId;
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }

  public boolean hasAnyRole(String... anyOf) {
    return Arrays.stream(anyOf).anyMatch(roles::contains);
  }

  /** May this caller, acting in {@code role}, act for the whole district? */
  public boolean mayActForDistrict(String role, String district) {
    if (!roles.contains(role) || district == null) {
      return false;
    }
    if (Roles.CITY_WIDE.contains(role)) {
      return true;
    }
    return role.equals(Roles.DISTRICT_REVIEWER) && district.equals(districtCode);
  }

  /**
   * May this caller, acting in {@code role}, act for the school with this USCC located in {@code
   * schoolDistrict}?
   */
  public boolean mayActForSchool(String role, String uscc, String schoolDistrict) {
    if (!roles.contains(role) || uscc == null) {
      return false;
    }
    if (Roles.CITY_WIDE.contains(role)) {
      return true;
    }
    if (role.equals(Roles.DISTRICT_REVIEWER)) {
      return schoolDistrict != null && schoolDistrict.equals(districtCode);
    }
    return role.equals(Roles.SCHOOL_APPLICANT) && uscc.equals(schoolCode);
  }

  /** The first of {@code roles} in which the caller may act for the district, if any. */
  public Optional<String> roleForDistrict(String district, String... anyOf) {
    return Arrays.stream(anyOf).filter(r -> mayActForDistrict(r, district)).findFirst();
  }

  /** The first of {@code roles} in which the caller may act for the school, if any. */
  public Optional<String> roleForSchool(String uscc, String schoolDistrict, String... anyOf) {
    return Arrays.stream(anyOf).filter(r -> mayActForSchool(r, uscc, schoolDistrict)).findFirst();
  }

  /** Like {@link #roleForDistrict} but answers 403 with the reason when no role fits. */
  public String requireDistrict(String district, String... anyOf) {
    return roleForDistrict(district, anyOf)
        .orElseThrow(
            () ->
                ProblemException.forbidden(
                    "Acting for district "
                        + district
                        + " needs one of "
                        + Arrays.toString(anyOf)
                        + " with a matching district_code claim; the token has roles "
                        + roles()
                        + " and district_code "
                        + (districtCode == null ? "(none)" : districtCode)));
  }

  /** Like {@link #roleForSchool} but answers 403 with the reason when no role fits. */
  public String requireSchool(String uscc, String schoolDistrict, String... anyOf) {
    return roleForSchool(uscc, schoolDistrict, anyOf)
        .orElseThrow(
            () ->
                ProblemException.forbidden(
                    "Acting for school "
                        + uscc
                        + " needs one of "
                        + Arrays.toString(anyOf)
                        + " whose scope covers it; the token has roles "
                        + roles()
                        + ", district_code "
                        + (districtCode == null ? "(none)" : districtCode)
                        + ", school_code "
                        + (schoolCode == null ? "(none)" : schoolCode)));
  }

  /**
   * The district a read is limited to: the one asked for (null = every district) when the caller
   * has one of {@code cityWide}; otherwise the token's own district, and 403 when another one is
   * asked for or the token names none. {@code what} names what is read, for the message.
   */
  public String readScope(String district, String what, String... cityWide) {
    if (hasAnyRole(cityWide)) {
      return district;
    }
    if (districtCode == null) {
      throw ProblemException.forbidden("The token has no district_code");
    }
    if (district != null && !district.equals(districtCode)) {
      throw ProblemException.forbidden(
          "A district-reviewer reads only its own district's " + what + " (" + districtCode + ")");
    }
    return districtCode;
  }
}
