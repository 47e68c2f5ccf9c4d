package org.redgrid.kernel.security;

import java.util.Optional;

/**
 * One role held at one grid node (一人多岗: a caller may hold several). Written {@code role@NODE} in tokens;
 * a resident's grant is written {@code resident}.
 */
public record Grant(Role role, String nodeCode) {

    /** Parses one group/role value; values that name no RedGrid role (other apps' groups) are ignored. */
    public static Optional<Grant> parse(String value) {
        int at = value.indexOf('@');
        String roleCode = at < 0 ? value : value.substring(0, at);
        String node = at < 0 ? null : value.substring(at + 1);
        return Role.ofCode(roleCode)
                .filter(role -> role.heldAtNode() == (node != null && !node.isBlank()))
                .map(role -> new Grant(role, node));
    }

    /** Whether this grant covers a node whose materialized path ("/D01/S01/C01/") is given. */
    public boolean covers(String path) {
        return nodeCode != null && path != null && path.contains("/" + nodeCode + "/");
    }

    @Override
    public String toString() {
        return nodeCode == null ? role.code() : role.code() + "@" + nodeCode;
    }
}
