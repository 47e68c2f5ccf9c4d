package org.redgrid.lists.entity;

/** 项目状态: planned → in progress → done → evaluated; a planned project may be cancelled. */
public enum ProjectStatus {
    /** 计划中 */
    PLANNED,
    /** 实施中 */
    IN_PROGRESS,
    /** 已完成 */
    DONE,
    /** 已评价 */
    EVALUATED,
    /** 已取消 */
    CANCELLED
}
