package cn.jinan.edu.faulttests.support;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Gives test classes the one {@link FaultSuite} of this JVM. It lives in the root store, which
 * JUnit closes after the last test class, so everything is stopped even when tests fail. A failed
 * test gets the tails of the services' and PostgreSQL's logs printed next to its assertion.
 */
public final class FaultSuiteExtension
    implements BeforeAllCallback, ParameterResolver, TestWatcher {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(FaultSuiteExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    suite(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == FaultSuite.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return suite(context);
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    FaultSuite suite =
        context.getRoot().getStore(NAMESPACE).get(FaultSuite.class, FaultSuite.class);
    if (suite != null) {
      System.err.println(
          "===== "
              + context.getDisplayName()
              + " failed; last log lines (all in "
              + suite.workDir
              + ") =====\n"
              + suite.logTails(40));
    }
  }

  private static FaultSuite suite(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .computeIfAbsent(FaultSuite.class, k -> startSuite(), FaultSuite.class);
  }

  private static FaultSuite startSuite() {
    try {
      return FaultSuite.start();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("the fault-test suite did not start: " + e.getMessage(), e);
    }
  }
}
