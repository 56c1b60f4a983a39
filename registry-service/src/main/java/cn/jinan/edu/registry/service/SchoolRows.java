package cn.jinan.edu.registry.service;

import cn.jinan.edu.platform.csv.Csv;
import cn.jinan.edu.platform.data.imports.ImportConflict;
import cn.jinan.edu.platform.data.imports.ImportRow;
import cn.jinan.edu.platform.problem.ProblemException;
import cn.jinan.edu.registry.domain.LocationType;
import cn.jinan.edu.registry.domain.Ownership;
import cn.jinan.edu.registry.domain.SchoolInput;
import cn.jinan.edu.registry.domain.SchoolStage;
import cn.jinan.edu.registry.domain.SchoolStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The rows of a school import as read, numbered from 1 (the first data row): from CSV with a header
 * naming the columns (codes or Chinese terms; stages separated by | or ;), or from a JSON array.
 * What cannot be read of a row is kept with it as an INVALID conflict.
 */
public final class SchoolRows {
  static final List<String> CSV_COLUMNS =
      List.of(
          "uscc",
          "nameZh",
          "districtCode",
          "stages",
          "ownership",
          "locationType",
          "townshipSeat",
          "status");

  private SchoolRows() {}

  public static List<ImportRow<SchoolInput>> fromCsv(String text) {
    List<List<String>> table = Csv.readAll(text);
    if (table.isEmpty()) {
      throw ProblemException.invalid("body", "the CSV file is empty");
    }
    List<String> header = table.get(0).stream().map(String::trim).toList();
    List<String> missing = CSV_COLUMNS.stream().filter(c -> !header.contains(c)).toList();
    if (!missing.isEmpty()) {
      throw ProblemException.invalid(
          "header", "missing columns " + missing + "; expected " + CSV_COLUMNS);
    }
    List<ImportRow<SchoolInput>> rows = new ArrayList<>();
    for (int r = 1; r < table.size(); r++) {
      List<String> cells = table.get(r);
      if (cells.size() == 1 && cells.get(0).isBlank()) {
        continue; // blank line
      }
      Map<String, String> v = new HashMap<>();
      for (int c = 0; c < header.size() && c < cells.size(); c++) {
        v.put(header.get(c), cells.get(c).trim());
      }
      rows.add(row(rows.size() + 1, v));
    }
    return rows;
  }

  public static List<ImportRow<SchoolInput>> fromInputs(List<SchoolInput> inputs) {
    List<ImportRow<SchoolInput>> rows = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      rows.add(new ImportRow<>(i + 1, inputs.get(i)));
    }
    return rows;
  }

  private static ImportRow<SchoolInput> row(long number, Map<String, String> v) {
    List<ImportConflict> errors = new ArrayList<>();
    List<SchoolStage> stages = new ArrayList<>();
    for (String part : v.getOrDefault("stages", "").split("[|;]")) {
      if (!part.isBlank()) {
        SchoolStage.parse(part)
            .ifPresentOrElse(
                stages::add,
                () ->
                    errors.add(
                        ImportConflict.invalid(
                            number, "stages", "未知学段 unknown stage '" + part + "'")));
      }
    }
    Ownership ownership = Ownership.parse(v.get("ownership")).orElse(null);
    if (ownership == null && !v.getOrDefault("ownership", "").isEmpty()) {
      errors.add(ImportConflict.invalid(number, "ownership", "应为 PUBLIC/公办 或 PRIVATE/民办"));
    }
    LocationType location = LocationType.parse(v.get("locationType")).orElse(null);
    if (location == null && !v.getOrDefault("locationType", "").isEmpty()) {
      errors.add(ImportConflict.invalid(number, "locationType", "应为 URBAN/城区, TOWN/镇区 或 RURAL/乡村"));
    }
    String seat = v.getOrDefault("townshipSeat", "").toLowerCase(Locale.ROOT);
    boolean townshipSeat = seat.equals("true") || seat.equals("1") || seat.equals("是");
    if (!seat.isEmpty() && !townshipSeat && !Set.of("false", "0", "否").contains(seat)) {
      errors.add(ImportConflict.invalid(number, "townshipSeat", "应为 true/false"));
    }
    String statusText = v.getOrDefault("status", "").toUpperCase(Locale.ROOT);
    SchoolStatus status = SchoolStatus.OPEN;
    if (statusText.equals("CLOSED") || statusText.equals("停办")) {
      status = SchoolStatus.CLOSED;
    } else if (!statusText.isEmpty() && !statusText.equals("OPEN") && !statusText.equals("在办")) {
      errors.add(ImportConflict.invalid(number, "status", "应为 OPEN/在办 或 CLOSED/停办"));
    }
    SchoolInput input =
        new SchoolInput(
            v.get("uscc"),
            v.get("nameZh"),
            v.get("districtCode"),
            stages,
            ownership,
            location,
            townshipSeat,
            status);
    return new ImportRow<>(number, input, errors);
  }
}
