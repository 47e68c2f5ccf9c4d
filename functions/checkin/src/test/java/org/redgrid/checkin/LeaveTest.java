package org.redgrid.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.redgrid.infra.dynamodb.DynamoEngineResource;
import org.redgrid.testkit.DemoDistrict;
import org.redgrid.testkit.Gateway;
import org.redgrid.testkit.Tokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Leave requests (请销假) through the Lambda event path: requested by a cadre at their grid, approved by the grid's
 * leader (never their own), shown on the attendance sheet and the grid's calendar instead of missed days; rejected
 * only with a reason; withdrawn before it begins or closed early on return; overlaps and bad dates refused.
 */
@QuarkusTest
@QuarkusTestResource(DynamoEngineResource.class)
class LeaveTest {

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    static Map<String, Object> leave(String grid, LocalDate from, LocalDate to, String type) {
        Map<String, Object> body = new HashMap<>();
        body.put("gridCode", grid);
        body.put("from", from.toString());
        body.put("to", to.toString());
        body.put("type", type);
        body.put("reason", "陪同家人就医");
        return body;
    }

    static Map<String, String> cadre(DemoDistrict d, String name) {
        return Tokens.accessToken(name + "-" + d.prefix, "grid-worker@" + d.gridA1);
    }

    static String requested(Map<String, String> cadre, Map<String, Object> body) {
        Gateway.Reply r = Gateway.post(cadre, "/checkin/leave", body);
        assertEquals(201, r.status(), r::toString);
        assertEquals("PENDING", r.json().getString("status"));
        return r.json().getString("id");
    }

    @Test
    void approvedLeaveDaysAreOnTheSheetAndTheCalendarAndAreNoMissedDays() {
        DemoDistrict d = DemoDistrict.create();
        Map<String, String> cadre = cadre(d, "cadre");
        String login = "cadre-" + d.prefix;
        YearMonth last = YearMonth.from(today()).minusMonths(1);
        LocalDate monday = last.atDay(1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY));
        String id = requested(cadre, leave(d.gridA1, monday, monday.plusDays(2), "SICK"));

        Gateway.Reply pending = Gateway.get(d.adminA, "/checkin/leave/pending?under=" + d.communityA);
        assertEquals(List.of(id), pending.json().getList("items.id"), pending::toString);
        assertEquals(List.of(), Gateway.get(d.adminB, "/checkin/leave/pending?under=" + d.communityB).json().getList("items"));
        Gateway.Reply foreign = Gateway.post(d.leaderB1, "/checkin/leave/" + id + "/approve", Map.of());
        assertEquals(403, foreign.status(), foreign::toString);
        Gateway.Reply worker = Gateway.post(d.workerA1, "/checkin/leave/" + id + "/approve", Map.of());
        assertEquals(403, worker.status(), () -> "a grid worker does not approve leave: " + worker);

        Map<String, String> leader = ServiceRecordTest.leader(d);
        Gateway.Reply approved = Gateway.post(leader, "/checkin/leave/" + id + "/approve", Map.of("version", 1));
        assertEquals(200, approved.status(), approved::toString);
        assertEquals("APPROVED", approved.json().getString("status"));
        assertEquals("leader-a1-" + d.prefix, approved.json().getString("decidedBy"));
        Gateway.Reply twice = Gateway.post(leader, "/checkin/leave/" + id + "/approve", Map.of());
        assertEquals("NOT_PENDING", twice.json().getString("code"), twice::toString);
        assertEquals(List.of(), Gateway.get(d.adminA, "/checkin/leave/pending?under=" + d.communityA).json().getList("items"),
                "a decided request leaves the queue");

        Gateway.Reply sheet = Gateway.get(leader, "/checkin/grids/" + d.gridA1 + "/attendance/" + login + "?month=" + last);
        assertEquals(200, sheet.status(), sheet::toString);
        List<String> leaveDays = List.of(monday.toString(), monday.plusDays(1).toString(), monday.plusDays(2).toString());
        assertEquals(leaveDays, sheet.json().getList("leaveDays.day"));
        assertEquals(List.of("SICK", "SICK", "SICK"), sheet.json().getList("leaveDays.type"));
        List<String> missed = sheet.json().getList("missedDays");
        assertFalse(missed.stream().anyMatch(leaveDays::contains), () -> "leave is no missed day: " + missed);
        assertTrue(missed.contains(monday.plusDays(3).toString()), "the Thursday after is missed");

        Gateway.Reply calendar = Gateway.get(d.adminA, "/checkin/grids/" + d.gridA1 + "/attendance?month=" + last);
        assertEquals(200, calendar.status(), calendar::toString);
        assertEquals(List.of(login), calendar.json().getList("members.memberId"));
        assertEquals(leaveDays, calendar.json().getList("members[0].leaveDays"));
        assertEquals("SICK", calendar.json().getString("members[0].days[0].leave"));
        assertEquals(missed, calendar.json().getList("members[0].missedDays"));

        Gateway.Reply month = Gateway.get(d.adminA, "/checkin/grids/" + d.gridA1 + "/leave/" + login + "?month=" + last);
        assertEquals(List.of(id), month.json().getList("items.id"), month::toString);
        assertEquals(List.of(id), Gateway.get(cadre, "/checkin/leave/mine").json().getList("items.id"));

        Gateway.Reply overlapping = Gateway.post(cadre, "/checkin/leave", leave(d.gridA1, monday.plusDays(2), monday.plusDays(4), "PERSONAL"));
        assertEquals(409, overlapping.status(), overlapping::toString);
        assertEquals("LEAVE_OVERLAPS", overlapping.json().getString("code"));
        Gateway.Reply ended = Gateway.post(cadre, "/checkin/leave/" + id + "/cancel", null);
        assertEquals("LEAVE_ENDED", ended.json().getString("code"), ended::toString);
    }

    @Test
    void aRunningLeaveIsClosedOnReturnAndOneNotBegunIsWithdrawn() {
        DemoDistrict d = DemoDistrict.create();
        Map<String, String> cadre = cadre(d, "back");
        Map<String, String> leader = ServiceRecordTest.leader(d);
        String running = requested(cadre, leave(d.gridA1, today().minusDays(2), today().plusDays(3), "PERSONAL"));
        assertEquals(200, Gateway.post(leader, "/checkin/leave/" + running + "/approve", Map.of()).status());
        Gateway.Reply notYours = Gateway.post(leader, "/checkin/leave/" + running + "/cancel", null);
        assertEquals(403, notYours.status(), notYours::toString);
        Gateway.Reply closed = Gateway.post(cadre, "/checkin/leave/" + running + "/cancel", null);
        assertEquals(200, closed.status(), closed::toString);
        assertEquals("CLOSED", closed.json().getString("status"));
        assertEquals(today().toString(), closed.json().getString("returnedOn"));
        Gateway.Reply again = Gateway.post(cadre, "/checkin/leave/" + running + "/cancel", null);
        assertEquals("NOT_CANCELLABLE", again.json().getString("code"), again::toString);

        String login = "back-" + d.prefix;
        List<String> kept = List.of(today().minusDays(2).toString(), today().minusDays(1).toString());
        YearMonth now = YearMonth.from(today());
        List<String> onSheet = new java.util.ArrayList<>();
        for (YearMonth m : List.of(now.minusMonths(1), now)) {
            onSheet.addAll(Gateway.get(leader, "/checkin/grids/" + d.gridA1 + "/attendance/" + login + "?month=" + m)
                    .json().getList("leaveDays.day"));
        }
        assertEquals(kept, onSheet, "the days from the return on are no leave");

        String later = requested(cadre, leave(d.gridA1, today().plusDays(10), today().plusDays(11), "ANNUAL"));
        Gateway.Reply withdrawn = Gateway.post(cadre, "/checkin/leave/" + later + "/cancel", null);
        assertEquals("CANCELLED", withdrawn.json().getString("status"), withdrawn::toString);
    }

    @Test
    void rejectionNeedsAReasonOwnLeaveIsNotApprovedAndBadInputIsRefused() {
        DemoDistrict d = DemoDistrict.create();
        Map<String, String> leader = ServiceRecordTest.leader(d);
        String own = requested(leader, leave(d.gridA1, today().plusDays(1), today().plusDays(1), "OTHER"));
        Gateway.Reply self = Gateway.post(leader, "/checkin/leave/" + own + "/approve", Map.of());
        assertEquals(403, self.status(), self::toString);
        Gateway.Reply noReason = Gateway.post(d.adminA, "/checkin/leave/" + own + "/reject", Map.of());
        assertEquals(400, noReason.status(), noReason::toString);
        assertEquals("REASON_REQUIRED", noReason.json().getString("errors[0].code"));
        Gateway.Reply rejected = Gateway.post(d.adminA, "/checkin/leave/" + own + "/reject", Map.of("reason", "汛期值守，不宜请假"));
        assertEquals("REJECTED", rejected.json().getString("status"), rejected::toString);
        assertEquals("汛期值守，不宜请假", rejected.json().getString("decisionReason"));

        Map<String, String> cadre = cadre(d, "bad");
        Gateway.Reply backwards = Gateway.post(cadre, "/checkin/leave", leave(d.gridA1, today().plusDays(3), today(), "SICK"));
        assertEquals("TO_BEFORE_FROM", backwards.json().getString("errors[0].code"), backwards::toString);
        assertEquals("application/problem+json", backwards.header("Content-Type"));
        Gateway.Reply tooLong = Gateway.post(cadre, "/checkin/leave", leave(d.gridA1, today(), today().plusDays(40), "SICK"));
        assertEquals("TOO_LONG", tooLong.json().getString("errors[0].code"), tooLong::toString);
        Map<String, Object> badType = leave(d.gridA1, today(), today(), "HOLIDAY");
        assertEquals(400, Gateway.post(cadre, "/checkin/leave", badType).status());
        Map<String, Object> noDay = leave(d.gridA1, today(), today(), "SICK");
        noDay.put("from", "2026-02-30");
        assertEquals("INVALID_DATE", Gateway.post(cadre, "/checkin/leave", noDay).json().getString("errors[0].code"));
        Gateway.Reply community = Gateway.post(cadre, "/checkin/leave", leave(d.communityA, today(), today(), "SICK"));
        assertEquals("NOT_A_GRID", community.json().getString("errors[0].code"), community::toString);
        Gateway.Reply member = Gateway.post(d.partyMemberA, "/checkin/leave", leave(d.gridA1, today(), today(), "SICK"));
        assertEquals(403, member.status(), () -> "a party member does not clock in, so takes no leave: " + member);
        Gateway.Reply missing = Gateway.post(leader, "/checkin/leave/NOPE/approve", Map.of());
        assertEquals(404, missing.status(), missing::toString);
        Gateway.Reply badMonth = Gateway.get(leader, "/checkin/grids/" + d.gridA1 + "/attendance?month=2026-13");
        assertEquals(400, badMonth.status(), badMonth::toString);
    }

    @Test
    void aRetriedRequestIsOneLeave() throws Exception {
        DemoDistrict d = DemoDistrict.create();
        Map<String, String> cadre = cadre(d, "retry");
        Map<String, Object> body = leave(d.gridA1, today().plusDays(5), today().plusDays(6), "ANNUAL");
        Map<String, String> key = Map.of("Idempotency-Key", "leave-retry-" + d.prefix);
        String answer = Retries.allAnswerAlike(10, () -> Gateway.call(cadre, "POST", "/checkin/leave", body, key));
        assertTrue(answer.contains("\"status\":\"PENDING\""), answer);
        assertEquals(1, Gateway.get(cadre, "/checkin/leave/mine").json().getList("items").size());
    }
}
