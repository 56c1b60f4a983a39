package cn.jinan.edu.systemtests.support;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives test classes the one {@link SystemUnderTest} of this JVM. It is kept in the root store,
 * which JUnit closes after the last test class — so the suite is stopped at the end of the run even
 * when tests fail; the suite's shutdown hook covers an interrupted JVM.
 */
public final class SuiteExtension implements BeforeAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SuiteExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    suite(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == SystemUnderTest.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return suite(context);
  }

  private static SystemUnderTest suite(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .computeIfAbsent(
            SystemUnderTest.class, k -> SystemUnderTest.shared(), SystemUnderTest.class);
  }
}
