package org.redgrid.lists.entity;

/** 需求状态: OPEN → CLAIMED (秒认领) or MATCHED (匹配采纳) → DONE → CLOSED (with feedback); OPEN → CANCELLED. */
public enum DemandStatus {
    /** 待认领 */
    OPEN,
    /** 已认领 */
    CLAIMED,
    /** 已匹配 */
    MATCHED,
    /** 已完成（待评价） */
    DONE,
    /** 已办结 */
    CLOSED,
    /** 已取消 */
    CANCELLED;

    /** Being served: claimed by someone or matched by staff. */
    public boolean inService() {
        return this == CLAIMED || this == MATCHED;
    }
}
