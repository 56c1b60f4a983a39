package cn.jinan.edu.milestone.domain;

/**
 * Who carries out a task unless the city says otherwise. A task the bureau issues itself (the text
 * starts with 印发, e.g. 印发《…实施方案》) is the city's; every other task is every district's; a 印发 task
 * that also names 区县 (教联体全覆盖) is both. The V2 migration applied the same rule to the document's 37
 * tasks.
 */
public final class DefaultResponsibility {
  private DefaultResponsibility() {}

  public record Units(boolean city, boolean everyDistrict) {}

  public static Units forTask(String textZh) {
    boolean issuedByCity = textZh.startsWith("印发");
    return new Units(issuedByCity, !issuedByCity || textZh.contains("区县"));
  }
}
