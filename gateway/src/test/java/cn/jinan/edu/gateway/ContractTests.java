package cn.jinan.edu.gateway;

import cn.jinan.edu.platform.testing.ServiceContractTests;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ContractTests extends ServiceContractTests {
  /** The gateway's API docs are public on purpose: served on the public port. */
  @Override
  protected boolean openApiOnManagement() {
    return false;
  }
}
