package org.redgrid.checkin.entity;

/** Where a registration (报到) stands: 待确认, 已确认, 已退回. */
public enum RegistrationStatus {
    PENDING, CONFIRMED, REJECTED;

    /** The name of this status's counter on a tally item. */
    public String counter() {
        return name().toLowerCase();
    }
}
