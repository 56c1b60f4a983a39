package cn.jinan.edu.quality.service;

import cn.jinan.edu.platform.security.Caller;
import cn.jinan.edu.platform.security.Roles;
import cn.jinan.edu.quality.domain.Indicator;
import cn.jinan.edu.quality.domain.IndicatorLevel;
import java.util.Optional;

/**
 * Who reads and writes district data: city-admin, data-reporter and auditor read every district, a
 * district-reviewer its own; city-admin and data-reporter write any district or school, a
 * district-reviewer those of its own district.
 */
final class DataScope {
  private DataScope() {}

  static final String[] WRITERS = {Roles.CITY_ADMIN, Roles.DATA_REPORTER, Roles.DISTRICT_REVIEWER};

  /** The district the caller's read is limited to (null: every district). */
  static String readScope(Caller caller, String district) {
    return caller.readScope(district, "data", Roles.CITY_ADMIN, Roles.DATA_REPORTER, Roles.AUDITOR);
  }

  /** The role in which the caller writes the indicator's value for the subject, or 403. */
  static String requireWrite(Caller caller, Indicator ind, String subject, String district) {
    return ind.level == IndicatorLevel.SCHOOL
        ? caller.requireSchool(subject, district, WRITERS)
        : caller.requireDistrict(district, WRITERS);
  }

  /** The role in which the caller may write it, if any. */
  static Optional<String> roleToWrite(
      Caller caller, Indicator ind, String subject, String district) {
    return ind.level == IndicatorLevel.SCHOOL
        ? caller.roleForSchool(subject, district, WRITERS)
        : caller.roleForDistrict(district, WRITERS);
  }
}
