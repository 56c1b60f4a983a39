package cn.jinan.edu.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;

import cn.jinan.edu.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The district, state and name filters of the registration list. The district filter reads
 * registration_district, which database triggers keep in step with the registration; these tests
 * follow a registration through a transition to check that the filter follows too.
 */
@QuarkusTest
class ListFilterTests {
  private static ValidatableResponse list(String token, String query) {
    return given().auth().oauth2(token).get("/api/v1/registrations?" + query).then();
  }

  /** Whether the list, starting just before {@code id}, shows {@code id} first. */
  private static void listed(String token, String filter, long id, boolean expected) {
    ValidatableResponse r = list(token, filter + "&after=" + (id - 1) + "&limit=1").statusCode(200);
    if (expected) {
      r.body("items.id", contains((int) id));
    } else {
      r.body("items.findAll { it.id == " + id + " }", hasSize(0));
    }
  }

  @Test
  void districtAndStateFiltersFollowEveryInvolvedDistrictThroughATransition() {
    // Lead school in 370112, member in 370113: both districts are involved.
    Fixtures.Draft d = Fixtures.draft("GROUP", "370112", "370113");
    String admin = TestTokens.cityAdmin();
    for (String district : List.of("370112", "370113")) {
      listed(admin, "district=" + district, d.id(), true);
      listed(admin, "district=" + district + "&state=DRAFT", d.id(), true);
      listed(admin, "district=" + district + "&state=SUBMITTED", d.id(), false);
    }
    listed(admin, "district=370114", d.id(), false);

    Fixtures.act(d.id(), "submit", d.applicant(), null).then().statusCode(200);
    for (String district : List.of("370112", "370113")) {
      listed(admin, "district=" + district + "&state=DRAFT", d.id(), false);
      listed(admin, "district=" + district + "&state=SUBMITTED", d.id(), true);
    }
    // A reviewer's scope combines with the state filter in the same way.
    String reviewer = TestTokens.districtReviewer("370113");
    listed(reviewer, "state=SUBMITTED", d.id(), true);
    listed(reviewer, "state=DRAFT", d.id(), false);
    listed(reviewer, "district=370113&state=SUBMITTED", d.id(), true);
    listed(TestTokens.districtReviewer("370114"), "state=SUBMITTED", d.id(), false);
  }

  @Test
  void districtAndStatePagesFollowTheKeysetCursor() {
    Fixtures.Draft first = Fixtures.draft("GROUP", "370117");
    Fixtures.Draft second = Fixtures.draft("GROUP", "370117");
    String filter = "district=370117&state=DRAFT&limit=1&after=" + (first.id() - 1);
    String cursor =
        list(TestTokens.cityAdmin(), filter)
            .statusCode(200)
            .body("items.id", contains((int) first.id()))
            .extract()
            .path("nextCursor");
    list(TestTokens.cityAdmin(), "district=370117&state=DRAFT&limit=1&after=" + cursor)
        .statusCode(200)
        .body("items.id", contains((int) second.id()));
  }

  @Test
  void nameSearchFindsAFragmentOfAnyLength() {
    Fixtures.Draft d = Fixtures.draft("GROUP", "370126");
    String name =
        given()
            .auth()
            .oauth2(TestTokens.cityAdmin())
            .get("/api/v1/registrations/" + d.id())
            .then()
            .statusCode(200)
            .extract()
            .path("name");
    String admin = TestTokens.cityAdmin();
    // The whole name, a fragment long enough for trigrams, and one too short for them.
    for (String q : List.of(name, name.substring(2), "集团")) {
      listed(admin, "q=" + q, d.id(), true);
    }
    listed(admin, "q=" + name + "不存在", d.id(), false);
    list(admin, "q=" + name + "不存在").statusCode(200).body("items", hasSize(0));
  }
}
