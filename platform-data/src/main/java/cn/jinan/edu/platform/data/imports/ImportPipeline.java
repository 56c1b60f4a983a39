package cn.jinan.edu.platform.data.imports;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The suite's one import pipeline: check every row, drop duplicates of an earlier row, look up what
 * exists, partition the rest into create / update / ignore, then write (or not: dry run,
 * all-or-nothing) and answer with one {@link ImportSummary}. Each import supplies its {@link
 * Steps}; the pipeline owns the order, the counting and the write decision.
 *
 * @param <R> a row's value
 * @param <K> what identifies the record a row writes (a USCC, an indicator/subject/period)
 * @param <E> the stored record
 */
public final class ImportPipeline<R, K, E> {
  private final Steps<R, K, E> steps;

  public ImportPipeline(Steps<R, K, E> steps) {
    this.steps = steps;
  }

  /** What an import decides; the pipeline calls them in this order. */
  public interface Steps<R, K, E> {
    /**
     * Checks one row on its own (fields, references, the caller's scope), adding conflicts; the
     * row's read errors are already in {@code conflicts}. Returns the row's key, or null when the
     * row is refused.
     */
    K check(ImportRow<R> row, List<ImportConflict> conflicts);

    /** The field a duplicate is reported under. */
    String keyField();

    /** The stored records for these keys (those that exist). */
    Map<K, E> existing(Collection<K> keys);

    /** A conflict when this row may not change the stored record, else null. */
    default ImportConflict refuseChange(ImportRow<R> row, E current) {
      return null;
    }

    /** Whether the row would change nothing. */
    boolean unchanged(R value, E current);

    /** Writes the valid rows, in the caller's transaction. */
    void write(List<ImportRow<R>> creates, List<Update<R, E>> updates);
  }

  /** A row that changes a stored record. */
  public record Update<R, E>(ImportRow<R> row, E current) {}

  /** Runs the import; see {@link ImportMode#answer} for what an all-or-nothing failure answers. */
  public ImportSummary run(List<ImportRow<R>> rows, ImportMode mode) {
    List<ImportConflict> conflicts = new ArrayList<>();
    Map<K, ImportRow<R>> valid = checkAll(rows, conflicts);
    Map<K, E> existing = steps.existing(valid.keySet());
    List<ImportRow<R>> creates = new ArrayList<>();
    List<Update<R, E>> updates = new ArrayList<>();
    long ignored = 0;
    for (Map.Entry<K, ImportRow<R>> e : valid.entrySet()) {
      ImportRow<R> row = e.getValue();
      E current = existing.get(e.getKey());
      if (current == null) {
        creates.add(row);
        continue;
      }
      ImportConflict refused = steps.refuseChange(row, current);
      if (refused != null) {
        conflicts.add(refused);
      } else if (steps.unchanged(row.value(), current)) {
        ignored++;
      } else {
        updates.add(new Update<>(row, current));
      }
    }
    conflicts.sort(Comparator.comparingLong(ImportConflict::row));
    boolean write = mode.writes(conflicts);
    if (write) {
      steps.write(creates, updates);
    }
    return mode.answer(
        ImportSummary.of(mode, write, creates.size(), updates.size(), ignored, conflicts));
  }

  private Map<K, ImportRow<R>> checkAll(List<ImportRow<R>> rows, List<ImportConflict> conflicts) {
    Map<K, ImportRow<R>> valid = new LinkedHashMap<>();
    List<ImportConflict> rowConflicts = new ArrayList<>();
    for (ImportRow<R> row : rows) {
      rowConflicts.clear();
      rowConflicts.addAll(row.readErrors());
      K key = steps.check(row, rowConflicts);
      if (key != null && rowConflicts.isEmpty()) {
        ImportRow<R> earlier = valid.putIfAbsent(key, row);
        if (earlier != null) {
          rowConflicts.add(duplicate(row.number(), earlier.number()));
        }
      }
      conflicts.addAll(rowConflicts);
    }
    return valid;
  }

  private ImportConflict duplicate(long row, long earlier) {
    return new ImportConflict(
        row,
        steps.keyField(),
        ImportConflict.DUPLICATE,
        "与第" + earlier + "行重复 (duplicate of an earlier row)");
  }
}
