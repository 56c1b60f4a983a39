package cn.jinan.edu.registry;

import cn.jinan.edu.platform.testing.PostgresTestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Every test of this service runs against its own real PostgreSQL database, registry_test. */
@QuarkusTestResource(
    value = PostgresTestDatabase.class,
    initArgs = @ResourceArg(name = "database", value = "registry_test"))
public final class TestDatabase {
  private TestDatabase() {}
}
