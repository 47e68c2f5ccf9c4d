package org.redgrid.kernel.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A refusal the caller can act on. Carries the HTTP status, a stable code (UPPER_SNAKE), a zh-CN title and
 * detail, and field errors for validation failures. Mapped to problem+json by {@link ProblemMappers}.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String code;
    private final String title;
    private final List<FieldError> errors;
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    public ProblemException(int status, String code, String title, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public ProblemException(int status, String code, String title, String detail) {
        this(status, code, title, detail, List.of());
    }

    public static ProblemException badRequest(String code, String detail) {
        return new ProblemException(400, code, "请求有误", detail);
    }

    public static ProblemException invalid(List<FieldError> errors) {
        return new ProblemException(400, "VALIDATION_FAILED", "请求内容未通过校验", "请按字段提示修改后重试", errors);
    }

    public static ProblemException invalidField(String field, String code, String message) {
        return invalid(List.of(new FieldError(field, code, message)));
    }

    public static ProblemException unauthenticated() {
        return new ProblemException(401, "UNAUTHENTICATED", "未登录", "请先登录后再访问");
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "FORBIDDEN", "无权访问", detail);
    }

    public static ProblemException outOfScope() {
        return new ProblemException(403, "OUT_OF_SCOPE", "超出管辖范围", "该对象不在您所管辖的网格范围内");
    }

    public static ProblemException notFound(String code, String detail) {
        return new ProblemException(404, code, "对象不存在", detail);
    }

    public static ProblemException conflict(String code, String detail) {
        return new ProblemException(409, code, "操作冲突", detail);
    }

    /** Adds an extension member to the problem body, e.g. the id of the record a conflict is with. */
    public ProblemException with(String member, Object value) {
        extensions.put(member, value);
        return this;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
