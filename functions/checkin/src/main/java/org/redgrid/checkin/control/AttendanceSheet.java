package org.redgrid.checkin.control;

import java.util.List;

import org.redgrid.checkin.entity.ClockIn;
import org.redgrid.checkin.entity.LeaveDay;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A member's monthly attendance sheet at one grid (考勤表): the clock-ins, the days of approved leave, and the
 * anomalies — working days (Monday to Friday, before today) with neither a clock-in nor leave, and attempts refused
 * outside the grid.
 */
@RegisterForReflection
public record AttendanceSheet(String memberId, String gridCode, String month, List<ClockIn> clockIns,
        List<String> missedDays, List<ClockIn> outsideAttempts, List<LeaveDay> leaveDays) {
}
