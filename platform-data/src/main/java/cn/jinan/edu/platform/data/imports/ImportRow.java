package cn.jinan.edu.platform.data.imports;

import java.util.List;

/**
 * One row of an import file as read: its number (1 = first data row), the value, and what could not
 * be read of it (those fields are reported once, not again by later checks).
 */
public record ImportRow<R>(long number, R value, List<ImportConflict> readErrors) {
  public ImportRow(long number, R value) {
    this(number, value, List.of());
  }
}
