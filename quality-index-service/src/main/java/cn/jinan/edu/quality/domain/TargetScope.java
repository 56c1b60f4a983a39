package cn.jinan.edu.quality.domain;

/** 全市 (the city as a whole) or 各区县 (every district on its own). */
public enum TargetScope {
  CITY,
  EACH_DISTRICT
}
