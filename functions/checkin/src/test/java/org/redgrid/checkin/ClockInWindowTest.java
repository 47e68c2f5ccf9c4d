package org.redgrid.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.redgrid.testkit.DemoDistrict;
import org.redgrid.testkit.Gateway;
import org.redgrid.infra.dynamodb.DynamoEngineResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Outside the duty window a clock-in is refused with the window named, wherever the phone is. */
@QuarkusTest
@QuarkusTestResource(DynamoEngineResource.class)
@TestProfile(ClockInWindowTest.WindowLaterToday.class)
class ClockInWindowTest {

    /** A duty window starting two hours from now (Beijing time), so now is outside it whenever the test runs. */
    public static final class WindowLaterToday implements QuarkusTestProfile {
        static final String WINDOW;
        static {
            LocalTime now = LocalTime.now(ZoneId.of("Asia/Shanghai")).withSecond(0).withNano(0);
            WINDOW = now.plusHours(2) + "-" + now.plusHours(4);
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("redgrid.checkin.duty-window", WINDOW);
        }
    }

    @Test
    void outsideTheDutyWindowIsRefusedWithTheWindowNamed() {
        DemoDistrict d = DemoDistrict.create();
        ClockInTest.drawBoundary(d);
        Gateway.Reply refused = Gateway.post(d.workerA1, "/checkin/clock",
                ClockInTest.at(d.gridA1, "IN", ClockInTest.LON + 0.005, ClockInTest.LAT + 0.005));
        assertEquals(422, refused.status(), refused::toString);
        assertEquals("application/problem+json", refused.header("Content-Type"));
        assertEquals("OUTSIDE_DUTY_WINDOW", refused.json().getString("code"));
        assertTrue(refused.json().getString("detail").matches("当前不在值守时段（\\d\\d:\\d\\d-\\d\\d:\\d\\d），不能打卡"),
                refused::toString);
    }
}
