package cn.jinan.edu.milestone.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;

/**
 * A target's evaluation (quality-index-service); the fields used here, the contract allows more.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TargetEvaluation(
    String code,
    String nameZh,
    String asOf,
    String deadline,
    String status,
    boolean met,
    BigDecimal currentValue,
    BigDecimal requiredValue,
    double progress,
    String explanation) {}
