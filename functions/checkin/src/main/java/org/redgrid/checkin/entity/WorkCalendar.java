package org.redgrid.checkin.entity;

import static org.redgrid.kernel.dynamo.Attr.s;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.redgrid.kernel.dynamo.Attr;
import org.redgrid.kernel.dynamo.SingleTable;

import io.quarkus.runtime.annotations.RegisterForReflection;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A district's work calendar for one year (工作日历): the public holidays (法定节假日) and the weekend days worked
 * instead (调休上班) as the State Council publishes them, kept by the district admin. It is the one rule of duty days
 * for the attendance sheet, the grid calendar and the year-end evaluation: a day is a working day when it is a
 * weekday and no holiday, or a listed working weekend day. A year without a calendar ({@code set} false) is the
 * plain Monday–Friday rule.
 *
 * @param version  0 while not set; the PUT names the version it read
 * @param holidays days off (a weekend day listed here changes nothing: it is off anyway)
 * @param workdays weekend days that are working days
 */
@RegisterForReflection
@Schema(name = "WorkCalendar")
public record WorkCalendar(String district, int year, boolean set, long version, List<MarkedDay> holidays,
        List<MarkedDay> workdays, String updatedBy, String updatedAt) {

    /** One listed day, with an optional name (春节, 国庆节调休…). */
    @RegisterForReflection
    @Schema(name = "WorkCalendarDay")
    public record MarkedDay(String date, String name) {
    }

    /** The plain rule of a year without a calendar. */
    public static WorkCalendar standard(String district, int year) {
        return new WorkCalendar(district, year, false, 0, List.of(), List.of(), null, null);
    }

    public boolean isWorking(LocalDate day) {
        String d = day.toString();
        if (holidays.stream().anyMatch(h -> h.date().equals(d))) {
            return false;
        }
        return isWeekday(day) || workdays.stream().anyMatch(w -> w.date().equals(d));
    }

    /** The working days from {@code from} (inclusive) to {@code until} (exclusive). */
    public Stream<LocalDate> workingDays(LocalDate from, LocalDate until) {
        return from.isBefore(until) ? from.datesUntil(until).filter(this::isWorking) : Stream.empty();
    }

    public static boolean isWeekday(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** Whether the same days and names are listed (the order of the request does not matter). */
    public boolean sameDays(List<MarkedDay> otherHolidays, List<MarkedDay> otherWorkdays) {
        return sorted(holidays).equals(sorted(otherHolidays)) && sorted(workdays).equals(sorted(otherWorkdays));
    }

    public static List<MarkedDay> sorted(List<MarkedDay> days) {
        return days.stream().sorted(Comparator.comparing(MarkedDay::date)).toList();
    }

    public Map<String, AttributeValue> toItem() {
        Map<String, AttributeValue> item = new HashMap<>(SingleTable.key(Keys.calendar(district), Integer.toString(year)));
        item.put("district", s(district));
        item.put("year", Attr.n(year));
        item.put("holidays", list(holidays));
        item.put("workdays", list(workdays));
        item.put("updatedBy", s(updatedBy));
        SingleTable.stamp(item, version, updatedAt, updatedAt);
        return item;
    }

    public static WorkCalendar fromItem(Map<String, AttributeValue> item) {
        return new WorkCalendar(Attr.str(item, "district"), (int) Attr.num(item, "year"), true, Attr.num(item, "version"),
                days(item.get("holidays")), days(item.get("workdays")), Attr.str(item, "updatedBy"), Attr.str(item, "updatedAt"));
    }

    private static AttributeValue list(List<MarkedDay> days) {
        return AttributeValue.fromL(sorted(days).stream().map(d -> {
            Map<String, AttributeValue> m = new HashMap<>();
            m.put("date", s(d.date()));
            Attr.putIfPresent(m, "name", d.name());
            return AttributeValue.fromM(m);
        }).toList());
    }

    private static List<MarkedDay> days(AttributeValue list) {
        return list == null || !list.hasL() ? List.of()
                : list.l().stream().map(v -> new MarkedDay(Attr.str(v.m(), "date"), Attr.str(v.m(), "name"))).toList();
    }
}
