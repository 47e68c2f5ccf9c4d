package org.redgrid.kernel.security;

/** What a role lets its holder do inside the grid subtree where the role is held. */
public enum Permission {
    /** See the grid tree: nodes, children, subtree, path, locate. */
    TREE_READ,
    /** Create, rename, move, retire and delete grid nodes. */
    TREE_WRITE,
    /** See people, households and partner units (personal data masked). */
    PEOPLE_READ,
    /** Register and edit people, households, positions and partner units. */
    PEOPLE_WRITE,
    /** Read a phone number unmasked (audited). */
    REVEAL_PHONE,
    /** Read an ID number unmasked (audited). */
    REVEAL_ID_NUMBER,
    /** Read the audit trail of unmasked reads. */
    AUDIT_READ,
    /** Read one's own records (residents). */
    SELF_READ
}
