package org.redgrid.checkin.control;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.TreeMap;

import org.redgrid.checkin.entity.ClockIn;
import org.redgrid.checkin.entity.LeaveDay;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A grid's attendance calendar for one month (网格考勤日历): per member, each day with a clock-in, leave or refused
 * attempt, and the member's anomalies, all read with one Query.
 *
 * @param workingDays the month's working days by the district's work calendar (工作日历)
 */
@RegisterForReflection
public record GridAttendance(String gridCode, String month, List<String> workingDays, List<Member> members) {

    /**
     * One member's month.
     *
     * @param outsideAttempts how many clock-ins were refused outside the grid
     */
    @RegisterForReflection
    @Schema(name = "AttendanceMember")
    public record Member(String memberId, List<Day> days, List<String> missedDays, List<String> leaveDays,
            int outsideAttempts) {

        static Member of(AttendanceSheet sheet, ZoneId zone) {
            TreeMap<String, Day> days = new TreeMap<>();
            for (ClockIn c : sheet.clockIns()) {
                Day d = days.getOrDefault(c.day(), Day.empty(c.day()));
                String at = LocalTime.ofInstant(Instant.parse(c.at()), zone).truncatedTo(ChronoUnit.SECONDS).toString();
                days.put(c.day(), "IN".equals(c.kind()) ? d.withIn(at) : d.withOut(at));
            }
            for (LeaveDay l : sheet.leaveDays()) {
                days.put(l.day(), days.getOrDefault(l.day(), Day.empty(l.day())).withLeave(l.type()));
            }
            for (ClockIn c : sheet.outsideAttempts()) {
                days.put(c.day(), days.getOrDefault(c.day(), Day.empty(c.day())).withOutside());
            }
            return new Member(sheet.memberId(), List.copyOf(days.values()), sheet.missedDays(),
                    sheet.leaveDays().stream().map(LeaveDay::day).toList(), sheet.outsideAttempts().size());
        }
    }

    /**
     * One day of a member: local clock-in and clock-out times, the kind of leave, refused attempts.
     *
     * @param in    "08:31:02" or null
     * @param leave the leave type (SICK, …) or null
     */
    @RegisterForReflection
    public record Day(String day, String in, String out, String leave, int outside) {

        static Day empty(String day) {
            return new Day(day, null, null, null, 0);
        }

        Day withIn(String at) {
            return new Day(day, at, out, leave, outside);
        }

        Day withOut(String at) {
            return new Day(day, in, at, leave, outside);
        }

        Day withLeave(String type) {
            return new Day(day, in, out, type, outside);
        }

        Day withOutside() {
            return new Day(day, in, out, leave, outside + 1);
        }
    }
}
