package cn.jinan.edu.registry.domain;

import java.util.Arrays;
import java.util.Optional;

/** 城乡分类 where a school is: 城区, 镇区 (possibly a township seat 乡镇驻地) or 乡村. */
public enum LocationType {
  URBAN("城区"),
  TOWN("镇区"),
  RURAL("乡村");

  public final String labelZh;

  LocationType(String labelZh) {
    this.labelZh = labelZh;
  }

  public static Optional<LocationType> parse(String text) {
    String t = text == null ? "" : text.trim();
    return Arrays.stream(values())
        .filter(s -> s.name().equalsIgnoreCase(t) || s.labelZh.equals(t))
        .findFirst();
  }
}
