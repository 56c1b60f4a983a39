package cn.jinan.edu.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinan.edu.platform.problem.ProblemException;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerTests {
  private static final String SCHOOL = "12370102MB0000001X";

  private static Caller caller(Set<String> roles, String district, String school) {
    return new Caller("sub", "client", roles, district, school);
  }

  @Test
  void cityWideRolesCoverEveryDistrictAndSchool() {
    for (String role : Roles.CITY_WIDE) {
      Caller c = caller(Set.of(role), null, null);
      assertTrue(c.mayActForDistrict(role, "370103"), role);
      assertTrue(c.mayActForSchool(role, SCHOOL, "370102"), role);
    }
  }

  @Test
  void reviewerCoversOnlyItsDistrictAndItsSchools() {
    Caller c = caller(Set.of(Roles.DISTRICT_REVIEWER), "370102", null);
    assertTrue(c.mayActForDistrict(Roles.DISTRICT_REVIEWER, "370102"));
    assertFalse(c.mayActForDistrict(Roles.DISTRICT_REVIEWER, "370103"));
    assertTrue(c.mayActForSchool(Roles.DISTRICT_REVIEWER, SCHOOL, "370102"));
    assertFalse(c.mayActForSchool(Roles.DISTRICT_REVIEWER, SCHOOL, "370103"));
  }

  @Test
  void schoolApplicantCoversOnlyItsSchoolAndNoDistrict() {
    Caller c = caller(Set.of(Roles.SCHOOL_APPLICANT), "370102", SCHOOL);
    assertTrue(c.mayActForSchool(Roles.SCHOOL_APPLICANT, SCHOOL, "370102"));
    assertFalse(c.mayActForSchool(Roles.SCHOOL_APPLICANT, "12370102MB0000002Y", "370102"));
    assertFalse(c.mayActForDistrict(Roles.SCHOOL_APPLICANT, "370102"));
  }

  @Test
  void aRoleTheCallerDoesNotHoldGrantsNothing() {
    Caller c = caller(Set.of(Roles.DISTRICT_REVIEWER), "370102", null);
    assertFalse(c.mayActForDistrict(Roles.CITY_ADMIN, "370102"));
  }

  @Test
  void malformedScopeClaimsGrantNothing() {
    Caller c =
        caller(Set.of(Roles.DISTRICT_REVIEWER, Roles.SCHOOL_APPLICANT), "3701", "lower-case");
    assertEquals(Optional.empty(), c.districtCode());
    assertEquals(Optional.empty(), c.schoolCode());
    assertFalse(c.mayActForDistrict(Roles.DISTRICT_REVIEWER, "3701"));
    assertFalse(c.mayActForSchool(Roles.SCHOOL_APPLICANT, "lower-case", "370102"));
  }

  @Test
  void requireReturnsTheFittingRoleOrAnswers403() {
    Caller c = caller(Set.of(Roles.DISTRICT_REVIEWER, Roles.AUDITOR), "370102", null);
    assertEquals(
        Roles.DISTRICT_REVIEWER,
        c.requireDistrict("370102", Roles.DISTRICT_REVIEWER, Roles.AUDITOR));
    assertEquals(
        Roles.AUDITOR, c.requireDistrict("370103", Roles.DISTRICT_REVIEWER, Roles.AUDITOR));
    ProblemException e =
        assertThrows(
            ProblemException.class,
            () -> c.requireDistrict("370103", Roles.CITY_ADMIN, Roles.DISTRICT_REVIEWER));
    assertEquals(403, e.status());
    assertTrue(e.getMessage().contains("370102"), e.getMessage());
  }

  @Test
  void anonymousHasNoScope() {
    Caller c = Caller.anonymous();
    assertTrue(c.isAnonymous());
    assertFalse(c.mayActForDistrict(Roles.CITY_ADMIN, "370102"));
    assertThrows(ProblemException.class, () -> c.requireSchool(SCHOOL, "370102", Roles.CITY_ADMIN));
  }
}
