package cn.jinan.edu.registry.domain;

import java.util.Arrays;
import java.util.Optional;

/** 办学性质 public (公办) or private (民办). */
public enum Ownership {
  PUBLIC("公办"),
  PRIVATE("民办");

  public final String labelZh;

  Ownership(String labelZh) {
    this.labelZh = labelZh;
  }

  public static Optional<Ownership> parse(String text) {
    String t = text == null ? "" : text.trim();
    return Arrays.stream(values())
        .filter(s -> s.name().equalsIgnoreCase(t) || s.labelZh.equals(t))
        .findFirst();
  }
}
