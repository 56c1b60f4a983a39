package cn.jinan.edu.quality.service;

import cn.jinan.edu.quality.client.RegistryClient;
import cn.jinan.edu.quality.domain.Target;
import cn.jinan.edu.quality.domain.TargetMeasures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * GROUP_REGISTRATION_DONE from registry-service's statistics (filed ÷ expected as of the date);
 * empty when registry-service cannot be reached, and the target then reads reported data.
 */
@ApplicationScoped
public class RegistryFigures {
  @Inject RegistryClient registry;

  public Optional<TargetMeasures.Outcome> filed(Target t, LocalDate date) {
    String source = "registry-service statistics as of " + date;
    return registry
        .statistics(date)
        .map(
            s ->
                s.expected() == 0
                    ? TargetMeasures.nothingToFile(t.threshold, source)
                    : TargetMeasures.ratio(
                        t.threshold,
                        BigDecimal.valueOf(s.filed()),
                        BigDecimal.valueOf(s.expected()),
                        List.of(),
                        List.of(),
                        source,
                        " registrations filed"));
  }
}
