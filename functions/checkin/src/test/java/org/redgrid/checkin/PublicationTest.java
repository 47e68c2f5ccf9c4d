package org.redgrid.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.redgrid.infra.dynamodb.DynamoEngineResource;
import org.redgrid.testkit.DemoDistrict;
import org.redgrid.testkit.Gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Quarterly publication (按季度公示): once a quarter is over, a grid's leader freezes each member's verified hours and
 * records; everyone signed in reads it; it is published once and does not change afterwards.
 */
@QuarkusTest
@QuarkusTestResource(DynamoEngineResource.class)
class PublicationTest {

    /** The quarter before the current one, and its first day. */
    static LocalDate lastQuarterStart() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        LocalDate thisQuarter = LocalDate.of(today.getYear(), (today.getMonthValue() - 1) / 3 * 3 + 1, 1);
        return thisQuarter.minusMonths(3);
    }

    static String quarterOf(LocalDate day) {
        return day.getYear() + "Q" + ((day.getMonthValue() - 1) / 3 + 1);
    }

    static String verified(DemoDistrict d, Map<String, String> member, LocalDate day, int minutes) {
        Map<String, Object> body = ServiceRecordTest.service(d.gridA1, minutes, List.of());
        body.put("day", day.toString());
        String id = Gateway.post(member, "/checkin/services", body).json().getString("id");
        assertEquals(200, Gateway.post(ServiceRecordTest.leader(d), "/checkin/services/" + id + "/verify", null).status());
        return id;
    }

    @Test
    void aFinishedQuarterIsPublishedOnceFrozenAndReadByEveryone() {
        DemoDistrict d = DemoDistrict.create();
        LocalDate start = lastQuarterStart();
        String quarter = quarterOf(start);
        Map<String, String> registered = Members.member(d, "pub-a", d.communityA);
        Members.register(registered, Members.registration(d.buildingA11, "E" + d.prefix, false));
        Map<String, String> other = Members.member(d, "pub-b", d.communityA);
        verified(d, registered, start, 60);
        verified(d, registered, start.plusDays(3), 30);
        verified(d, other, start.plusDays(1), 45);
        Map<String, Object> unverified = ServiceRecordTest.service(d.gridA1, 120, List.of());
        unverified.put("day", start.toString());
        assertEquals(201, Gateway.post(other, "/checkin/services", unverified).status());

        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        String path = "/checkin/grids/" + d.gridA1 + "/publications";
        Gateway.Reply published = Gateway.call(ServiceRecordTest.leader(d), "POST", path, Map.of("quarter", quarter), key);
        assertEquals(201, published.status(), published::toString);
        assertEquals(List.of("pub-a-" + d.prefix, "pub-b-" + d.prefix), published.json().getList("members.memberId"));
        assertEquals(List.of(90, 45), published.json().getList("members.minutes"));
        assertEquals(List.of("1.5", "0.75"), published.json().getList("members.hours"));
        assertEquals(List.of(2, 1), published.json().getList("members.verifiedRecords"));
        assertEquals("党员A11", published.json().getString("members[0].name"), "the name from the registration");
        assertEquals(135, published.json().getInt("totalMinutes"));
        Gateway.Reply retried = Gateway.call(ServiceRecordTest.leader(d), "POST", path, Map.of("quarter", quarter), key);
        assertEquals(201, retried.status(), () -> "a retry with the same key answers with the publication: " + retried);
        Gateway.Reply twice = Gateway.post(d.adminA, path, Map.of("quarter", quarter));
        assertEquals(409, twice.status(), twice::toString);
        assertEquals("ALREADY_PUBLISHED", twice.json().getString("code"));

        verified(d, other, start.plusDays(2), 60);
        Gateway.Reply read = Gateway.get(Beneficiaries.resident("anyone-" + d.prefix), path + "/" + quarter);
        assertEquals(200, read.status(), read::toString);
        assertEquals(List.of(90, 45), read.json().getList("members.minutes"), "published figures do not change");
        assertEquals(d.gridA1, read.json().getString("gridCode"));
        assertEquals("幸福一网格", read.json().getString("gridName"));
    }

    @Test
    void aRunningQuarterOtherGridsAndBadQuartersAreRefused() {
        DemoDistrict d = DemoDistrict.create();
        String path = "/checkin/grids/" + d.gridA1 + "/publications";
        Gateway.Reply running = Gateway.post(ServiceRecordTest.leader(d), path, Map.of("quarter", quarterOf(LocalDate.now(ZoneId.of("Asia/Shanghai")))));
        assertEquals(409, running.status(), running::toString);
        assertEquals("QUARTER_NOT_OVER", running.json().getString("code"));
        Gateway.Reply foreign = Gateway.post(d.leaderB1, path, Map.of("quarter", "2025Q1"));
        assertEquals(403, foreign.status(), foreign::toString);
        Gateway.Reply worker = Gateway.post(d.workerA1, path, Map.of("quarter", "2025Q1"));
        assertEquals(403, worker.status(), () -> "a grid worker does not publish: " + worker);
        Gateway.Reply bad = Gateway.post(d.adminA, path, Map.of("quarter", "2025Q5"));
        assertEquals(400, bad.status(), bad::toString);
        assertEquals("application/problem+json", bad.header("Content-Type"));
        Gateway.Reply community = Gateway.post(d.adminA, "/checkin/grids/" + d.communityA + "/publications", Map.of("quarter", "2025Q1"));
        assertEquals("NOT_A_GRID", community.json().getString("code"), community::toString);
        Gateway.Reply none = Gateway.get(d.workerA1, path + "/2025Q2");
        assertEquals(404, none.status(), none::toString);
        assertEquals("NOT_PUBLISHED", none.json().getString("code"));
        assertEquals(400, Gateway.get(d.workerA1, path + "/2025Q9").status());
    }
}
