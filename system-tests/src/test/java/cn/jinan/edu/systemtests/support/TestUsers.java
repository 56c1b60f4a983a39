package cn.jinan.edu.systemtests.support;

import cn.jinan.edu.platform.ids.Uscc;
import java.util.ArrayList;
import java.util.List;

/**
 * The people the scenarios act as. The four of {@code deploy/keycloak/test/edu-users-0.json} are
 * used as they are; a reviewer for every other district and a school of 370104 are added to the
 * imported realm. Machine callers use the realm's own confidential clients.
 */
public final class TestUsers {
  /** Jinan's 12 county-level divisions (GB/T 2260), in the order of DOMAIN.md. */
  public static final List<String> DISTRICTS =
      List.of(
          "370102", "370103", "370104", "370105", "370112", "370113", "370114", "370115", "370116",
          "370117", "370124", "370126");

  public static final String CITY_ADMIN = "test-city-admin";
  public static final String AUDITOR = "test-auditor";

  /** School-applicant of 12370102MB00000014 in 370102 (deploy/keycloak/test). */
  public static final String SCHOOL_370102 = "test-school-applicant";

  public static final String SCHOOL_370102_USCC = "12370102MB00000014";

  public static final String SCHOOL_370104 = "e2e-school-370104";
  public static final String SCHOOL_370104_USCC = Uscc.complete("12370104MB0E2E001");

  /** Other government systems: client credentials, role data-reporter. */
  public static final String GOV_DATA_EXCHANGE = "gov-data-exchange";

  record User(String username, String role, String district, String school) {}

  /** The only user of the untrusted realm; a city-admin there. */
  static final User INTRUDER = new User("intruder", "city-admin", null, null);

  private TestUsers() {}

  /** The district-reviewer acting for a district. */
  public static String reviewer(String district) {
    return district.equals("370102") ? "test-district-reviewer" : "e2e-reviewer-" + district;
  }

  static List<User> added() {
    List<User> users = new ArrayList<>();
    for (String d : DISTRICTS) {
      if (!d.equals("370102")) {
        users.add(new User(reviewer(d), "district-reviewer", d, null));
      }
    }
    users.add(new User(SCHOOL_370104, "school-applicant", "370104", SCHOOL_370104_USCC));
    return users;
  }
}
