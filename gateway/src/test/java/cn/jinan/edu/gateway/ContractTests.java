package cn.jinan.edu.gateway;

import cn.jinan.edu.platform.testing.ServiceContractTests;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ContractTests extends ServiceContractTests {}
