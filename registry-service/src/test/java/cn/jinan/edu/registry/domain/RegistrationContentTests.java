package cn.jinan.edu.registry.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RegistrationContentTests {
  static final String LEAD = "12370102MB0000017P";
  static final String MEMBER = "91110000600037341L";

  private static RegistrationContent content(
      List<String> members, LocalDate start, LocalDate end, String phone) {
    return new RegistrationContent(
        CooperationMode.GROUP,
        "历下实验教育集团",
        LEAD,
        members,
        List.of(new Partner("山东大学", null, "学术指导")),
        start,
        end,
        Set.of(ContentArea.TEACHERS),
        null,
        "张老师",
        phone);
  }

  private static List<String> fields(RegistrationContent c) {
    return c.violations(6).stream().map(Violation::field).toList();
  }

  @Test
  void validContentHasNoViolations() {
    assertEquals(
        List.of(),
        fields(
            content(
                List.of(MEMBER),
                LocalDate.of(2025, 9, 1),
                LocalDate.of(2028, 8, 31),
                "0531-86012345")));
  }

  @Test
  void membersMustExistBeDistinctAndNotTheLead() {
    assertEquals(
        List.of("memberSchools"),
        fields(
            content(List.of(), LocalDate.of(2025, 9, 1), LocalDate.of(2026, 1, 1), "13812345678")));
    assertEquals(
        List.of("memberSchools[1]", "memberSchools[2]"),
        fields(
            content(
                List.of(MEMBER, MEMBER, LEAD),
                LocalDate.of(2025, 9, 1),
                LocalDate.of(2026, 1, 1),
                "13812345678")));
  }

  @Test
  void termMustEndAfterStartAndNotExceedTheMaximum() {
    assertEquals(
        List.of("termEnd"),
        fields(
            content(
                List.of(MEMBER),
                LocalDate.of(2025, 9, 1),
                LocalDate.of(2025, 9, 1),
                "13812345678")));
    assertEquals(
        List.of("termEnd"),
        fields(
            content(
                List.of(MEMBER),
                LocalDate.of(2025, 9, 1),
                LocalDate.of(2031, 9, 2),
                "13812345678")));
    assertTrue(
        fields(
                content(
                    List.of(MEMBER),
                    LocalDate.of(2025, 9, 1),
                    LocalDate.of(2031, 9, 1),
                    "13812345678"))
            .isEmpty());
  }

  @Test
  void phoneMustBeAMobileOrLandline() {
    assertEquals(
        List.of("contactPhone"),
        fields(
            content(List.of(MEMBER), LocalDate.of(2025, 9, 1), LocalDate.of(2026, 1, 1), "12345")));
  }
}
