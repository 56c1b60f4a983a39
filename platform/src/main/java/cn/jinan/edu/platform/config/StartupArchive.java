package cn.jinan.edu.platform.config;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The training run of the JDK's ahead-of-time cache (JEP 483/514/515): run with {@code
 * -XX:AOTCacheOutput=app.aot -Dplatform.exit-after-start=true}, the service starts completely
 * (every class start-up needs is then loaded, linked and profiled) and exits, and the JVM assembles
 * the cache. The image build, the packaged prod-profile tests and {@code ./run.sh} train this way
 * with the JVM that later reads the cache; services then start with {@code -XX:AOTCache=app.aot}.
 */
@ApplicationScoped
public class StartupArchive {
  private static final Logger LOG = Logger.getLogger(StartupArchive.class);

  @ConfigProperty(name = "platform.exit-after-start", defaultValue = "false")
  boolean exitAfterStart;

  // Last of the start-up observers, so that what they load is in the cache too.
  void onStart(@Observes @Priority(Integer.MAX_VALUE) StartupEvent event) {
    if (exitAfterStart) {
      LOG.info("platform.exit-after-start is set: started, now exiting (AOT cache training run)");
      Quarkus.asyncExit(0);
    }
  }
}
