package org.redgrid.points;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.redgrid.infra.dynamodb.DynamoEngineResource;
import org.redgrid.testkit.Gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The monthly inspection sheet: scored while open, published once, clean households paid once, read-only after. */
@QuarkusTest
@QuarkusTestResource(DynamoEngineResource.class)
class InspectionTest {

    @Test
    void publishingPaysEachCleanHouseholdOnceAndFreezesTheSheet() {
        PointsWorld w = new PointsWorld();
        String c = w.d.communityA;
        String month = "2026-10";
        Gateway.Reply noRule = Gateway.post(w.d.workerA1, "/points/inspections", Map.of("gridCode", w.d.gridA1, "month", month));
        assertEquals(409, noRule.status(), noRule::toString);
        assertEquals("NO_INSPECTION_RULE", noRule.json().getString("code"));
        w.rule(w.d.adminA, c, "INSPECTION", 20, Map.of("threshold", 24, "maxScore", 10));
        String clean = w.household(w.d.gridA1);
        String dirty = w.household(w.d.gridA1);
        String spotless = w.household(w.d.buildingA11);
        String elsewhere = w.household(w.d.gridA2);

        Gateway.Reply opened = Gateway.post(w.d.workerA1, "/points/inspections", Map.of("gridCode", w.d.gridA1, "month", month));
        assertEquals(201, opened.status(), opened::toString);
        assertEquals("OPEN", opened.json().getString("status"));
        assertEquals(3, opened.json().getList("households").size(), "the grid's households, its buildings' included");
        Gateway.Reply twice = Gateway.post(w.d.workerA1, "/points/inspections", Map.of("gridCode", w.d.gridA1, "month", month));
        assertEquals("SHEET_EXISTS", twice.json().getString("code"));
        Gateway.Reply badMonth = Gateway.post(w.d.workerA1, "/points/inspections", Map.of("gridCode", w.d.gridA1, "month", "10/2026"));
        assertEquals(400, badMonth.status(), badMonth::toString);

        String sheet = "/points/inspections/" + w.d.gridA1 + "/" + month;
        score(w, sheet, clean, 9, 9, 8, 200);
        score(w, sheet, clean, 9, 9, 9, 200);
        score(w, sheet, dirty, 5, 6, 7, 200);
        score(w, sheet, spotless, 10, 10, 10, 200);
        assertEquals("SCORE_OUT_OF_RANGE", score(w, sheet, dirty, 11, 0, 0, 400).json().getString("errors[0].code"));
        assertEquals("NOT_IN_GRID", score(w, sheet, elsewhere, 9, 9, 9, 400).json().getString("errors[0].code"));

        Gateway.Reply published = Gateway.post(w.d.workerA1, sheet + "/publish", null);
        assertEquals(200, published.status(), published::toString);
        assertEquals("PUBLISHED", published.json().getString("status"));
        assertEquals(List.of(clean, spotless).stream().sorted().toList(),
                published.json().getList("scores.findAll { it.clean }.householdId", String.class).stream().sorted().toList());
        assertNotNull(published.json().getString("scores.find { it.householdId == '" + clean + "' }.entryId"));
        assertNull(published.json().get("scores.find { it.householdId == '" + dirty + "' }.points"));
        assertEquals(20, w.balance(PointsWorld.hh(clean)));
        assertEquals(20, w.balance(PointsWorld.hh(spotless)));
        assertEquals(0, w.balance(PointsWorld.hh(dirty)));

        Gateway.Reply again = Gateway.post(w.d.workerA1, sheet + "/publish", null);
        assertEquals(200, again.status(), again::toString);
        assertEquals(20, w.balance(PointsWorld.hh(clean)), "a second publication pays nobody again");
        assertEquals("SHEET_PUBLISHED", score(w, sheet, dirty, 10, 10, 10, 409).json().getString("code"));

        Gateway.Reply list = Gateway.get(w.d.adminA, "/points/inspections?community=" + c + "&month=" + month);
        assertEquals(List.of("PUBLISHED"), list.json().getList("status", String.class), list::toString);
        Gateway.Reply outside = Gateway.post(w.d.leaderB1, sheet + "/publish", null);
        assertEquals(403, outside.status(), outside::toString);
        assertEquals(true, w.trialBalance(c).get("balanced"));
    }

    private static Gateway.Reply score(PointsWorld w, String sheet, String household, int personal, int indoor, int surroundings,
            int status) {
        Gateway.Reply r = Gateway.call(w.d.workerA1, "PUT", sheet + "/scores/" + household,
                Map.of("personal", personal, "indoor", indoor, "surroundings", surroundings));
        assertEquals(status, r.status(), r::toString);
        return r;
    }
}
