package cn.jinan.edu.registry.domain;

/** 办学状态 open (在办) or closed (停办). */
public enum SchoolStatus {
  OPEN,
  CLOSED
}
