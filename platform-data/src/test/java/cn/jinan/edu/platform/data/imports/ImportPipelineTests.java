package cn.jinan.edu.platform.data.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinan.edu.platform.problem.ProblemException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pipeline over an in-memory store of code → name, with one code the caller may not change. */
class ImportPipelineTests {
  record Item(String code, String name) {}

  final Map<String, String> store = new HashMap<>(Map.of("A", "alpha", "B", "beta", "X", "xeno"));
  final List<String> written = new ArrayList<>();

  final ImportPipeline.Steps<Item, String, String> steps =
      new ImportPipeline.Steps<>() {
        @Override
        public String check(ImportRow<Item> row, List<ImportConflict> conflicts) {
          if (row.value().name() == null || row.value().name().isBlank()) {
            conflicts.add(ImportConflict.invalid(row.number(), "name", "名称必填 (required)"));
            return null;
          }
          return row.value().code();
        }

        @Override
        public String keyField() {
          return "code";
        }

        @Override
        public Map<String, String> existing(Collection<String> keys) {
          Map<String, String> found = new HashMap<>();
          keys.stream().filter(store::containsKey).forEach(k -> found.put(k, store.get(k)));
          return found;
        }

        @Override
        public ImportConflict refuseChange(ImportRow<Item> row, String current) {
          return row.value().code().equals("X")
              ? new ImportConflict(row.number(), "code", ImportConflict.FORBIDDEN, "无权 (no)")
              : null;
        }

        @Override
        public boolean unchanged(Item value, String current) {
          return value.name().equals(current);
        }

        @Override
        public void write(
            List<ImportRow<Item>> creates, List<ImportPipeline.Update<Item, String>> updates) {
          creates.forEach(r -> written.add("create " + r.value().code()));
          updates.forEach(u -> written.add("update " + u.row().value().code()));
        }
      };

  List<ImportRow<Item>> rows(Item... items) {
    List<ImportRow<Item>> rows = new ArrayList<>();
    for (int i = 0; i < items.length; i++) {
      rows.add(new ImportRow<>(i + 1, items[i]));
    }
    return rows;
  }

  @Test
  void partitionsIntoCreateUpdateIgnoreAndReportsConflictsInRowOrder() {
    ImportSummary s =
        new ImportPipeline<>(steps)
            .run(
                rows(
                    new Item("C", "gamma"),
                    new Item("A", "alpha"),
                    new Item("B", "BETA"),
                    new Item("X", "other"),
                    new Item("C", "gamma again"),
                    new Item("D", " ")),
                new ImportMode(false, true));
    assertTrue(s.committed());
    assertEquals(1, s.created());
    assertEquals(1, s.updated());
    assertEquals(1, s.ignored());
    assertEquals(3, s.rejected());
    assertEquals(List.of(4L, 5L, 6L), s.conflicts().stream().map(ImportConflict::row).toList());
    assertEquals(
        List.of("FORBIDDEN", "DUPLICATE", "INVALID"),
        s.conflicts().stream().map(ImportConflict::code).toList());
    assertEquals("code", s.conflicts().get(1).field());
    assertEquals(List.of("create C", "update B"), written);
  }

  @Test
  void aDryRunWritesNothingAndAnswersTheSummary() {
    ImportSummary s =
        new ImportPipeline<>(steps)
            .run(rows(new Item("C", "gamma"), new Item("D", "")), new ImportMode(true, false));
    assertTrue(s.dryRun());
    assertFalse(s.committed());
    assertEquals(1, s.created());
    assertEquals(1, s.rejected());
    assertTrue(written.isEmpty());
  }

  @Test
  void allOrNothingWithAConflictIs422CarryingTheSummaryAndWritesNothing() {
    ProblemException e =
        assertThrows(
            ProblemException.class,
            () ->
                new ImportPipeline<>(steps)
                    .run(
                        rows(new Item("C", "gamma"), new Item("D", "")),
                        new ImportMode(false, false)));
    assertEquals(422, e.status());
    ImportSummary s = (ImportSummary) e.extensions().get("summary");
    assertFalse(s.committed());
    assertEquals(1, s.rejected());
    assertEquals("rows[2].name", e.errors().get(0).field());
    assertTrue(written.isEmpty());
  }

  @Test
  void readErrorsCountAsConflictsOfTheirRow() {
    ImportRow<Item> unreadable =
        new ImportRow<>(
            1, new Item("E", "eps"), List.of(ImportConflict.invalid(1, "code", "不可读 (bad)")));
    ImportSummary s =
        new ImportPipeline<>(steps).run(List.of(unreadable), new ImportMode(false, true));
    assertEquals(0, s.created());
    assertEquals(1, s.rejected());
  }
}
