package cn.jinan.edu.platform.data;

import java.time.OffsetDateTime;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
    name = "AuditEntry",
    description = "审计记录 One entry of the append-only audit trail",
    extensions = @Extension(name = "x-jinan-shared", value = "true", parseValue = true))
public record AuditView(
    @Schema(description = "序号 entry id, also the paging cursor", example = "12") long id,
    @Schema(description = "时间 when", example = "2025-11-20T10:15:30+08:00") OffsetDateTime at,
    @Schema(description = "对象类型 entity type", example = "registration") String entityType,
    @Schema(description = "对象 entity id", example = "1") String entityId,
    @Schema(description = "操作 action", example = "approve") String action,
    @Schema(description = "操作人 actor", example = "reviewer-370102") String actor,
    @Schema(description = "角色 role acted in", example = "district-reviewer") String actorRole,
    @Schema(description = "操作人区县 actor's district claim", example = "370102") String actorDistrict,
    @Schema(description = "操作人学校 actor's school claim", example = "12370102MB0000017P")
        String actorSchool,
    @Schema(description = "客户端 client id", example = "district-portal") String clientId,
    @Schema(description = "原状态 from state", example = "SUBMITTED") String fromState,
    @Schema(description = "新状态 to state", example = "DISTRICT_APPROVED") String toState,
    @Schema(description = "意见 comment", example = "同意") String comment,
    @Schema(description = "请求编号 request id", example = "c0a8012e-5f1b-4c1e-9a0b-1f2e3d4c5b6a")
        String requestId,
    @Schema(description = "字段变化 changed fields: {field: {before, after}}")
        Map<String, Object> changes) {}
