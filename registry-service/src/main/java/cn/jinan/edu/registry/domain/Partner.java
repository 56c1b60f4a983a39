package cn.jinan.edu.registry.domain;

/** 合作方 a partner that is not a school, e.g. a university: name, optional USCC, its role. */
public record Partner(String name, String uscc, String role) {}
