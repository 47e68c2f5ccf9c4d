package org.redgrid.directory.entity;

import java.util.Set;

/** Level of a node in the grid tree (网格层级): 区 → 街道 → 社区 → 网格/专属网格 → 楼栋(微网格). */
public enum NodeLevel {
    /** 区 */
    DISTRICT("区", Set.of()),
    /** 街道 */
    STREET("街道", Set.of("DISTRICT")),
    /** 社区 */
    COMMUNITY("社区", Set.of("STREET")),
    /** 网格 */
    GRID("网格", Set.of("COMMUNITY")),
    /** 专属网格: a school, mall or hospital attached to a community */
    SPECIAL_GRID("专属网格", Set.of("COMMUNITY")),
    /** 楼栋 / 微网格 */
    BUILDING("楼栋/微网格", Set.of("GRID", "SPECIAL_GRID"));

    private final String label;
    private final Set<String> parents;

    NodeLevel(String label, Set<String> parents) {
        this.label = label;
        this.parents = parents;
    }

    public String label() {
        return label;
    }

    public boolean isRoot() {
        return parents.isEmpty();
    }

    public boolean fitsUnder(NodeLevel parent) {
        return parent != null && parents.contains(parent.name());
    }

    /** Levels whose boundaries are indexed for "which grid contains this point". */
    public boolean locatable() {
        return this == GRID || this == SPECIAL_GRID || this == BUILDING;
    }

    /** Households live in grids and buildings. */
    public boolean holdsHouseholds() {
        return this == GRID || this == SPECIAL_GRID || this == BUILDING;
    }
}
