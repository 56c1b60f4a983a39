package cn.jinan.edu.quality.domain;

import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinan.edu.platform.ids.Uscc;
import org.junit.jupiter.api.Test;

class StudentKeyTests {
  @Test
  void refusesNationalIdNumbersAndNames() {
    assertTrue(StudentKey.problem("37010219900101123X").isPresent());
    assertTrue(StudentKey.problem("370102199001011234").isPresent());
    assertTrue(StudentKey.problem("37010219900101123x").isPresent());
    assertTrue(StudentKey.problem("张三").isPresent());
    assertTrue(StudentKey.problem("abc张三def").isPresent());
    assertTrue(StudentKey.problem("").isPresent());
    assertTrue(StudentKey.problem("short").isPresent());
  }

  @Test
  void acceptsHashes() {
    assertTrue(
        StudentKey.problem("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
            .isEmpty());
    assertTrue(StudentKey.problem("h:0000000000000000001").isEmpty());
    // 19 digits is not an ID number.
    assertTrue(StudentKey.problem("3701021990010112345").isEmpty());
  }

  @Test
  void usccCheckCharacter() {
    assertTrue(Uscc.isValid("12370102MB0000017P"));
    assertTrue(Uscc.isValid("91110000600037341L"));
    assertTrue(Uscc.problem("12370102MB0000018P").isPresent());
    assertTrue(Uscc.problem("12370102MB000001").isPresent());
  }
}
