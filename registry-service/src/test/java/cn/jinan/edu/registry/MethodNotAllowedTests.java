package cn.jinan.edu.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import cn.jinan.edu.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** A 405 says which methods the path does accept (RFC 9110), and is still problem+json. */
@QuarkusTest
class MethodNotAllowedTests {

  @Test
  void deleteOnTheSchoolCollectionListsItsMethods() {
    given()
        .auth()
        .oauth2(TestTokens.cityAdmin())
        .delete("/api/v1/schools")
        .then()
        .statusCode(405)
        .contentType(startsWith("application/problem+json"))
        .header("Allow", equalTo("GET, HEAD, POST, OPTIONS"))
        .body("type", equalTo("urn:jinan-edu:problem:method-not-allowed"))
        .body("status", equalTo(405));
  }

  @Test
  void pathParametersAreMatched() {
    given()
        .auth()
        .oauth2(TestTokens.cityAdmin())
        .patch("/api/v1/registrations/1")
        .then()
        .statusCode(405)
        .contentType(startsWith("application/problem+json"))
        .header("Allow", equalTo("GET, HEAD, PUT, OPTIONS"));
    given()
        .auth()
        .oauth2(TestTokens.cityAdmin())
        .get("/api/v1/registrations/1/transitions/submit")
        .then()
        .statusCode(405)
        .header("Allow", equalTo("POST, OPTIONS"));
  }

  @Test
  void everyAnnouncedMethodIsReallyServed() {
    String token = TestTokens.cityAdmin();
    String allow =
        given().delete("/api/v1/schools").then().statusCode(405).extract().header("Allow");
    for (String method : allow.split(",\\s*")) {
      int status =
          given()
              .auth()
              .oauth2(token)
              .contentType("application/json")
              .body("{}")
              .request(method, "/api/v1/schools")
              .then()
              .extract()
              .statusCode();
      assertNotEquals(405, status, method + " is announced in Allow but answered 405");
    }
  }
}
