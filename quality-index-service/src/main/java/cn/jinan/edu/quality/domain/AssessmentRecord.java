package cn.jinan.edu.quality.domain;

import cn.jinan.edu.platform.data.imports.ImportConflict;
import cn.jinan.edu.platform.ids.Uscc;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One pseudonymous assessment record as a CSV line carries it, checked field by field, and its line
 * for PostgreSQL's COPY. Plain Java: the rules are unit-tested without a database.
 */
public record AssessmentRecord(
    String studentKey,
    String schoolUscc,
    String districtCode,
    String grade,
    String subject,
    int year,
    BigDecimal priorScore,
    BigDecimal currentScore,
    boolean specialNeeds,
    String classId) {

  public static final List<String> REQUIRED_COLUMNS =
      List.of(
          "studentKey", "schoolUscc", "districtCode", "grade", "subject", "year", "currentScore");
  public static final List<String> OPTIONAL_COLUMNS =
      List.of("priorScore", "specialNeeds", "classId");

  /** The COPY target, in the order of {@link #appendCopyLine}. */
  public static final String COPY_SQL =
      "COPY assessment_record (batch_id, student_key, school_uscc, district_code, grade, subject,"
          + " year, prior_score, current_score, special_needs, class_id) FROM STDIN WITH (FORMAT"
          + " csv)";

  private static final BigDecimal MAX_SCORE = new BigDecimal("999999");
  private static final Set<String> TRUE_WORDS = Set.of("true", "1", "是");
  private static final Set<String> FALSE_WORDS = Set.of("false", "0", "否");

  /** Where each column sits in a file, resolved once from its header (-1: absent). */
  public record Layout(
      int key,
      int uscc,
      int district,
      int grade,
      int subject,
      int year,
      int prior,
      int current,
      int special,
      int classId) {

    /** The layout of a header; the caller has checked {@link #missing} first. */
    public static Layout of(List<String> header) {
      Map<String, Integer> at = new HashMap<>();
      for (int i = 0; i < header.size(); i++) {
        at.put(header.get(i).trim(), i);
      }
      return new Layout(
          at.getOrDefault("studentKey", -1),
          at.getOrDefault("schoolUscc", -1),
          at.getOrDefault("districtCode", -1),
          at.getOrDefault("grade", -1),
          at.getOrDefault("subject", -1),
          at.getOrDefault("year", -1),
          at.getOrDefault("priorScore", -1),
          at.getOrDefault("currentScore", -1),
          at.getOrDefault("specialNeeds", -1),
          at.getOrDefault("classId", -1));
    }

    /** The required columns the header lacks. */
    public static List<String> missing(List<String> header) {
      List<String> names = header.stream().map(String::trim).toList();
      return REQUIRED_COLUMNS.stream().filter(c -> !names.contains(c)).toList();
    }
  }

  /**
   * Reads line {@code row}; every refused field is added to {@code errors} and the answer is null
   * when there is any.
   */
  public static AssessmentRecord read(
      List<String> r, Layout at, Set<String> units, long row, List<ImportConflict> errors) {
    int before = errors.size();
    String key = cell(r, at.key());
    StudentKey.problem(key)
        .ifPresent(p -> errors.add(ImportConflict.invalid(row, "studentKey", p)));
    String uscc = cell(r, at.uscc());
    Uscc.problem(uscc).ifPresent(p -> errors.add(ImportConflict.invalid(row, "schoolUscc", p)));
    String district = cell(r, at.district());
    if (!units.contains(district)) {
      errors.add(ImportConflict.invalid(row, "districtCode", "不是已知的区县代码 (not a known unit)"));
    }
    String grade = label(r, at.grade(), 16, row, "grade", "年级必填，最长16字", errors);
    String subject = label(r, at.subject(), 32, row, "subject", "科目必填，最长32字", errors);
    int year = year(cell(r, at.year()), row, errors);
    BigDecimal prior = score(cell(r, at.prior()), false, row, "priorScore", errors);
    BigDecimal current = score(cell(r, at.current()), true, row, "currentScore", errors);
    String special = cell(r, at.special()).toLowerCase(Locale.ROOT);
    if (!special.isEmpty() && !TRUE_WORDS.contains(special) && !FALSE_WORDS.contains(special)) {
      errors.add(
          ImportConflict.invalid(row, "specialNeeds", "应为 true/false (true, false, 1, 0, 是, 否)"));
    }
    String classId = cell(r, at.classId());
    if (classId.length() > 32) {
      errors.add(ImportConflict.invalid(row, "classId", "班级最长32字 (at most 32 characters)"));
    } else if (classId.codePoints().anyMatch(Character::isISOControl)) {
      errors.add(ImportConflict.invalid(row, "classId", "含控制字符 (control characters)"));
    }
    if (errors.size() > before) {
      return null;
    }
    return new AssessmentRecord(
        key,
        uscc,
        district,
        grade,
        subject,
        year,
        prior,
        current,
        TRUE_WORDS.contains(special),
        classId);
  }

  /** Appends the record's COPY line (CSV format) for the batch. */
  public void appendCopyLine(StringBuilder out, long batchId) {
    out.append(batchId).append(',');
    quoted(out, studentKey).append(',');
    out.append(schoolUscc).append(',').append(districtCode).append(',');
    quoted(out, grade).append(',');
    quoted(out, subject).append(',');
    out.append(year).append(',');
    out.append(priorScore == null ? "" : priorScore.toPlainString()).append(',');
    out.append(currentScore.toPlainString()).append(',');
    out.append(specialNeeds ? 't' : 'f').append(',');
    if (!classId.isEmpty()) {
      quoted(out, classId);
    }
    out.append('\n');
  }

  private static String label(
      List<String> r,
      int at,
      int maxLength,
      long row,
      String field,
      String rule,
      List<ImportConflict> errors) {
    String v = cell(r, at);
    if (v.isEmpty() || v.length() > maxLength || v.indexOf('|') >= 0) {
      errors.add(
          ImportConflict.invalid(row, field, rule + " (1–" + maxLength + " characters, no |)"));
    }
    return v;
  }

  private static int year(String text, long row, List<ImportConflict> errors) {
    try {
      int year = Integer.parseInt(text);
      if (year >= 2000 && year <= 2100) {
        return year;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    errors.add(ImportConflict.invalid(row, "year", "年度应为2000–2100 (a year between 2000 and 2100)"));
    return 0;
  }

  private static BigDecimal score(
      String text, boolean required, long row, String field, List<ImportConflict> errors) {
    if (text.isEmpty()) {
      if (required) {
        errors.add(ImportConflict.invalid(row, field, "分数必填 (required)"));
      }
      return null;
    }
    try {
      BigDecimal v = new BigDecimal(text);
      if (v.signum() < 0
          || v.compareTo(MAX_SCORE) > 0
          || (v.scale() > 3 && v.stripTrailingZeros().scale() > 3)) {
        errors.add(
            ImportConflict.invalid(
                row, field, "分数应在0–999999之间，最多3位小数 (0–999999, at most 3 decimals)"));
        return null;
      }
      return v;
    } catch (NumberFormatException e) {
      errors.add(ImportConflict.invalid(row, field, "不是数值 (not a number: '" + text + "')"));
      return null;
    }
  }

  private static String cell(List<String> r, int i) {
    return i < 0 || i >= r.size() ? "" : r.get(i).trim();
  }

  private static StringBuilder quoted(StringBuilder out, String s) {
    out.append('"');
    if (s.indexOf('"') < 0) {
      return out.append(s).append('"');
    }
    return out.append(s.replace("\"", "\"\"")).append('"');
  }
}
