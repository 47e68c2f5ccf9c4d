package org.redgrid.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.redgrid.checkin.control.CheckinStore;
import org.redgrid.checkin.entity.ClockIn;
import org.redgrid.infra.dynamodb.DynamoEngineResource;
import org.redgrid.testkit.DemoDistrict;
import org.redgrid.testkit.Gateway;
import org.redgrid.testkit.Tokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The district's work calendar (工作日历) on the engine: set by the district admin (versioned, idempotent, checked
 * field by field), read by its staff, and the one rule of duty days for the grid's month and the year's attendance.
 * Dates lie in last year, so the expectations hold whatever today is (the year is over, every day counts).
 */
@QuarkusTest
@QuarkusTestResource(DynamoEngineResource.class)
class CalendarTest {

    @Inject
    CheckinStore store;

    static String path(String district, int year) {
        return "/checkin/calendars/" + district + "/" + year;
    }

    static Map<String, Object> day(LocalDate date, String name) {
        Map<String, Object> d = new HashMap<>();
        d.put("date", date.toString());
        d.put("name", name);
        return d;
    }

    static Map<String, Object> calendar(long version, List<Map<String, Object>> holidays, List<Map<String, Object>> workdays) {
        return Map.of("version", version, "holidays", holidays, "workdays", workdays);
    }

    static Gateway.Reply put(Map<String, String> caller, String district, int year, Object body) {
        return Gateway.call(caller, "PUT", path(district, year), body);
    }

    @Test
    void theDistrictAdminSetsTheYearOnceAndItsStaffReadIt() {
        DemoDistrict d = DemoDistrict.create();
        JsonPath unset = Gateway.get(d.workerA1, path(d.district, 2025)).json();
        assertEquals(false, unset.getBoolean("set"), "a year without a calendar is the plain rule");
        assertEquals(0, unset.getInt("version"));

        Map<String, Object> body = calendar(0, List.of(day(LocalDate.of(2025, 10, 1), "国庆节"), day(LocalDate.of(2025, 10, 2), " ")),
                List.of(day(LocalDate.of(2025, 9, 28), "国庆节调休")));
        Gateway.Reply set = put(d.districtAdmin, d.district, 2025, body);
        assertEquals(200, set.status(), set::toString);
        assertEquals(1, set.json().getInt("version"));
        Gateway.Reply again = put(d.districtAdmin, d.district, 2025, body);
        assertEquals(200, again.status(), () -> "the same PUT again changes nothing: " + again);
        assertEquals(1, again.json().getInt("version"));

        Gateway.Reply stale = put(d.districtAdmin, d.district, 2025, calendar(0, List.of(), List.of()));
        assertEquals(409, stale.status(), stale::toString);
        assertEquals("VERSION_CONFLICT", stale.json().getString("code"));

        JsonPath read = Gateway.get(d.adminA, path(d.district, 2025)).json();
        assertEquals(true, read.getBoolean("set"));
        assertEquals(List.of("2025-10-01", "2025-10-02"), read.getList("holidays.date"));
        assertEquals("国庆节", read.getString("holidays[0].name"));
        assertEquals(null, read.getString("holidays[1].name"), "a blank name is no name");
        assertEquals(List.of("2025-09-28"), read.getList("workdays.date"));
        assertEquals("district-" + d.prefix, read.getString("updatedBy"));

        Gateway.Reply street = put(d.streetAdmin, d.district, 2025, body);
        assertEquals(403, street.status(), () -> "only the district admin sets it: " + street);
    }

    @Test
    void badCalendarsAreProblemsNamingTheField() {
        DemoDistrict d = DemoDistrict.create();
        Gateway.Reply bad = put(d.districtAdmin, d.district, 2025, calendar(0,
                List.of(day(LocalDate.of(2025, 1, 1), "元旦"), day(LocalDate.of(2026, 1, 1), null),
                        Map.of("date", "2025-02-30"), day(LocalDate.of(2025, 1, 1), null),
                        day(LocalDate.of(2025, 5, 1), "劳动节劳动节劳动节劳动节劳动节劳动节劳动节")),
                List.of(day(LocalDate.of(2025, 4, 30), "周三"))));
        assertEquals(400, bad.status(), bad::toString);
        assertEquals("application/problem+json", bad.header("Content-Type"));
        assertEquals(List.of("holidays[1]", "holidays[2]", "holidays[3]", "holidays[4].name", "workdays[0]"),
                bad.json().getList("errors.field"));
        assertEquals(List.of("OUTSIDE_YEAR", "INVALID_DATE", "DUPLICATE_DATE", "NAME_TOO_LONG", "NOT_A_WEEKEND"),
                bad.json().getList("errors.code"));
        assertTrue(bad.json().getString("errors[4].message").contains("周六或周日"), bad::toString);

        LocalDate saturday = LocalDate.of(2025, 9, 27);
        Gateway.Reply both = put(d.districtAdmin, d.district, 2025, calendar(0, List.of(day(saturday, null)), List.of(day(saturday, null))));
        assertEquals(List.of("workdays[0]"), both.json().getList("errors.field"), both::toString);
        assertEquals("BOTH_HOLIDAY_AND_WORKDAY", both.json().getString("errors[0].code"));

        List<Map<String, Object>> many = new ArrayList<>();
        LocalDate.of(2025, 1, 1).datesUntil(LocalDate.of(2025, 3, 3)).forEach(x -> many.add(day(x, null)));
        Gateway.Reply tooMany = put(d.districtAdmin, d.district, 2025, calendar(0, many, List.of()));
        assertEquals("TOO_MANY_DAYS", tooMany.json().getString("errors[0].code"), tooMany::toString);

        Gateway.Reply street = Gateway.get(d.districtAdmin, path(d.street, 2025));
        assertEquals("NOT_A_DISTRICT", street.json().getString("code"), street::toString);
        Gateway.Reply year = Gateway.get(d.districtAdmin, path(d.district, 1999));
        assertEquals(400, year.status(), year::toString);
        Gateway.Reply noVersion = put(d.districtAdmin, d.district, 2025, Map.of("holidays", List.of()));
        assertEquals(400, noVersion.status(), noVersion::toString);
        assertEquals(false, Gateway.get(d.adminA, path(d.district, 2025)).json().getBoolean("set"), "nothing was kept");
    }

    /**
     * Last year's March: a Wednesday and Thursday off (holidays), the Saturday after worked (调休) but missed, two days
     * of approved leave the week after, and a clock-in on every other working day of the year.
     */
    @Test
    void holidaysAreNoDutyDays调休SaturdaysAreAndTheYearCountsLeave() {
        DemoDistrict d = DemoDistrict.create();
        int year = LeaveTest.today().getYear() - 1;
        YearMonth march = YearMonth.of(year, 3);
        LocalDate monday = march.atDay(1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY));
        LocalDate wednesday = monday.plusDays(2);
        LocalDate thursday = monday.plusDays(3);
        LocalDate saturday = monday.plusDays(5);
        List<String> leave = List.of(monday.plusDays(7).toString(), monday.plusDays(8).toString());
        assertEquals(200, put(d.districtAdmin, d.district, year, calendar(0,
                List.of(day(wednesday, "测试假日"), day(thursday, "测试假日")), List.of(day(saturday, "调休")))).status());

        String login = "cadre-" + d.prefix;
        Map<String, String> cadre = Tokens.idToken(login, "party-member@" + d.communityA, "grid-worker@" + d.gridA1);
        Members.register(cadre, Units.registration(d.gridA1, "E" + d.prefix, Units.freshPhone()));
        assertEquals(200, Gateway.post(d.adminA, "/checkin/registrations/" + login + "/confirm", Map.of()).status());
        // Clock-ins of last year cannot be made through the API today (server time decides the day): kept as
        // clock-ins would be, on every duty day of the year but the 调休 Saturday.
        List<LocalDate> attended = LocalDate.of(year, 1, 1).datesUntil(LocalDate.of(year + 1, 1, 1))
                .filter(x -> x.getDayOfWeek().getValue() <= 5 && !x.equals(wednesday) && !x.equals(thursday)
                        && !leave.contains(x.toString())).toList();
        for (int i = 0; i < attended.size(); i += 25) {
            List<WriteRequest> puts = attended.subList(i, Math.min(i + 25, attended.size())).stream()
                    .map(x -> new ClockIn(login, d.gridA1, x.toString(), "IN", x + "T00:30:00Z", ClockInTest.LON, ClockInTest.LAT, 0))
                    .map(c -> WriteRequest.builder().putRequest(p -> p.item(c.toItem())).build()).toList();
            assertTrue(store.table().db().batchWriteItem(b -> b.requestItems(Map.of(store.table().name(), puts)))
                    .unprocessedItems().isEmpty());
        }
        String leaveId = LeaveTest.requested(cadre, LeaveTest.leave(d.gridA1, LocalDate.parse(leave.get(0)),
                LocalDate.parse(leave.get(1)), "PERSONAL"));
        Gateway.Reply approved = Gateway.post(ServiceRecordTest.leader(d), "/checkin/leave/" + leaveId + "/approve", Map.of());
        assertEquals(200, approved.status(), approved::toString);

        JsonPath month = Gateway.get(d.adminA, "/checkin/grids/" + d.gridA1 + "/attendance?month=" + march).json();
        List<String> working = month.getList("workingDays");
        assertTrue(working.contains(saturday.toString()), () -> "the 调休 Saturday is a duty day: " + working);
        assertFalse(working.contains(wednesday.toString()) || working.contains(thursday.toString()), () -> "holidays are not: " + working);
        List<String> missed = month.getList("members[0].missedDays");
        assertEquals(List.of(saturday.toString()), missed, "only the 调休 Saturday is missed: no holiday, no leave day");
        Gateway.Reply sheet = Gateway.get(d.adminA, "/checkin/grids/" + d.gridA1 + "/attendance/" + login + "?month=" + march);
        assertEquals(missed, sheet.json().getList("missedDays"), "the member's sheet counts alike");

        Gateway.Reply proposed = Gateway.post(d.adminA, "/checkin/communities/" + d.communityA + "/evaluations/" + year + "/propose", null);
        assertEquals(200, proposed.status(), proposed::toString);
        // Duty days: the weekdays less two holidays and two days of leave (all attended), plus the 调休 Saturday (missed).
        double expected = java.math.BigDecimal.valueOf((double) attended.size() / (attended.size() + 1))
                .setScale(4, java.math.RoundingMode.HALF_UP).doubleValue();
        JsonPath mine = Gateway.get(cadre, "/checkin/evaluations/mine?year=" + year).json();
        assertEquals(expected, mine.getDouble("breakdown[2].value"), 1e-9, mine::prettify);
        assertTrue(expected < 1 && expected > (double) attended.size() / (attended.size() + 3), "the value tells the rules apart");
    }
}
