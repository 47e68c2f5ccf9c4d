package org.redgrid.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.redgrid.testkit.DemoDistrict;
import org.redgrid.testkit.Gateway;
import org.redgrid.infra.dynamodb.DynamoEngineResource;
import org.redgrid.testkit.StreamPump;
import org.redgrid.testkit.Tokens;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Service records (服务纪实) through the Lambda event path: logged by a member, verified once by a grid leader, counted
 * only when verified, and each verification writes exactly one checkin.ServiceVerified event, read back from the
 * table's stream as the points domain will receive it.
 */
@QuarkusTest
@QuarkusTestResource(DynamoEngineResource.class)
class ServiceRecordTest {

    @Inject
    DynamoDbClient db;

    static String today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
    }

    static Map<String, Object> service(String grid, int minutes, List<String> households) {
        Map<String, Object> body = new HashMap<>();
        body.put("gridCode", grid);
        body.put("day", today());
        body.put("minutes", minutes);
        body.put("category", "助老");
        body.put("content", "为独居老人代购药品并测量血压");
        body.put("householdIds", households);
        return body;
    }

    static Map<String, String> leader(DemoDistrict d) {
        return Tokens.idToken("leader-a1-" + d.prefix, "grid-leader@" + d.gridA1);
    }

    @Test
    void aVerifiedRecordCountsOnceAndEmitsOneServiceVerified() {
        DemoDistrict d = DemoDistrict.create();
        Map<String, String> member = Members.member(d, "svc", d.communityA);
        Map<String, Object> forAProject = service(d.gridA1, 90, List.of("HH2", "HH1"));
        forAProject.put("projectId", "P-2026-07");
        Gateway.Reply logged = Gateway.post(member, "/checkin/services", forAProject);
        assertEquals(201, logged.status(), logged::toString);
        assertEquals("P-2026-07", logged.json().getString("projectId"));
        assertFalse(logged.json().getBoolean("verified"));
        String id = logged.json().getString("id");
        String unverified = Gateway.post(member, "/checkin/services", service(d.gridA1, 30, List.of())).json().getString("id");
        String month = today().substring(0, 7);
        assertEquals(0, Gateway.get(member, "/checkin/services/mine/totals?period=" + month).json().getInt("minutes"),
                "nothing counts before it is verified");

        Gateway.Reply self = Gateway.post(member, "/checkin/services/" + id + "/verify", null);
        assertEquals(403, self.status(), () -> "a member does not verify: " + self);
        Gateway.Reply otherGrid = Gateway.post(d.leaderB1, "/checkin/services/" + id + "/verify", null);
        assertEquals(403, otherGrid.status(), otherGrid::toString);
        Gateway.Reply verified = Gateway.post(leader(d), "/checkin/services/" + id + "/verify", null);
        assertEquals(200, verified.status(), verified::toString);
        assertTrue(verified.json().getBoolean("verified"));
        Gateway.Reply twice = Gateway.post(leader(d), "/checkin/services/" + id + "/verify", null);
        assertEquals(409, twice.status(), twice::toString);
        assertEquals("ALREADY_VERIFIED", twice.json().getString("code"));

        Gateway.Reply monthTotals = Gateway.get(member, "/checkin/services/mine/totals?period=" + month);
        assertEquals(List.of(90, 1), List.of(monthTotals.json().getInt("minutes"), monthTotals.json().getInt("records")));
        Gateway.Reply yearTotals = Gateway.get(member, "/checkin/services/mine/totals?period=" + month.substring(0, 4));
        assertEquals(90, yearTotals.json().getInt("minutes"));
        assertEquals(List.of(id, unverified), Gateway.get(member, "/checkin/services/mine").json().getList("items.id"));
        String quarter = month.substring(0, 4) + "Q" + ((Integer.parseInt(month.substring(5)) - 1) / 3 + 1);
        Gateway.Reply ledger = Gateway.get(d.workerA1, "/checkin/grids/" + d.gridA1 + "/ledger?quarter=" + quarter);
        assertEquals(200, ledger.status(), ledger::toString);
        assertEquals(List.of(true, false), ledger.json().getList("items.verified"));

        List<JsonNode> events = new ArrayList<>();
        StreamPump.eventsOf(db, "CheckinTable").path("Records").forEach(r -> {
            JsonNode image = r.path("dynamodb").path("NewImage");
            if ("checkin.ServiceVerified".equals(image.path("eventType").path("S").asText())
                    && id.equals(image.path("data").path("M").path("recordId").path("S").asText())) {
                events.add(image);
            }
        });
        assertEquals(1, events.size(), "one event per verification, none for the refused second one");
        JsonNode data = events.get(0).path("data").path("M");
        assertEquals("svc-" + d.prefix, data.path("memberId").path("S").asText());
        assertEquals("1.5", data.path("hours").path("S").asText());
        assertEquals("HH1,HH2", data.path("householdIds").path("S").asText());
        assertEquals("助老", data.path("category").path("S").asText());
        assertEquals(d.gridA1, data.path("node").path("S").asText());
        assertEquals("P-2026-07", data.path("projectId").path("S").asText(), "the project it was part of");
        assertTrue(data.path("demandId").isMissingNode(), "no demand: no attribute");
        assertEquals(d.gridA1, events.get(0).path("subjectNode").path("S").asText());
    }

    @Test
    void badInputAndSelfVerificationAreRefused() {
        DemoDistrict d = DemoDistrict.create();
        Map<String, String> member = Members.member(d, "bad", d.communityA);
        Map<String, Object> tooShort = service(d.gridA1, 5, List.of());
        Gateway.Reply shortOne = Gateway.post(member, "/checkin/services", tooShort);
        assertEquals(400, shortOne.status(), shortOne::toString);
        assertEquals("application/problem+json", shortOne.header("Content-Type"));
        Map<String, Object> future = service(d.gridA1, 60, List.of());
        future.put("day", LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(2).toString());
        assertEquals("IN_THE_FUTURE", Gateway.post(member, "/checkin/services", future).json().getString("errors[0].code"));
        Map<String, Object> noSuchDay = service(d.gridA1, 60, List.of());
        noSuchDay.put("day", "2026-02-30");
        assertEquals("INVALID_DATE", Gateway.post(member, "/checkin/services", noSuchDay).json().getString("errors[0].code"));
        Gateway.Reply badQuarter = Gateway.get(d.workerA1, "/checkin/grids/" + d.gridA1 + "/ledger?quarter=2026Q5");
        assertEquals(400, badQuarter.status(), badQuarter::toString);

        String own = Gateway.post(leader(d), "/checkin/services", service(d.gridA1, 60, List.of())).json().getString("id");
        Gateway.Reply selfVerify = Gateway.post(leader(d), "/checkin/services/" + own + "/verify", null);
        assertEquals(403, selfVerify.status(), selfVerify::toString);
        Gateway.Reply missing = Gateway.post(leader(d), "/checkin/services/NOPE/verify", null);
        assertEquals(404, missing.status(), missing::toString);
    }
}
