package org.redgrid.kernel.security;

import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.redgrid.kernel.problem.ProblemException;

/**
 * Grid scope (管辖范围), the one place that decides whether the caller may act on a node of the grid tree.
 * Services call it with the materialized path ("/D01/S01/C01/G01/") of what they are about to read or change.
 */
@ApplicationScoped
public class Guard {

    @Inject
    CallerContext callers;

    public Caller caller() {
        return callers.caller().orElseThrow(ProblemException::unauthenticated);
    }

    /** Refuses (403) unless a grant carrying {@code permission} covers the node at {@code path}. */
    public void require(String permission, String path) {
        if (!may(permission, path)) {
            throw ProblemException.outOfScope();
        }
    }

    /** Refuses (403) unless some of {@code paths} is covered (e.g. a person's home or any of their posts). */
    public void requireAny(String permission, Collection<String> paths) {
        if (paths.stream().noneMatch(p -> may(permission, p))) {
            throw ProblemException.outOfScope();
        }
    }

    public boolean may(String permission, String path) {
        return caller().covers(permission, path);
    }

    /** Refuses (403) unless the caller holds {@code permission} anywhere; for checks that depend on the role alone. */
    public void requireRole(String permission) {
        if (!caller().has(permission)) {
            throw ProblemException.forbidden("您的角色无权执行此操作");
        }
    }

    public List<String> roots(String permission) {
        return caller().roots(permission);
    }

    public String requestId() {
        return callers.requestId();
    }
}
