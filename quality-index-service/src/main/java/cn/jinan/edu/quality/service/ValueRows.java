package cn.jinan.edu.quality.service;

import cn.jinan.edu.platform.csv.Csv;
import cn.jinan.edu.platform.data.imports.ImportConflict;
import cn.jinan.edu.platform.data.imports.ImportRow;
import cn.jinan.edu.platform.problem.ProblemException;
import cn.jinan.edu.quality.domain.ValueType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The rows of a value import as read from CSV or JSON; numbers start at 1 (the first data row). */
public final class ValueRows {
  private ValueRows() {}

  static final List<String> CSV_COLUMNS =
      List.of("indicator", "districtCode", "schoolUscc", "period", "value", "source", "comment");
  private static final List<String> REQUIRED =
      List.of("indicator", "districtCode", "period", "value");

  public static List<ImportRow<ValueInput>> ofCsv(String text) {
    List<ImportRow<ValueInput>> rows = new ArrayList<>();
    try {
      Csv csv = new Csv(new BufferedReader(new StringReader(text == null ? "" : text)));
      List<String> names = header(csv.next());
      List<String> r;
      while ((r = csv.next()) != null) {
        if (!Csv.blank(r)) {
          Map<String, String> cells = new HashMap<>();
          for (int c = 0; c < names.size() && c < r.size(); c++) {
            cells.put(names.get(c), r.get(c).trim());
          }
          rows.add(row(rows.size() + 1, cells));
        }
      }
    } catch (IOException e) {
      throw ProblemException.invalid("body", "unreadable CSV: " + e.getMessage());
    }
    return rows;
  }

  public static List<ImportRow<ValueInput>> of(List<ValueInput> inputs) {
    List<ImportRow<ValueInput>> rows = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      rows.add(new ImportRow<>(i + 1, inputs.get(i)));
    }
    return rows;
  }

  private static List<String> header(List<String> header) {
    if (header == null || Csv.blank(header)) {
      throw ProblemException.invalid("body", "the CSV file is empty");
    }
    List<String> names = header.stream().map(String::trim).toList();
    List<String> missing = REQUIRED.stream().filter(c -> !names.contains(c)).toList();
    if (!missing.isEmpty()) {
      throw ProblemException.invalid(
          "header", "missing columns " + missing + "; expected " + CSV_COLUMNS);
    }
    return names;
  }

  private static ImportRow<ValueInput> row(long number, Map<String, String> cell) {
    List<ImportConflict> errors = new ArrayList<>();
    Integer period = null;
    String periodText = cell.getOrDefault("period", "");
    try {
      period = Integer.valueOf(periodText);
    } catch (NumberFormatException e) {
      errors.add(
          ImportConflict.invalid(number, "period", "应为年份 (an ISO year, got '" + periodText + "')"));
    }
    String valueText = cell.getOrDefault("value", "");
    BigDecimal value = ValueType.parse(valueText).orElse(null);
    if (value == null && !valueText.isBlank()) {
      errors.add(
          ImportConflict.invalid(number, "value", "不是数值 (not a number: '" + valueText + "')"));
    }
    ValueInput in =
        new ValueInput(
            cell.get("indicator"),
            cell.get("districtCode"),
            cell.get("schoolUscc"),
            period,
            value,
            cell.get("source"),
            cell.get("comment"));
    return new ImportRow<>(number, in, errors);
  }
}
