package cn.jinan.edu.quality.rest;

import cn.jinan.edu.platform.testing.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OpenApiTests extends OpenApiContract {}
