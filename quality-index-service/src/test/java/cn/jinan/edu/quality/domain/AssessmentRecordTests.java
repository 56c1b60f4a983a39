package cn.jinan.edu.quality.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import cn.jinan.edu.platform.data.imports.ImportConflict;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AssessmentRecordTests {
  private static final List<String> HEADER =
      List.of(
          "schoolUscc", "studentKey", "districtCode", "grade", "subject", "year", "currentScore");
  private static final AssessmentRecord.Layout LAYOUT = AssessmentRecord.Layout.of(HEADER);
  private static final Set<String> UNITS = Set.of("370102");

  @Test
  void aValidLineBecomesOneCopyLineWhateverTheColumnOrder() {
    List<ImportConflict> errors = new ArrayList<>();
    AssessmentRecord r =
        AssessmentRecord.read(
            List.of(
                "12370102MB0000017P", "h0123456789abcdef", "370102", "9", "数\"学", "2026", "80.5"),
            LAYOUT,
            UNITS,
            1,
            errors);
    assertNotNull(r);
    assertEquals(List.of(), errors);
    StringBuilder out = new StringBuilder();
    r.appendCopyLine(out, 7);
    assertEquals(
        "7,\"h0123456789abcdef\",12370102MB0000017P,370102,\"9\",\"数\"\"学\",2026,,80.5,f,\n",
        out.toString());
  }

  @Test
  void everyRefusedFieldIsReportedWithItsRow() {
    List<ImportConflict> errors = new ArrayList<>();
    AssessmentRecord r =
        AssessmentRecord.read(
            List.of("bad", "张三", "999999", "", "数学", "1999", "-1"), LAYOUT, UNITS, 4, errors);
    assertNull(r);
    assertEquals(
        List.of("studentKey", "schoolUscc", "districtCode", "grade", "year", "currentScore"),
        errors.stream().map(ImportConflict::field).toList());
    errors.forEach(e -> assertEquals(4, e.row()));
    errors.forEach(e -> assertEquals(ImportConflict.INVALID, e.code()));
  }

  @Test
  void aHeaderWithoutRequiredColumnsNamesThem() {
    assertEquals(
        List.of("year", "currentScore"),
        AssessmentRecord.Layout.missing(
            List.of("studentKey", "schoolUscc", "districtCode", "grade", "subject")));
  }
}
