package cn.jinan.edu.milestone;

import cn.jinan.edu.platform.testing.ServiceContractTests;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ContractTests extends ServiceContractTests {}
