package org.redgrid.directory.entity;

import java.util.Set;

/** A post a person holds at a node (岗位). One person may hold several posts in several grids. */
public enum PositionType {
    /** 网格长 */
    GRID_LEADER("网格长", Set.of(NodeLevel.GRID, NodeLevel.SPECIAL_GRID)),
    /** 网格员 */
    GRID_WORKER("网格员", Set.of(NodeLevel.GRID, NodeLevel.SPECIAL_GRID)),
    /** 楼栋长 */
    BUILDING_LEADER("楼栋长", Set.of(NodeLevel.BUILDING)),
    /** 党员 (registered, 报到, at a community or below) */
    PARTY_MEMBER("党员", Set.of(NodeLevel.COMMUNITY, NodeLevel.GRID, NodeLevel.SPECIAL_GRID, NodeLevel.BUILDING)),
    /** 下沉干部 */
    SINKING_CADRE("下沉干部", Set.of(NodeLevel.COMMUNITY, NodeLevel.GRID, NodeLevel.SPECIAL_GRID)),
    /** 志愿者 */
    VOLUNTEER("志愿者", Set.of(NodeLevel.COMMUNITY, NodeLevel.GRID, NodeLevel.SPECIAL_GRID, NodeLevel.BUILDING));

    private final String label;
    private final Set<NodeLevel> levels;

    PositionType(String label, Set<NodeLevel> levels) {
        this.label = label;
        this.levels = levels;
    }

    public String label() {
        return label;
    }

    public boolean heldAt(NodeLevel level) {
        return levels.contains(level);
    }
}
