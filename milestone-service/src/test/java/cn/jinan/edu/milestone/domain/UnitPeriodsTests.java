package cn.jinan.edu.milestone.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UnitPeriodsTests {
  static final LocalDate TODAY = LocalDate.of(2026, 6, 30);

  static UnitPeriods.Period p(String code, UnitKind kind, String from, String to) {
    return new UnitPeriods.Period(
        code, "单位" + code, kind, LocalDate.parse(from), to == null ? null : LocalDate.parse(to));
  }

  @Test
  void oneRowPerCodeThePeriodInScopeFirst() {
    UnitPeriods.Period county = p("370115", UnitKind.COUNTY, "2000-01-01", "2018-07-01");
    UnitPeriods.Period district = p("370115", UnitKind.DISTRICT, "2018-07-01", null);
    UnitPeriods.Period other = p("370102", UnitKind.DISTRICT, "2000-01-01", null);
    Map<String, UnitPeriods.Period> held =
        UnitPeriods.heldOn(List.of(county, district, other), TODAY);
    assertEquals(List.of("370102", "370115"), List.copyOf(held.keySet()));
    assertEquals(district, held.get("370115")); // 县改区: today's kind
  }

  @Test
  void elseTheNextToStartElseTheLastToEnd() {
    UnitPeriods.Period ended = p("370171", UnitKind.FUNCTIONAL_ZONE, "2020-01-01", "2021-01-01");
    UnitPeriods.Period later = p("370171", UnitKind.FUNCTIONAL_ZONE, "2030-01-01", null);
    UnitPeriods.Period latest = p("370171", UnitKind.FUNCTIONAL_ZONE, "2040-01-01", null);
    assertEquals(later, UnitPeriods.heldOn(List.of(ended, latest, later), TODAY).get("370171"));
    UnitPeriods.Period endedLater =
        p("370171", UnitKind.FUNCTIONAL_ZONE, "2022-01-01", "2023-01-01");
    assertEquals(endedLater, UnitPeriods.heldOn(List.of(endedLater, ended), TODAY).get("370171"));
  }

  @Test
  void scopeIsHalfOpen() {
    UnitPeriods.Period period = p("370171", UnitKind.FUNCTIONAL_ZONE, "2026-01-01", "2026-06-30");
    assertTrue(period.inScopeOn(LocalDate.of(2026, 1, 1)));
    assertFalse(period.inScopeOn(TODAY));
    assertTrue(UnitKind.COUNTY.districtLevel());
    assertFalse(UnitKind.DEPARTMENT.districtLevel());
  }
}
