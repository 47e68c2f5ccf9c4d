package org.redgrid.kernel.problem;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One invalid field of a request: where it is (JSON path), a stable code and a zh-CN message. */
@RegisterForReflection
public record FieldError(String field, String code, String message) {
}
