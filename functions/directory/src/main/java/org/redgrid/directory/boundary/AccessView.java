package org.redgrid.directory.boundary;

import java.util.List;
import java.util.Map;

import org.redgrid.kernel.security.Caller;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What the caller may do (我的权限): their grants with role and node names, the permissions the role table gives
 * them, and where they work — the console ("console") or the phone pages ("mobile"). The console builds its menus
 * from {@code permissions}.
 */
@RegisterForReflection
public record AccessView(String username, List<GrantView> grants, List<String> permissions, String home) {

    /** One role held at one node. */
    @RegisterForReflection
    public record GrantView(String role, String roleName, String node, String nodeName) {
    }

    static AccessView of(Caller caller, Map<String, String> nodeNames) {
        List<GrantView> grants = caller.grants().stream()
                .map(g -> new GrantView(g.role().code(), g.role().label(), g.nodeCode(),
                        g.nodeCode() == null ? null : nodeNames.get(g.nodeCode())))
                .toList();
        return new AccessView(caller.username(), grants, List.copyOf(caller.permissions()),
                caller.home().name().toLowerCase());
    }
}
