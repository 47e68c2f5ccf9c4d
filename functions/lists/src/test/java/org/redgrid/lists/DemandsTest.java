package org.redgrid.lists;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.redgrid.infra.dynamodb.DynamoEngineResource;
import org.redgrid.testkit.Gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The demand list through the Lambda event path: a resident's need from submission to feedback, staff's lists with
 * their filters, the indicators kept along the way, bad input, and the bulk import.
 */
@QuarkusTest
@QuarkusTestResource(DynamoEngineResource.class)
class DemandsTest {

    @Test
    void aResidentsWishGoesFromSubmissionToFeedbackAndTheIndicatorsFollow() {
        ListsWorld w = new ListsWorld();
        Map<String, Object> wish = ListsWorld.demand(w.d.gridA1, "WISH");
        wish.put("windowStart", "2026-12-01T01:00:00Z");
        wish.put("windowEnd", "2026-12-01T09:00:00Z");
        Gateway.Reply submitted = Gateway.post(w.resident, "/lists/demands", wish);
        assertEquals(201, submitted.status(), submitted::toString);
        assertEquals("PHONE", submitted.json().getString("source"));
        assertEquals("OPEN", submitted.json().getString("status"));
        assertEquals(w.d.communityA, submitted.json().getString("communityCode"));
        String id = submitted.json().getString("id");
        String visit = w.demandAt(w.d.adminA, w.d.gridA2, "CLINIC");
        assertEquals("VISIT", Gateway.get(w.d.workerA1, "/lists/demands/" + w.demandA1("CLINIC")).json().getString("source"));

        assertEquals(List.of(id), Gateway.get(w.resident, "/lists/demands/mine").json().getList("items.id"));
        assertEquals(200, Gateway.get(w.resident, "/lists/demands/" + id).status(), "the submitter sees their own");
        assertEquals(403, Gateway.get(w.otherResident, "/lists/demands/" + id).status(), "another resident does not");
        assertEquals(List.of(id), Gateway.get(w.d.adminA, "/lists/demands?under=" + w.d.communityA + "&category=WISH")
                .json().getList("items.id"));
        assertEquals(List.of(visit), Gateway.get(w.d.adminA, "/lists/demands?under=" + w.d.gridA2).json().getList("items.id"),
                "a grid's open demands");
        assertEquals(3, Gateway.get(w.memberA, "/lists/demands?under=" + w.d.communityA + "&status=OPEN").json()
                .getList("items").size());

        String resource = w.resourceA(w.memberA, "MEMBER", 3, "WISH");
        assertEquals(201, w.claim(w.memberA, id, resource).status());
        assertEquals(List.of(id), Gateway.get(w.d.adminA, "/lists/demands?under=" + w.d.communityA + "&status=CLAIMED")
                .json().getList("items.id"), "the demand moved to the claimed list");
        Gateway.Reply early = Gateway.post(w.resident, "/lists/demands/" + id + "/feedback", Map.of("rating", 5));
        assertEquals(409, early.status(), early::toString);
        assertEquals("DEMAND_NOT_DONE", early.json().getString("code"));
        Gateway.Reply notClaimant = Gateway.post(w.freshMemberA(), "/lists/demands/" + id + "/done", Map.of());
        assertEquals(403, notClaimant.status(), notClaimant::toString);
        Gateway.Reply done = Gateway.post(w.memberA, "/lists/demands/" + id + "/done", Map.of("note", "已送到"));
        assertEquals("DONE", done.json().getString("status"), done::toString);
        Gateway.Reply closed = Gateway.post(w.resident, "/lists/demands/" + id + "/feedback", Map.of("rating", 4, "comment", "谢谢党员同志"));
        assertEquals(200, closed.status(), closed::toString);
        assertEquals("CLOSED", closed.json().getString("status"));
        assertEquals(4, closed.json().getInt("feedback.rating"));
        assertEquals("谢谢党员同志", closed.json().getString("feedback.comment"));

        String cancelled = w.demandAt(w.resident, w.d.gridA1, "CARE");
        assertEquals("CANCELLED", Gateway.post(w.resident, "/lists/demands/" + cancelled + "/cancel", Map.of("reason", "不需要了"))
                .json().getString("status"));
        Gateway.Reply twice = Gateway.post(w.d.workerA1, "/lists/demands/" + cancelled + "/cancel", Map.of("reason", "重复"));
        assertEquals("DEMAND_NOT_OPEN", twice.json().getString("code"), twice::toString);

        Gateway.Reply ind = Gateway.get(w.d.adminA, "/lists/nodes/" + w.d.communityA + "/indicators");
        assertEquals(200, ind.status(), ind::toString);
        assertEquals(4, ind.json().getInt("total"));
        assertEquals(Map.of("OPEN", 2, "CLAIMED", 0, "MATCHED", 0, "DONE", 0, "CLOSED", 1, "CANCELLED", 1),
                ind.json().getMap("byStatus"));
        assertEquals(1, ind.json().getInt("byCategory.WISH"));
        assertEquals(2, ind.json().getInt("byCategory.CLINIC"));
        assertEquals(Map.of(w.d.gridA1, 3, w.d.gridA2, 1), ind.json().getMap("byGrid"));
        assertEquals(0.333f, ind.json().getFloat("matchRate"), "one served of three not cancelled");
        assertEquals(4, ind.json().getInt("published"));
        assertEquals(1, ind.json().getInt("claimed"));
        assertEquals(1, ind.json().getInt("closed"));
        assertEquals(4.0f, ind.json().getFloat("averageRating"));
        assertEquals(15, ind.json().getInt("medianMinutesToClaim"), "claimed within the first bucket");
        assertEquals(1, ind.json().getInt("taken"));
        assertEquals(3, ind.json().getInt("capacity"));
        Gateway.Reply grid2 = Gateway.get(w.d.adminA, "/lists/nodes/" + w.d.gridA2 + "/indicators");
        assertEquals(1, grid2.json().getInt("total"));
        assertNull(grid2.json().get("medianMinutesToClaim"));
    }

    @Test
    void aResidentsHomeBuildingPlacesTheDemandInTheGridAboveIt() {
        ListsWorld w = new ListsWorld();
        Gateway.Reply submitted = Gateway.post(w.resident, "/lists/demands", ListsWorld.demand(w.d.buildingA11, "CARE"));
        assertEquals(201, submitted.status(), submitted::toString);
        assertEquals(w.d.gridA1, submitted.json().getString("gridCode"), "the building's grid, not the building");
        assertEquals(List.of(submitted.json().getString("id")),
                Gateway.get(w.d.workerA1, "/lists/demands?under=" + w.d.gridA1).json().getList("items.id"));
    }

    @Test
    void aResidentAsksForTheirOwnHouseholdInTheirOwnGridAndStaffNameTheCommunitysHouseholds() {
        ListsWorld w = new ListsWorld();
        Gateway.Reply own = Gateway.post(w.resident, "/lists/demands", ListsWorld.demand(w.d.gridA1, "CARE"));
        assertEquals(201, own.status(), own::toString);
        assertEquals(List.of(w.householdA1), own.json().getList("householdIds"), "no household named: their own");

        Map<String, Object> elsewhere = ListsWorld.demand(w.d.gridA2, "CARE");
        elsewhere.put("householdIds", List.of(w.householdA1));
        Gateway.Reply away = Gateway.post(w.resident, "/lists/demands", elsewhere);
        assertEquals(400, away.status(), away::toString);
        assertEquals(List.of("NOT_YOUR_GRID"), away.json().getList("errors.code"));
        String neighbour = w.d.household(w.d.gridA1, "幸福里1号楼102室");
        Map<String, Object> forNeighbour = ListsWorld.demand(w.d.gridA1, "CARE");
        forNeighbour.put("householdIds", List.of(neighbour));
        Gateway.Reply other = Gateway.post(w.resident, "/lists/demands", forNeighbour);
        assertEquals(List.of("householdIds"), other.json().getList("errors.field"), other::toString);
        assertEquals(List.of("NOT_YOUR_HOUSEHOLD"), other.json().getList("errors.code"));
        Gateway.Reply unlinked = Gateway.post(w.otherResident, "/lists/demands", ListsWorld.demand(w.d.gridA1, "CARE"));
        assertEquals(403, unlinked.status(), unlinked::toString);
        assertEquals("NOT_A_RESIDENT", unlinked.json().getString("code"));

        String inB = w.d.household(w.d.gridB1, "和平里3号楼201室");
        Map<String, Object> visit = ListsWorld.demand(w.d.gridA1, "CARE");
        visit.put("householdIds", List.of(neighbour, "HH-NOBODY", inB));
        Gateway.Reply unknown = Gateway.post(w.d.workerA1, "/lists/demands", visit);
        assertEquals(400, unknown.status(), unknown::toString);
        assertEquals(List.of("householdIds[1]", "householdIds[2]"), unknown.json().getList("errors.field"));
        assertEquals(List.of("HOUSEHOLD_UNKNOWN", "HOUSEHOLD_UNKNOWN"), unknown.json().getList("errors.code"));
        assertEquals(List.of(own.json().getString("id")), Gateway.get(w.d.adminA, "/lists/demands?under=" + w.d.communityA)
                .json().getList("items.id"), "nothing refused was written");
        visit.put("householdIds", List.of(neighbour));
        assertEquals(List.of(neighbour), Gateway.post(w.d.workerA1, "/lists/demands", visit).json().getList("householdIds"));
    }

    @Test
    void badInputIsRefusedWithTheFieldNamed() {
        ListsWorld w = new ListsWorld();
        Map<String, Object> bad = ListsWorld.demand(w.d.communityA, "NOPE");
        bad.put("windowStart", "2026-12-01T09:00:00Z");
        bad.put("windowEnd", "2026-12-01T08:00:00Z");
        Gateway.Reply r = Gateway.post(w.d.workerA1, "/lists/demands", bad);
        assertEquals(400, r.status(), r::toString);
        assertEquals("application/problem+json", r.header("Content-Type"));
        assertEquals("VALIDATION_FAILED", r.json().getString("code"));
        Map<String, String> codes = new HashMap<>();
        r.json().getList("errors", Map.class).forEach(e -> codes.put((String) e.get("field"), (String) e.get("code")));
        assertEquals(Map.of("category", "UNKNOWN_CATEGORY", "gridCode", "WRONG_LEVEL", "windowEnd", "WINDOW_ORDER"), codes);
        Map<String, Object> control = ListsWorld.demand(w.d.gridA1, "CARE");
        control.put("title", "修水管\u202E");
        control.put("urgency", 9);
        Gateway.Reply c = Gateway.post(w.d.workerA1, "/lists/demands", control);
        assertEquals(400, c.status(), c::toString);
        assertEquals(List.of("title", "urgency"), c.json().getList("errors.field"));
        assertEquals(404, Gateway.get(w.d.workerA1, "/lists/demands/NOPE").status());
        Gateway.Reply status = Gateway.get(w.d.workerA1, "/lists/demands?under=" + w.d.gridA1 + "&status=LOST");
        assertEquals("status", status.json().getString("errors[0].field"), status::toString);
        Gateway.Reply category = Gateway.get(w.d.workerA1, "/lists/demands?under=" + w.d.gridA1 + "&category=lost");
        assertEquals("UNKNOWN_CATEGORY", category.json().getString("errors[0].code"), category::toString);
        Gateway.Reply cursor = Gateway.get(w.d.workerA1, "/lists/demands?under=" + w.d.gridA1 + "&cursor=forged.x");
        assertEquals("BAD_CURSOR", cursor.json().getString("errors[0].code"), cursor::toString);
    }

    @Test
    void anImportIsCheckedWholeAndWrittenOnce() {
        ListsWorld w = new ListsWorld();
        Map<String, Object> badRow = ListsWorld.demand(w.d.gridA1, "LOST");
        badRow.remove("title");
        List<Map<String, Object>> rows = List.of(ListsWorld.demand(w.d.gridA1, "LABOUR"), badRow,
                ListsWorld.demand("NOWHERE", "LABOUR"));
        Gateway.Reply refused = Gateway.call(w.d.workerA1, "POST", "/lists/demands/import", Map.of("rows", rows),
                Map.of("Idempotency-Key", "import-" + w.d.prefix));
        assertEquals(400, refused.status(), refused::toString);
        assertEquals(List.of("rows[1].title"), refused.json().getList("errors.field"), "bean validation first");
        badRow.put("title", "清理楼道杂物");
        Gateway.Reply semantic = Gateway.call(w.d.workerA1, "POST", "/lists/demands/import", Map.of("rows", rows),
                Map.of("Idempotency-Key", "import-" + w.d.prefix));
        assertEquals(List.of("rows[1].category", "rows[2].gridCode"), semantic.json().getList("errors.field"), semantic::toString);
        assertEquals(0, Gateway.get(w.d.workerA1, "/lists/demands?under=" + w.d.gridA1).json().getList("items").size(),
                "nothing written");

        badRow.put("category", "ENVIRONMENT");
        List<Map<String, Object>> good = List.of(rows.get(0), badRow);
        Map<String, String> key = Map.of("Idempotency-Key", "import2-" + w.d.prefix);
        Gateway.Reply first = Gateway.call(w.d.workerA1, "POST", "/lists/demands/import", Map.of("rows", good), key);
        assertEquals(200, first.status(), first::toString);
        assertEquals(2, first.json().getInt("created"));
        Gateway.Reply again = Gateway.call(w.d.workerA1, "POST", "/lists/demands/import", Map.of("rows", good), key);
        assertEquals(first.json().getList("ids"), again.json().getList("ids"));
        assertEquals(List.of(0, 2), List.of(again.json().getInt("created"), again.json().getInt("existing")));
        List<String> listed = Gateway.get(w.d.workerA1, "/lists/demands?under=" + w.d.gridA1).json().getList("items.id");
        assertEquals(2, listed.size());
        assertTrue(listed.containsAll(first.json().getList("ids")));
        assertEquals("IMPORT", Gateway.get(w.d.workerA1, "/lists/demands/" + listed.get(0)).json().getString("source"));
        Gateway.Reply reused = Gateway.call(w.d.workerA1, "POST", "/lists/demands/import", Map.of("rows", List.of(badRow)), key);
        assertEquals(422, reused.status(), reused::toString);
        assertEquals("IDEMPOTENCY_KEY_REUSED", reused.json().getString("code"));
        assertEquals(2, Gateway.get(w.d.adminA, "/lists/nodes/" + w.d.gridA1 + "/indicators").json().getInt("total"));
    }
}
