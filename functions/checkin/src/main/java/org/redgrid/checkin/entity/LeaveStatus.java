package org.redgrid.checkin.entity;

/** Where a leave request (请假) stands: 待审批, 已批准, 未批准, 已撤销, 已销假 (closed early on return). */
public enum LeaveStatus {
    PENDING, APPROVED, REJECTED, CANCELLED, CLOSED
}
