package cn.jinan.edu.registry.domain;

/** One broken rule, naming the field it concerns. */
public record Violation(String field, String message) {}
