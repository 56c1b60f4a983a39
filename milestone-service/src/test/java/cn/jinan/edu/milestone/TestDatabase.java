package cn.jinan.edu.milestone;

import cn.jinan.edu.platform.testing.PostgresTestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Every test of this service runs against its own real PostgreSQL database, milestone_test. */
@QuarkusTestResource(
    value = PostgresTestDatabase.class,
    initArgs = @ResourceArg(name = "database", value = "milestone_test"))
public final class TestDatabase {
  private TestDatabase() {}
}
