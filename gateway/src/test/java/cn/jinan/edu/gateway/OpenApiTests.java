package cn.jinan.edu.gateway;

import cn.jinan.edu.platform.testing.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class OpenApiTests extends OpenApiContract {
  /** The gateway's own document is public, on the public port. */
  @Override
  protected RequestSpecification docs() {
    return RestAssured.given();
  }
}
