package org.redgrid.kernel.audit;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One unmasked read of personal data (个人信息查阅记录): who read which fields of whose record, when and why.
 */
@RegisterForReflection
public record AuditEntry(String subject, String actor, List<String> actorRoles, List<String> fields, String reason,
        String at, String requestId) {
}
