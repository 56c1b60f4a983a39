package cn.jinan.edu.milestone.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** Filing statistics of the registry-service, city and per district (fields used here). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FilingStatistics(
    String asOf, String deadline, UnitStatistics city, List<UnitStatistics> districts) {

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record UnitStatistics(
      String districtCode, String nameZh, long filed, long expected, double shareFiled) {}
}
