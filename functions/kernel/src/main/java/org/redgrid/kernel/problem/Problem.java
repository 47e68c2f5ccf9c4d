package org.redgrid.kernel.problem;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An RFC 9457 problem detail (application/problem+json) with RedGrid's extensions: a stable machine
 * {@code code} and, for validation failures, the list of field {@code errors}. Titles are zh-CN.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String code, String instance,
        List<FieldError> errors, @JsonIgnore Map<String, Object> extensions) {

    /** Extension members (RFC 9457 §3.2) appear beside the standard ones, e.g. {@code existingId}. */
    @JsonAnyGetter
    public Map<String, Object> members() {
        return extensions;
    }

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(ProblemException e, String instance) {
        return new Problem("https://redgrid.org/problems/" + e.code().toLowerCase().replace('_', '-'),
                e.title(), e.status(), e.getMessage(), e.code(), instance, e.errors(), e.extensions());
    }
}
