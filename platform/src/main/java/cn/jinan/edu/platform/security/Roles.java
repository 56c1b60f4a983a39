package cn.jinan.edu.platform.security;

import java.util.Set;

/** The five roles of DOMAIN.md section 1, as they appear in the token's role claims. */
public final class Roles {
  /** 市教育局 the city bureau: files, revokes, approves district data, edits the catalogue. */
  public static final String CITY_ADMIN = "city-admin";

  /** 区县教体局 a district authority, scoped by the district_code claim. */
  public static final String DISTRICT_REVIEWER = "district-reviewer";

  /** 中小学校 / 幼儿园 a school, scoped by the school_code claim (its USCC). */
  public static final String SCHOOL_APPLICANT = "school-applicant";

  /** Another government system (client-credentials tokens): pushes data, reads non-personal. */
  public static final String DATA_REPORTER = "data-reporter";

  /** 督导 inspection: reads everything, audit trails included. */
  public static final String AUDITOR = "auditor";

  public static final Set<String> ALL =
      Set.of(CITY_ADMIN, DISTRICT_REVIEWER, SCHOOL_APPLICANT, DATA_REPORTER, AUDITOR);

  /** Roles whose scope is the whole city: they carry no district or school claim. */
  public static final Set<String> CITY_WIDE = Set.of(CITY_ADMIN, DATA_REPORTER, AUDITOR);

  private Roles() {}
}
