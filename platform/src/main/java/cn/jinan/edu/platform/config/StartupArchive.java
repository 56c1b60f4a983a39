package cn.jinan.edu.platform.config;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Lets an image build record a class-data sharing archive (AppCDS) with the image's own JVM: run
 * with {@code -XX:ArchiveClassesAtExit=app-cds.jsa -Dplatform.exit-after-start=true}, the service
 * starts completely (every class start-up needs is then loaded) and exits, and the JVM writes the
 * archive. Containers then start with {@code -XX:SharedArchiveFile=app-cds.jsa} (deploy/).
 */
@ApplicationScoped
public class StartupArchive {
  private static final Logger LOG = Logger.getLogger(StartupArchive.class);

  @ConfigProperty(name = "platform.exit-after-start", defaultValue = "false")
  boolean exitAfterStart;

  // Last of the start-up observers, so that what they load is in the archive too.
  void onStart(@Observes @Priority(Integer.MAX_VALUE) StartupEvent event) {
    if (exitAfterStart) {
      LOG.info("platform.exit-after-start is set: started, now exiting (class-data archive run)");
      Quarkus.asyncExit(0);
    }
  }
}
