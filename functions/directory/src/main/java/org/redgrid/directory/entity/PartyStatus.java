package org.redgrid.directory.entity;

/** Party membership of a person (党员类型): 在职, 退休, 流动. */
public enum PartyStatus {
    /** 在职党员 — registers (报到) at the home community; the employer receives the year-end grade. */
    IN_SERVICE,
    /** 退休党员 */
    RETIRED,
    /** 流动党员 */
    FLOATING
}
