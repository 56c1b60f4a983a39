package cn.jinan.edu.platform.rest;

import java.time.Instant;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "当前调用者 The caller as this service sees it, for debugging tokens")
public record MeResponse(
    @Schema(description = "主体 Token subject (sub)", example = "5b0c7d1e-reviewer-370102")
        String subject,
    @Schema(description = "客户端 Client id (azp or client_id)", example = "district-portal")
        String clientId,
    @Schema(
            description = "签发者 Token issuer (iss)",
            example = "https://sso.example.gov.cn/realms/edu")
        String issuer,
    @Schema(description = "角色 Roles the service recognised", example = "[\"district-reviewer\"]")
        Set<String> roles,
    @Schema(description = "区县代码 district_code claim (GB/T 2260)", example = "370102")
        String districtCode,
    @Schema(description = "学校统一社会信用代码 school_code claim (USCC)", example = "12370102MB0000017P")
        String schoolCode,
    @Schema(description = "过期时间 Token expiry", example = "2026-11-28T10:15:30Z")
        Instant expiresAt) {}
