package org.redgrid.checkin.control;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.redgrid.checkin.entity.Keys;
import org.redgrid.checkin.entity.WorkCalendar;
import org.redgrid.kernel.dynamo.SingleTable;
import org.redgrid.kernel.dynamo.Transaction;
import org.redgrid.kernel.grid.GridPort;
import org.redgrid.kernel.problem.FieldError;
import org.redgrid.kernel.problem.ProblemException;
import org.redgrid.kernel.security.Guard;

/**
 * The districts' work calendars (工作日历): read once per request by whatever counts duty days (one GetItem per
 * year), read by the district's staff, set by its district admin.
 */
@ApplicationScoped
public class WorkCalendars {

    /** Entries a year may list: the State Council's schedule has about 30 (holidays and 调休 together). */
    static final int ENTRIES_MAX = 60;
    static final int NAME_MAX = 20;

    @Inject
    CheckinStore store;

    @Inject
    CheckinGrid grid;

    @Inject
    GridPort places;

    @Inject
    Guard guard;

    @Inject
    Clock clock;

    /** The calendar that rules a node's days in {@code year}: its district's (the first code of its path). */
    public WorkCalendar of(GridPort.Place place, int year) {
        return load(place.pathCodes().get(0), year);
    }

    /** The district's calendar as its staff read it; a year without one is the plain rule, flagged as not set. */
    public WorkCalendar read(String district, int year) {
        GridPort.Place place = district(district);
        boolean inDistrict = guard.roots(CheckinPermissions.CALENDAR_READ).stream().anyMatch(root -> root.equals(district)
                || places.where(root).map(p -> p.pathCodes().get(0).equals(district)).orElse(false));
        if (!inDistrict) {
            throw ProblemException.outOfScope();
        }
        return load(place.code(), year);
    }

    /**
     * Replaces the year's calendar, conditional on the version read (409 VERSION_CONFLICT when it changed since). The
     * same days again answer the kept calendar unchanged, whatever version is named, so a retried PUT is harmless.
     */
    public WorkCalendar set(String district, int year, NewWorkCalendar c) {
        GridPort.Place place = district(district);
        guard.require(CheckinPermissions.CALENDAR_WRITE, place.path());
        List<FieldError> errors = new ArrayList<>();
        List<WorkCalendar.MarkedDay> holidays = checked("holidays", c.holidays(), year, false, errors);
        List<WorkCalendar.MarkedDay> workdays = checked("workdays", c.workdays(), year, true, errors);
        if (holidays.size() + workdays.size() > ENTRIES_MAX) {
            errors.add(new FieldError("holidays", "TOO_MANY_DAYS", "节假日与调休上班日合计最多 " + ENTRIES_MAX + " 天"));
        }
        Set<String> off = new HashSet<>();
        holidays.forEach(h -> off.add(h.date()));
        // Indexes are the request's only while every entry was kept.
        boolean allKept = errors.isEmpty();
        for (int i = 0; allKept && i < workdays.size(); i++) {
            if (off.contains(workdays.get(i).date())) {
                errors.add(new FieldError("workdays[" + i + "]", "BOTH_HOLIDAY_AND_WORKDAY",
                        workdays.get(i).date() + " 已列为节假日，不能同时是调休上班日"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        WorkCalendar before = load(place.code(), year);
        if (before.set() && before.sameDays(holidays, workdays)) {
            return before;
        }
        SingleTable.requireVersion(c.version(), before.version());
        WorkCalendar after = new WorkCalendar(place.code(), year, true, before.version() + 1, WorkCalendar.sorted(holidays),
                WorkCalendar.sorted(workdays), guard.caller().username(), clock.instant().toString());
        Transaction tx = new Transaction();
        if (before.set()) {
            store.table().putVersioned(tx, after.toItem(), before.version());
        } else {
            store.table().putNew(tx, after.toItem(), SingleTable::versionConflict);
        }
        store.table().commit(tx);
        return after;
    }

    private WorkCalendar load(String district, int year) {
        return store.table().get(Keys.calendar(district), Integer.toString(year))
                .map(WorkCalendar::fromItem).orElse(WorkCalendar.standard(district, year));
    }

    private GridPort.Place district(String code) {
        GridPort.Place place = grid.node(code);
        if (!"DISTRICT".equals(place.level())) {
            throw ProblemException.badRequest("NOT_A_DISTRICT", "工作日历按区设置，" + code + " 不是区");
        }
        return place;
    }

    /**
     * Each listed day: a date of the year, listed once; a working day must be a Saturday or Sunday (a weekday works
     * anyway). A holiday on a weekend is accepted: it changes nothing, and lets the calendar list a whole holiday.
     */
    private static List<WorkCalendar.MarkedDay> checked(String field, List<WorkCalendar.MarkedDay> days, int year, boolean weekend,
            List<FieldError> errors) {
        if (days == null) {
            return List.of();
        }
        List<WorkCalendar.MarkedDay> kept = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < days.size(); i++) {
            String at = field + "[" + i + "]";
            WorkCalendar.MarkedDay d = days.get(i);
            LocalDate date = d == null ? null : parse(d.date());
            String name = d == null || d.name() == null || d.name().isBlank() ? null : d.name().trim();
            if (date == null) {
                errors.add(new FieldError(at, "INVALID_DATE", "第 " + (i + 1) + " 项：日期格式为 YYYY-MM-DD"));
            } else if (date.getYear() != year) {
                errors.add(new FieldError(at, "OUTSIDE_YEAR", "第 " + (i + 1) + " 项：" + date + " 不在 " + year + " 年内"));
            } else if (!seen.add(date.toString())) {
                errors.add(new FieldError(at, "DUPLICATE_DATE", "第 " + (i + 1) + " 项：" + date + " 重复"));
            } else if (weekend && WorkCalendar.isWeekday(date)) {
                errors.add(new FieldError(at, "NOT_A_WEEKEND", "第 " + (i + 1) + " 项：" + date + " 是工作日，调休上班日须为周六或周日"));
            } else if (name != null && name.length() > NAME_MAX) {
                errors.add(new FieldError(at + ".name", "NAME_TOO_LONG", "第 " + (i + 1) + " 项：名称最多 " + NAME_MAX + " 个字"));
            } else {
                kept.add(new WorkCalendar.MarkedDay(date.toString(), name));
            }
        }
        return kept;
    }

    private static LocalDate parse(String date) {
        if (date == null || !date.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return null;
        }
        try {
            return LocalDate.parse(date);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
