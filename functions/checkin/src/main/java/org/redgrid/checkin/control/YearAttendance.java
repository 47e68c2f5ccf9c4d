package org.redgrid.checkin.control;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.redgrid.checkin.entity.Keys;
import org.redgrid.kernel.dynamo.Attr;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * A cadre's attendance over a year at their grid (年度出勤), for the year-end evaluation: duty days are the working
 * days (Monday to Friday) of the year before today (and today once clocked in), attended days those with a clock-in.
 * Public holidays and approved leave are not yet taken off the duty days. One Query of the member's
 * clock-ins at the grid for the year; a member without any clock-in that year is no cadre (0 duty days).
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

    public Days of(String gridCode, String memberId, int year) {
        QueryRequest query = QueryRequest.builder().tableName(store.table().name())
                .keyConditionExpression("pk = :pk AND begins_with(sk, :year)")
                .expressionAttributeValues(Map.of(":pk", Attr.s(Keys.attendance(gridCode, memberId)), ":year", Attr.s(year + "-")))
                .projectionExpression("sk").build();
        Set<LocalDate> attended = new HashSet<>();
        for (QueryResponse page : store.table().db().queryPaginator(query)) {
            for (Map<String, AttributeValue> item : page.items()) {
                String sk = Attr.str(item, "sk");
                if (sk.endsWith("#IN")) {
                    attended.add(LocalDate.parse(sk.substring(0, 10)));
                }
            }
        }
        if (attended.isEmpty()) {
            return new Days(0, 0);
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate end = LocalDate.of(year, 12, 31).isBefore(today) ? LocalDate.of(year, 12, 31).plusDays(1) : today;
        long duty = LocalDate.of(year, 1, 1).datesUntil(end).filter(YearAttendance::working).count();
        long counted = attended.stream().filter(d -> d.isBefore(end) && working(d)).count();
        // Today counts once the cadre has clocked in: a day not yet over is no missed day.
        long today1 = attended.contains(today) && working(today) ? 1 : 0;
        return new Days(duty + today1, counted + today1);
    }

    private static boolean working(LocalDate d) {
        return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
    }
}
