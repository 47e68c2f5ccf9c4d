package org.redgrid.checkin.control;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.redgrid.checkin.entity.Keys;
import org.redgrid.checkin.entity.LeaveDay;
import org.redgrid.checkin.entity.WorkCalendar;
import org.redgrid.kernel.dynamo.Attr;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * A cadre's attendance over a year at their grid (年度出勤), for the year-end evaluation: duty days are the working
 * days of the district's work calendar (工作日历: public holidays off, 调休 weekend days on) before today (and today
 * once clocked in), less the days of approved leave; attended days are duty days with a clock-in. One Query of the
 * member's attendance items at the grid for the year — clock-ins ({@code <day>#IN}) and leave days
 * ({@code <day>#LEAVE}) share the partition, as on the month sheet; a member without any clock-in that year is no
 * cadre (0 duty days).
 */
@ApplicationScoped
public class YearAttendance {

    /** Duty days and attended days. */
    public record Days(long duty, long attended) {
    }

    @Inject
    CheckinStore store;

    @Inject
    Clock clock;

    @ConfigProperty(name = "redgrid.checkin.zone", defaultValue = "Asia/Shanghai")
    ZoneId zone;

    /** {@code calendar}: the year's calendar of the grid's district, read once for all the members of a request. */
    public Days of(WorkCalendar calendar, String gridCode, String memberId, int year) {
        QueryRequest query = QueryRequest.builder().tableName(store.table().name())
                .keyConditionExpression("pk = :pk AND begins_with(sk, :year)")
                .expressionAttributeValues(Map.of(":pk", Attr.s(Keys.attendance(gridCode, memberId)), ":year", Attr.s(year + "-")))
                .projectionExpression("sk").build();
        Set<LocalDate> attended = new HashSet<>();
        Set<LocalDate> onLeave = new HashSet<>();
        for (QueryResponse page : store.table().db().queryPaginator(query)) {
            for (Map<String, AttributeValue> item : page.items()) {
                String sk = Attr.str(item, "sk");
                LocalDate day = LocalDate.parse(sk.substring(0, 10));
                if (sk.endsWith("#IN")) {
                    attended.add(day);
                } else if (sk.endsWith("#" + LeaveDay.KIND)) {
                    onLeave.add(day);
                }
            }
        }
        if (attended.isEmpty()) {
            return new Days(0, 0);
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate end = LocalDate.of(year, 12, 31).isBefore(today) ? LocalDate.of(year, 12, 31).plusDays(1) : today;
        Set<LocalDate> duty = new HashSet<>();
        calendar.workingDays(LocalDate.of(year, 1, 1), end).filter(d -> !onLeave.contains(d)).forEach(duty::add);
        // Today counts once the cadre has clocked in: a day not yet over is no missed day.
        if (attended.contains(today) && calendar.isWorking(today) && !onLeave.contains(today)) {
            duty.add(today);
        }
        return new Days(duty.size(), attended.stream().filter(duty::contains).count());
    }
}
