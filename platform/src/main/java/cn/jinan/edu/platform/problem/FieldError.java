package cn.jinan.edu.platform.problem;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One invalid input: which field (JSON path or parameter name) and why. */
@Schema(
    name = "FieldError",
    description = "字段错误 One invalid field and the reason it was refused",
    extensions = @Extension(name = "x-jinan-shared", value = "true", parseValue = true))
public record FieldError(
    @Schema(description = "字段路径 JSON path or parameter name", example = "members[0].uscc")
        String field,
    @Schema(description = "原因 Reason", example = "统一社会信用代码校验位错误 (wrong check character)")
        String message) {}
