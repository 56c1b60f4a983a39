package cn.jinan.edu.platform.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 records read one at a time from a reader (quoted fields may span lines; doubled quotes;
 * CRLF or LF; a leading BOM is skipped), so a large file is never held in memory.
 */
public final class Csv {
  private final BufferedReader in;
  private boolean first = true;
  private long line;

  public Csv(BufferedReader in) {
    this.in = in;
  }

  /** Physical line number where the last record ended (1-based). */
  public long line() {
    return line;
  }

  /** The next record, or null at the end. */
  public List<String> next() throws IOException {
    String text = in.readLine();
    if (text == null) {
      return null;
    }
    line++;
    if (first) {
      first = false;
      if (text.startsWith("\uFEFF")) {
        text = text.substring(1);
      }
    }
    if (text.indexOf('"') < 0) {
      return unquoted(text); // the common case, split without copying character by character
    }
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    int i = 0;
    while (true) {
      if (i >= text.length()) {
        if (quoted) {
          String more = in.readLine();
          if (more == null) {
            break; // unterminated quote: keep what we have
          }
          line++;
          field.append('\n');
          text = more;
          i = 0;
          continue;
        }
        break;
      }
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          field.append(c);
        }
      } else if (c == '"' && field.length() == 0) {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
      i++;
    }
    fields.add(field.toString());
    return fields;
  }

  private static List<String> unquoted(String text) {
    List<String> fields = new ArrayList<>(12);
    int from = 0;
    int comma;
    while ((comma = text.indexOf(',', from)) >= 0) {
      fields.add(text.substring(from, comma));
      from = comma + 1;
    }
    fields.add(text.substring(from));
    return fields;
  }

  /** True for a record that is one empty field (a blank line). */
  public static boolean blank(List<String> record) {
    return record.size() == 1 && record.get(0).isBlank();
  }

  /** One field for writing: quoted when it holds a comma, quote or line break. */
  public static String field(String value) {
    if (value == null) {
      return "";
    }
    // A leading =, +, - or @ would make a spreadsheet run the cell as a formula.
    String v = value;
    if (!v.isEmpty() && "=+@".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    if (v.indexOf(',') >= 0
        || v.indexOf('"') >= 0
        || v.indexOf('\n') >= 0
        || v.indexOf('\r') >= 0) {
      return '"' + v.replace("\"", "\"\"") + '"';
    }
    return v;
  }

  /** All records of a text already in memory (small uploads). */
  public static List<List<String>> readAll(String text) {
    Csv csv = new Csv(new BufferedReader(new java.io.StringReader(text)));
    List<List<String>> rows = new java.util.ArrayList<>();
    try {
      for (List<String> r = csv.next(); r != null; r = csv.next()) {
        rows.add(r);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e); // a StringReader does not fail
    }
    return rows;
  }
}
