package cn.jinan.edu.gateway;

import cn.jinan.edu.platform.testing.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OpenApiTests extends OpenApiContract {}
