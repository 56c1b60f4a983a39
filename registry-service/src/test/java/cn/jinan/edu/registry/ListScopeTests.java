package cn.jinan.edu.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import cn.jinan.edu.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/**
 * A list filter outside the caller's scope is refused with 403 naming the parameter, as milestone
 * and quality do; without a filter the caller sees its own scope.
 */
@QuarkusTest
class ListScopeTests {
  private static ValidatableResponse list(String token, String query) {
    return given().auth().oauth2(token).get("/api/v1/registrations?" + query).then();
  }

  private static void refused(ValidatableResponse r, String parameter) {
    r.statusCode(403)
        .contentType(startsWith("application/problem+json"))
        .body("type", equalTo("urn:jinan-edu:problem:forbidden"))
        .body("errors.field", contains(parameter));
  }

  @Test
  void districtReviewerAskingForAnotherDistrictIs403() {
    Fixtures.draft("GROUP", "370102");
    refused(list(TestTokens.districtReviewer("370105"), "district=370102"), "district");
  }

  @Test
  void districtReviewerSeesItsOwnDistrictWithOrWithoutTheFilter() {
    Fixtures.Draft own = Fixtures.draft("GROUP", "370114");
    Fixtures.Draft other = Fixtures.draft("GROUP", "370115");
    String reviewer = TestTokens.districtReviewer("370114");
    list(reviewer, "district=370114&limit=200")
        .statusCode(200)
        .body("items.involvedDistricts", everyItem(hasItem("370114")));
    list(reviewer, "limit=200")
        .statusCode(200)
        .body("items.involvedDistricts", everyItem(hasItem("370114")));
    list(reviewer, "school=" + own.lead()).statusCode(200).body("items", hasSize(1));
    refused(list(reviewer, "school=" + other.lead()), "school");
  }

  @Test
  void schoolApplicantMayFilterOnlyByItsOwnSchool() {
    Fixtures.Draft own = Fixtures.draft("GROUP", "370116");
    Fixtures.Draft other = Fixtures.draft("GROUP", "370116");
    String applicant = own.applicant();
    list(applicant, "school=" + own.lead())
        .statusCode(200)
        .body("items", hasSize(1))
        .body("items[0].id", equalTo((int) own.id()));
    refused(list(applicant, "school=" + other.lead()), "school");
    // A school acts for itself, never for its whole district.
    refused(list(applicant, "district=370116"), "district");
  }

  @Test
  void cityWideReadersMayFilterByAnyDistrict() {
    Fixtures.Draft d = Fixtures.draft("GROUP", "370124");
    for (String token :
        new String[] {TestTokens.cityAdmin(), TestTokens.auditor(), TestTokens.dataReporter()}) {
      list(token, "district=370124&school=" + d.lead()).statusCode(200).body("items", hasSize(1));
    }
  }

  @Test
  void anUnknownSchoolIsAnEmptyPageNotARefusal() {
    list(TestTokens.districtReviewer("370105"), "school=" + Fixtures.uscc("370103"))
        .statusCode(200)
        .body("items", hasSize(0));
  }
}
