package org.redgrid.kernel.security;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import static org.redgrid.kernel.security.Permission.*;

/**
 * An access role (角色), held at a node of the grid tree and carried in the token as a group/role claim
 * {@code <code>@<node>}, e.g. {@code community-admin@C0101}. A resident's role is held without a node.
 */
public enum Role {
    /** 区级管理员 */
    DISTRICT_ADMIN("district-admin", EnumSet.of(TREE_READ, TREE_WRITE, PEOPLE_READ, PEOPLE_WRITE, REVEAL_PHONE, REVEAL_ID_NUMBER, AUDIT_READ)),
    /** 街道管理员 */
    STREET_ADMIN("street-admin", EnumSet.of(TREE_READ, TREE_WRITE, PEOPLE_READ, PEOPLE_WRITE, REVEAL_PHONE, REVEAL_ID_NUMBER, AUDIT_READ)),
    /** 社区管理员 */
    COMMUNITY_ADMIN("community-admin", EnumSet.of(TREE_READ, TREE_WRITE, PEOPLE_READ, PEOPLE_WRITE, REVEAL_PHONE, REVEAL_ID_NUMBER, AUDIT_READ)),
    /** 网格长 */
    GRID_LEADER("grid-leader", EnumSet.of(TREE_READ, PEOPLE_READ, PEOPLE_WRITE, REVEAL_PHONE)),
    /** 网格员 */
    GRID_WORKER("grid-worker", EnumSet.of(TREE_READ, PEOPLE_READ, PEOPLE_WRITE, REVEAL_PHONE)),
    /** 党员 */
    PARTY_MEMBER("party-member", EnumSet.of(TREE_READ)),
    /** 居民 */
    RESIDENT("resident", EnumSet.of(SELF_READ));

    private final String code;
    private final Set<Permission> permissions;

    Role(String code, Set<Permission> permissions) {
        this.code = code;
        this.permissions = permissions;
    }

    public String code() {
        return code;
    }

    public boolean allows(Permission permission) {
        return permissions.contains(permission);
    }

    /** Roles other than resident are only meaningful when held at a node. */
    public boolean heldAtNode() {
        return this != RESIDENT;
    }

    public static Optional<Role> ofCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }
}
