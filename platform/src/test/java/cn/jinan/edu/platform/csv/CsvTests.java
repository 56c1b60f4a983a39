package cn.jinan.edu.platform.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTests {
  @Test
  void readsQuotesCommasAndLineEndings() {
    assertEquals(
        List.of(List.of("a", "b,c", "say \"hi\""), List.of("1", "", "3")),
        Csv.readAll("\uFEFFa,\"b,c\",\"say \"\"hi\"\"\"\r\n1,,3\n"));
    assertEquals(List.of(List.of("x")), Csv.readAll("x"));
  }
}
