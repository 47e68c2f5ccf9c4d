package org.redgrid.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.redgrid.testkit.DemoDistrict;
import org.redgrid.testkit.Gateway;
import org.redgrid.infra.dynamodb.DynamoEngineResource;
import org.redgrid.testkit.Tokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Clock-in (打卡) through the Lambda event path: inside the grid's boundary (with the tolerance) it counts once per
 * window, outside it is refused with the distance and kept as an anomaly, retries with one key clock in once, and
 * the monthly sheet shows it all. The duty window here is the whole day (test configuration); ClockInWindowTest
 * covers a window that excludes now.
 */
@QuarkusTest
@QuarkusTestResource(DynamoEngineResource.class)
class ClockInTest {

    static final double LON = 116.40;
    static final double LAT = 39.90;
    /** About 20 m in longitude at this latitude: inside the 50 m tolerance. */
    static final double TWENTY_METRES = 20 / (111_320 * Math.cos(Math.toRadians(LAT)));

    /** Gives grid A1 a square boundary of 0.01° (about 850 m × 1100 m) from (LON, LAT). */
    static void drawBoundary(DemoDistrict d) {
        Map<String, Object> square = Map.of("type", "Polygon", "coordinates", List.of(List.of(List.of(LON, LAT),
                List.of(LON + 0.01, LAT), List.of(LON + 0.01, LAT + 0.01), List.of(LON, LAT + 0.01), List.of(LON, LAT))));
        Gateway.Reply drawn = Gateway.call(d.districtAdmin, "PATCH", "/directory/nodes/" + d.gridA1, Map.of("boundary", square));
        assertEquals(200, drawn.status(), drawn::toString);
    }

    static Map<String, Object> at(String grid, String kind, double lon, double lat) {
        return Map.of("gridCode", grid, "kind", kind, "lon", lon, "lat", lat);
    }

    @Test
    void insideTheGridOncePerWindowOutsideRefusedWithTheDistanceAndOnTheSheet() {
        DemoDistrict d = DemoDistrict.create();
        drawBoundary(d);
        Map<String, String> worker = d.workerA1;
        String username = "worker-a1-" + d.prefix;

        Gateway.Reply outside = Gateway.post(worker, "/checkin/clock", at(d.gridA1, "IN", LON + 0.03, LAT + 0.005));
        assertEquals(422, outside.status(), outside::toString);
        assertEquals("application/problem+json", outside.header("Content-Type"));
        assertEquals("OUTSIDE_GRID", outside.json().getString("code"));
        assertTrue(outside.json().getString("detail").contains("超出允许范围（50 米）"), outside::toString);

        Gateway.Reply in = Gateway.post(worker, "/checkin/clock", at(d.gridA1, "IN", LON + 0.005, LAT + 0.005));
        assertEquals(201, in.status(), in::toString);
        assertEquals(0, in.json().getInt("metres"));
        Gateway.Reply again = Gateway.post(worker, "/checkin/clock", at(d.gridA1, "IN", LON + 0.004, LAT + 0.004));
        assertEquals(409, again.status(), again::toString);
        assertEquals("ALREADY_CLOCKED_IN", again.json().getString("code"));
        Gateway.Reply out = Gateway.post(worker, "/checkin/clock", at(d.gridA1, "OUT", LON - TWENTY_METRES, LAT + 0.005));
        assertEquals(201, out.status(), () -> "20 m outside is within the tolerance: " + out);
        assertEquals(20, out.json().getInt("metres"), 1);

        Gateway.Reply noBoundary = Gateway.post(worker, "/checkin/clock", at(d.gridA2, "IN", LON, LAT));
        assertEquals(403, noBoundary.status(), () -> "grid A2 is not the worker's: " + noBoundary);
        Gateway.Reply undrawn = Gateway.post(Tokens.accessToken("worker-a2-" + d.prefix, "grid-worker@" + d.gridA2), "/checkin/clock",
                at(d.gridA2, "IN", LON, LAT));
        assertEquals(409, undrawn.status(), undrawn::toString);
        assertEquals("GRID_HAS_NO_BOUNDARY", undrawn.json().getString("code"));

        String month = in.json().getString("day").substring(0, 7);
        Gateway.Reply sheet = Gateway.get(d.adminA, "/checkin/grids/" + d.gridA1 + "/attendance/" + username + "?month=" + month);
        assertEquals(200, sheet.status(), sheet::toString);
        assertEquals(List.of("IN", "OUT"), sheet.json().getList("clockIns.kind"));
        assertEquals(1, sheet.json().getList("outsideAttempts").size());
        LocalDate today = LocalDate.parse(in.json().getString("day"));
        long weekdaysBefore = today.withDayOfMonth(1).datesUntil(today)
                .filter(day -> day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY).count();
        assertEquals(weekdaysBefore, sheet.json().getList("missedDays").size(), "every earlier working day is missed");
        assertEquals(403, Gateway.get(d.adminB, "/checkin/grids/" + d.gridA1 + "/attendance/" + username + "?month=" + month).status());
        assertEquals(LocalDate.now(ZoneId.of("Asia/Shanghai")).toString().substring(0, 7), month, "the day is Beijing time");
    }

    @Test
    void badInputIsAProblem() {
        DemoDistrict d = DemoDistrict.create();
        Gateway.Reply noLocation = Gateway.post(d.workerA1, "/checkin/clock", Map.of("gridCode", d.gridA1, "kind", "IN"));
        assertEquals(400, noLocation.status(), noLocation::toString);
        assertEquals("VALIDATION_FAILED", noLocation.json().getString("code"));
        Gateway.Reply building = Gateway.post(d.workerA1, "/checkin/clock", at(d.buildingA11, "IN", LON, LAT));
        assertEquals(400, building.status(), building::toString);
        assertEquals("NOT_A_GRID", building.json().getString("errors[0].code"));
        Gateway.Reply badMonth = Gateway.get(d.adminA, "/checkin/grids/" + d.gridA1 + "/attendance/x?month=2026-13");
        assertEquals(400, badMonth.status(), badMonth::toString);
    }

    @Test
    void twentyParallelRetriesWithOneKeyClockInOnce() throws Exception {
        DemoDistrict d = DemoDistrict.create();
        drawBoundary(d);
        String username = "retry-" + d.prefix;
        Map<String, String> worker = Tokens.accessToken(username, "grid-worker@" + d.gridA1);
        Map<String, Object> body = at(d.gridA1, "IN", LON + 0.005, LAT + 0.005);
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        Retries.allAnswerAlike(20, () -> Gateway.call(worker, "POST", "/checkin/clock", body, key));
        String month = Gateway.call(worker, "POST", "/checkin/clock", body, key).json().getString("day").substring(0, 7);
        Gateway.Reply sheet = Gateway.get(d.adminA, "/checkin/grids/" + d.gridA1 + "/attendance/" + username + "?month=" + month);
        assertEquals(1, sheet.json().getList("clockIns").size(), sheet::toString);
    }
}
