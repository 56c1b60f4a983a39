package cn.jinan.edu.registry.domain;

/**
 * 备案编号 the filing number: 济教集备〔2025〕0001号, with the ASCII form JJJB-2025-0001 for systems that
 * cannot take Chinese. Unique per year, consecutive without gaps.
 */
public record FilingNumber(int year, int sequence) {
  public FilingNumber {
    if (sequence < 1 || sequence > 9999) {
      throw new IllegalArgumentException("sequence out of range: " + sequence);
    }
  }

  public String display() {
    return String.format("济教集备〔%d〕%04d号", year, sequence);
  }

  public String ascii() {
    return String.format("JJJB-%d-%04d", year, sequence);
  }

  /** Accepts either form. */
  public static java.util.Optional<FilingNumber> parse(String text) {
    if (text == null) {
      return java.util.Optional.empty();
    }
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("^(?:济教集备〔(\\d{4})〕(\\d{4})号|JJJB-(\\d{4})-(\\d{4}))$")
            .matcher(text.trim());
    if (!m.matches()) {
      return java.util.Optional.empty();
    }
    String y = m.group(1) != null ? m.group(1) : m.group(3);
    String s = m.group(2) != null ? m.group(2) : m.group(4);
    int seq = Integer.parseInt(s);
    return seq < 1
        ? java.util.Optional.empty()
        : java.util.Optional.of(new FilingNumber(Integer.parseInt(y), seq));
  }
}
