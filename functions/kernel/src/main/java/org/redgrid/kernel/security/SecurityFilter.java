package org.redgrid.kernel.security;

import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ResourceInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.redgrid.kernel.problem.ProblemException;

/**
 * The first of the two halves of access control, run before every resource method: the caller must be
 * authenticated (401) and hold some role carrying the method's {@link Secured} permission (403). A method
 * without {@link Secured} is refused outright. The second half, grid scope, is {@link Guard}.
 */
public class SecurityFilter {

    @Inject
    CallerContext callers;

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public void authorize(ResourceInfo resource) {
        Secured secured = resource.getResourceMethod() == null ? null
                : resource.getResourceMethod().getAnnotation(Secured.class);
        if (secured == null) {
            throw ProblemException.forbidden("该接口未声明访问权限，已拒绝");
        }
        Caller caller = callers.caller().orElseThrow(ProblemException::unauthenticated);
        if (!Secured.SIGNED_IN.equals(secured.value()) && !caller.has(secured.value())) {
            throw ProblemException.forbidden("您的角色无权执行此操作");
        }
    }
}
