package org.redgrid.checkin.control;

import static org.redgrid.kernel.dynamo.Attr.s;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.redgrid.checkin.entity.ClockIn;
import org.redgrid.checkin.entity.Keys;
import org.redgrid.checkin.entity.LeaveDay;
import org.redgrid.checkin.entity.WorkCalendar;
import org.redgrid.kernel.dynamo.Attr;
import org.redgrid.kernel.dynamo.SingleTable;
import org.redgrid.kernel.dynamo.Idempotency;
import org.redgrid.kernel.grid.GridPort;
import org.redgrid.kernel.problem.ProblemException;
import org.redgrid.kernel.security.Guard;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Clock-in (下沉干部、网格员打卡): with server time and the phone's location, valid only inside the grid's boundary
 * (a tolerance in metres for GPS error) and within the duty window, once per window; refused attempts from outside
 * the grid are kept for the attendance sheet.
 */
@ApplicationScoped
public class ClockIns {

    @Inject
    CheckinStore store;

    @Inject
    CheckinGrid grid;

    @Inject
    Guard guard;

    @Inject
    Clock clock;

    @Inject
    Idempotency idempotency;

    @Inject
    WorkCalendars calendars;

    /** "08:30-17:30" in {@link #zone}; an end before the start spans midnight; start equal to end: all day. */
    @ConfigProperty(name = "redgrid.checkin.duty-window")
    String dutyWindow;

    @ConfigProperty(name = "redgrid.checkin.zone", defaultValue = "Asia/Shanghai")
    ZoneId zone;

    @ConfigProperty(name = "redgrid.checkin.boundary-tolerance-metres", defaultValue = "50")
    int toleranceMetres;

    public ClockIn clockIn(NewClockIn c, Idempotency.Key key) {
        GridPort.Place place = grid.gridNamed("gridCode", c.gridCode(), "请在网格打卡，而不是街道、社区或楼栋");
        guard.require(CheckinPermissions.CLOCK_WRITE, place.path());
        Instant now = clock.instant();
        if (!withinDutyWindow(LocalTime.ofInstant(now, zone))) {
            throw new ProblemException(422, "OUTSIDE_DUTY_WINDOW", "不在打卡时段", "当前不在值守时段（" + dutyWindow + "），不能打卡");
        }
        if (place.boundary() == null) {
            throw ProblemException.conflict("GRID_HAS_NO_BOUNDARY", "该网格尚未划定边界，暂不能打卡，请联系社区管理员");
        }
        String memberId = guard.caller().username();
        String day = LocalDate.ofInstant(now, zone).toString();
        long metres = Math.round(GridBoundary.metresOutside(place.boundary(), c.lon(), c.lat()));
        if (metres > toleranceMetres) {
            ClockIn attempt = new ClockIn(memberId, place.code(), day, ClockIn.OUTSIDE, now.toString(), c.lon(), c.lat(), metres);
            store.table().db().putItem(p -> p.tableName(store.table().name()).item(attempt.toItem()));
            throw new ProblemException(422, "OUTSIDE_GRID", "不在网格范围内",
                    "您当前位置距网格边界约 " + metres + " 米，超出允许范围（" + toleranceMetres + " 米），请到网格内打卡");
        }
        ClockIn record = new ClockIn(memberId, place.code(), day, c.kind(), now.toString(), c.lon(), c.lat(), metres);
        return FirstResult.of(key, "ALREADY_CLOCKED_IN", () -> idempotency.once(store.table(), key, tx -> {
            store.table().putNew(tx, record.toItem(), () -> ProblemException.conflict("ALREADY_CLOCKED_IN",
                    "IN".equals(record.kind()) ? "今日已上班打卡，无需重复打卡" : "今日已下班打卡，无需重复打卡"));
            return record;
        }, ClockIn::id, id -> load(place.code(), memberId, id)));
    }

    /** A member's month at one grid: one Query (clock-ins, refused attempts and approved leave days). */
    public AttendanceSheet month(String gridCode, String memberId, YearMonth month) {
        GridPort.Place place = grid.node(gridCode);
        guard.require(CheckinPermissions.ATTENDANCE_READ, place.path());
        QueryRequest query = QueryRequest.builder().tableName(store.table().name())
                .keyConditionExpression("pk = :pk AND begins_with(sk, :month)")
                .expressionAttributeValues(Map.of(":pk", s(Keys.attendance(place.code(), memberId)), ":month", s(month.toString())))
                .build();
        return sheet(memberId, place.code(), month, all(query), calendars.of(place, month.getYear()));
    }

    /** A grid's month for every member with a clock-in, an attempt or a leave day in it (考勤日历): one Query. */
    public GridAttendance gridMonth(String gridCode, YearMonth month) {
        GridPort.Place place = grid.node(gridCode);
        guard.require(CheckinPermissions.ATTENDANCE_READ, place.path());
        QueryRequest query = QueryRequest.builder().tableName(store.table().name()).indexName(SingleTable.BY_PATH)
                .keyConditionExpression("gsi2pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(Keys.gridMonth(place.code(), month.toString()))))
                .build();
        Map<String, List<Map<String, AttributeValue>>> byMember = new TreeMap<>();
        for (Map<String, AttributeValue> item : all(query)) {
            byMember.computeIfAbsent(Attr.str(item, "memberId"), m -> new ArrayList<>()).add(item);
        }
        WorkCalendar calendar = calendars.of(place, month.getYear());
        List<GridAttendance.Member> members = new ArrayList<>();
        byMember.forEach((memberId, items) -> members.add(GridAttendance.Member.of(sheet(memberId, place.code(), month, items, calendar), zone)));
        return new GridAttendance(place.code(), month.toString(), workingDays(calendar, month, LocalDate.MAX), members);
    }

    private AttendanceSheet sheet(String memberId, String gridCode, YearMonth month, List<Map<String, AttributeValue>> items,
            WorkCalendar calendar) {
        List<LeaveDay> leave = items.stream().filter(LeaveDay::isLeave).map(LeaveDay::fromItem).toList();
        List<ClockIn> all = items.stream().filter(i -> !LeaveDay.isLeave(i)).map(ClockIn::fromItem).toList();
        List<ClockIn> clockIns = all.stream().filter(c -> !ClockIn.OUTSIDE.equals(c.kind())).toList();
        Set<String> present = clockIns.stream().filter(c -> "IN".equals(c.kind())).map(ClockIn::day).collect(Collectors.toSet());
        Set<String> onLeave = leave.stream().map(LeaveDay::day).collect(Collectors.toSet());
        List<String> missed = workingDays(calendar, month, LocalDate.now(clock.withZone(zone))).stream()
                .filter(d -> !present.contains(d) && !onLeave.contains(d)).toList();
        return new AttendanceSheet(memberId, gridCode, month.toString(), clockIns, missed,
                all.stream().filter(c -> ClockIn.OUTSIDE.equals(c.kind())).toList(), leave);
    }

    /** The month's working days by the district's work calendar, before {@code today}. */
    private static List<String> workingDays(WorkCalendar calendar, YearMonth month, LocalDate today) {
        LocalDate end = month.atEndOfMonth().plusDays(1);
        return calendar.workingDays(month.atDay(1), today.isBefore(end) ? today : end).map(LocalDate::toString).toList();
    }

    private List<Map<String, AttributeValue>> all(QueryRequest query) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (QueryResponse page : store.table().db().queryPaginator(query)) {
            items.addAll(page.items());
        }
        return items;
    }

    private ClockIn load(String gridCode, String memberId, String id) {
        Map<String, AttributeValue> item = store.table().get(Keys.attendance(gridCode, memberId), id, true)
                .orElseThrow(() -> ProblemException.conflict("CONCURRENT_CHANGE", "相同请求正在处理，请稍后重试"));
        return ClockIn.fromItem(item);
    }

    boolean withinDutyWindow(LocalTime t) {
        String[] parts = dutyWindow.split("-");
        LocalTime start = LocalTime.parse(parts[0].trim());
        LocalTime end = LocalTime.parse(parts[1].trim());
        if (start.equals(end)) {
            return true;
        }
        return start.isBefore(end) ? !t.isBefore(start) && t.isBefore(end) : !t.isBefore(start) || t.isBefore(end);
    }
}
