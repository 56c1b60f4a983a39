package cn.jinan.edu.registry.domain;

import java.util.Arrays;
import java.util.Optional;

/** 学段 the stages a school runs. */
public enum SchoolStage {
  KINDERGARTEN("幼儿园"),
  PRIMARY("小学"),
  JUNIOR("初中"),
  SENIOR("高中"),
  NINE_YEAR("九年一贯制"),
  TWELVE_YEAR("十二年一贯制"),
  SPECIAL("特殊教育"),
  VOCATIONAL("中职");

  public final String labelZh;

  SchoolStage(String labelZh) {
    this.labelZh = labelZh;
  }

  /** Accepts the code (PRIMARY) or the Chinese term (小学), as imports use either. */
  public static Optional<SchoolStage> parse(String text) {
    String t = text == null ? "" : text.trim();
    return Arrays.stream(values())
        .filter(s -> s.name().equalsIgnoreCase(t) || s.labelZh.equals(t))
        .findFirst();
  }
}
