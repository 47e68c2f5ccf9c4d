package org.redgrid.lists;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.redgrid.kernel.dynamo.Attr;
import org.redgrid.kernel.dynamo.SingleTable;
import org.redgrid.lists.control.ListsStore;
import org.redgrid.lists.entity.Demand;
import org.redgrid.lists.entity.DemandStatus;
import org.redgrid.lists.entity.Keys;
import org.redgrid.infra.dynamodb.DynamoEngineResource;
import org.redgrid.testkit.Gateway;

import io.restassured.path.json.JsonPath;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Matching batches through the Lambda event path: the community's weights, the stored optimal proposal with its
 * explanations paged by grid, and staff's decisions turning pairs into claims under the claim rules.
 */
@QuarkusTest
@QuarkusTestResource(DynamoEngineResource.class)
class MatchingTest {

    @Test
    void weightsAreStoredPerCommunityAndValidated() {
        ListsWorld w = new ListsWorld();
        String path = "/lists/communities/" + w.d.communityA + "/weights";
        Gateway.Reply defaults = Gateway.get(w.d.adminA, path);
        assertEquals(List.of(30, 30, 20, 10, 10, false), List.of(defaults.json().getInt("category"), defaults.json().getInt("skill"),
                defaults.json().getInt("proximity"), defaults.json().getInt("time"), defaults.json().getInt("urgency"),
                defaults.json().getBoolean("custom")));
        Gateway.Reply negative = Gateway.call(w.d.adminA, "PUT", path, Map.of("category", -1, "skill", 1, "proximity", 1, "time", 1, "urgency", 1));
        assertEquals("category", negative.json().getString("errors[0].field"), negative::toString);
        Gateway.Reply zero = Gateway.call(w.d.adminA, "PUT", path, Map.of("category", 0, "skill", 0, "proximity", 0, "time", 0, "urgency", 0));
        assertEquals("ALL_ZERO", zero.json().getString("errors[0].code"), zero::toString);
        Gateway.Reply set = Gateway.call(w.d.adminA, "PUT", path, Map.of("category", 50, "skill", 20, "proximity", 20, "time", 5, "urgency", 5));
        assertEquals(200, set.status(), set::toString);
        Gateway.Reply read = Gateway.get(w.d.streetAdmin, path);
        assertEquals(List.of(50, true), List.of(read.json().getInt("category"), read.json().getBoolean("custom")));
        JsonPath other = Gateway.get(w.d.adminB, "/lists/communities/" + w.d.communityB + "/weights").json();
        assertEquals(List.of(30, false), List.of(other.getInt("category"), other.getBoolean("custom")),
                "another community keeps the defaults");
        Gateway.Reply grid = Gateway.get(w.d.adminA, "/lists/communities/" + w.d.gridA1 + "/weights");
        assertEquals("NOT_COMMUNITY_OR_STREET", grid.json().getString("code"), grid::toString);
    }

    @Inject
    ListsStore store;

    @Test
    void aBatchProposesTheOptimumWithExplanationsPagedByGridAndDecisionsBecomeClaims() {
        ListsWorld w = new ListsWorld();
        Map<String, Object> gridOnly = ListsWorld.resource("MEMBER", w.d.gridA1, List.of(w.d.gridA1), List.of("ELDERLY"),
                List.of("水电维修"), 1);
        String r1 = Gateway.post(w.memberA, "/lists/resources", gridOnly).json().getString("id");
        String r2 = Gateway.post(w.unitA, "/lists/resources", ListsWorld.resource("UNIT", w.d.communityA, List.of(w.d.communityA),
                List.of("ELDERLY"), List.of(), 5)).json().getString("id");
        String d1 = w.demandAt(w.d.workerA1, w.d.gridA1, "ELDERLY", "水电维修");
        String d2 = w.demandAt(w.d.workerA1, w.d.gridA1, "ELDERLY");
        String d3 = w.demandAt(w.d.adminA, w.d.gridA2, "CLINIC", "义诊");
        String d4 = w.demandAt(w.d.adminA, w.d.gridA2, "ELDERLY");

        Gateway.Reply run = Gateway.post(w.d.adminA, "/lists/matching/batches", Map.of("nodeCode", w.d.communityA));
        assertEquals(201, run.status(), run::toString);
        JsonPath head = run.json();
        String id = head.getString("id");
        assertEquals(List.of(4, 3, 1, 1), List.of(head.getInt("demandCount"), head.getInt("pairCount"), head.getInt("unmatchedCount"),
                head.getInt("noCandidateCount")));
        assertNull(head.get("pairs"), "the head carries no pairs: they are paged");
        List<Map<String, Object>> proposed = allPairs(w, id, "");
        assertEquals(Map.of(d1, r1, d2, r2, d4, r2), byDemand(proposed), "same grid and skill go to the member, the rest to the unit");
        long total = 0;
        for (Map<String, Object> pair : proposed) {
            @SuppressWarnings("unchecked")
            Map<String, Object> fit = (Map<String, Object>) pair.get("fit");
            @SuppressWarnings("unchecked")
            List<Integer> contributions = ((List<Map<String, Integer>>) fit.get("components")).stream().map(c -> c.get("contribution")).toList();
            assertEquals(5, contributions.size());
            assertEquals(fit.get("total"), contributions.stream().mapToInt(Integer::intValue).sum(), "the breakdown adds up to the fit");
            assertFalse(((String) fit.get("explanation")).isBlank());
            total += (Integer) fit.get("total");
        }
        assertEquals(total, head.getLong("totalFit"));
        String pairsOf = "/lists/matching/batches/" + id + "/pairs";
        JsonPath firstPage = Gateway.get(w.d.adminA, pairsOf + "?limit=2").json();
        assertEquals(2, firstPage.getList("items").size());
        assertTrue(firstPage.getString("items[0].fit.explanation").contains("同一网格"), "grid A1's pairs come first");
        JsonPath secondPage = Gateway.get(w.d.adminA, pairsOf + "?limit=2&cursor=" + firstPage.getString("nextCursor")).json();
        assertEquals(List.of(d4), secondPage.getList("items.demandId"));
        assertNull(secondPage.getString("nextCursor"));
        assertEquals(List.of(d4), Gateway.get(w.d.adminA, pairsOf + "?grid=" + w.d.gridA2).json().getList("items.demandId"), "a grid's pairs");
        Gateway.Reply outside = Gateway.get(w.d.adminA, pairsOf + "?grid=" + w.d.gridB1);
        assertEquals("NOT_IN_BATCH", outside.json().getString("errors[0].code"), outside::toString);
        JsonPath unmatched = Gateway.get(w.d.adminA, pairsOf + "?unmatched=true").json();
        assertEquals(List.of(d3, "NO_CANDIDATE"), List.of(unmatched.getString("items[0].demandId"), unmatched.getString("items[0].unmatchedReason")));

        String rerun = Gateway.post(w.d.adminA, "/lists/matching/batches", Map.of("nodeCode", w.d.communityA)).json().getString("id");
        assertEquals(proposed, allPairs(w, rerun, ""), "deterministic");
        assertEquals(List.of(rerun, id), Gateway.get(w.d.adminA, "/lists/matching/batches?under=" + w.d.communityA)
                .json().getList("items.id"), "newest first");
        Map<String, String> key = Map.of("Idempotency-Key", "batch-" + w.d.prefix);
        Map<String, String> body = Map.of("nodeCode", w.d.communityA);
        String keyed = Gateway.call(w.d.adminA, "POST", "/lists/matching/batches", body, key).json().getString("id");
        Gateway.Reply retried = Gateway.call(w.d.adminA, "POST", "/lists/matching/batches", body, key);
        assertEquals(201, retried.status(), retried::toString);
        assertEquals(keyed, retried.json().getString("id"), "a retried run answers with its first batch");
        assertEquals(List.of(keyed, rerun, id), Gateway.get(w.d.adminA, "/lists/matching/batches?under=" + w.d.communityA)
                .json().getList("items.id"), "and makes no other");

        assertEquals(201, w.claim(w.unitA, d2, r2).status(), "claimed on the phone meanwhile");
        String team = Gateway.post(w.d.adminA, "/lists/resources", ListsWorld.resource("TEAM", w.d.communityA,
                List.of(w.d.gridA2), List.of("ELDERLY"), List.of(), 2)).json().getString("id");
        Gateway.Reply unknown = Gateway.post(w.d.adminA, "/lists/matching/batches/" + id + "/decide", Map.of("reject", List.of("NOPE")));
        assertEquals("NOT_IN_BATCH", unknown.json().getString("errors[0].code"), unknown::toString);
        Map<String, Object> decision = new HashMap<>();
        decision.put("accept", List.of(Map.of("demandId", d1, "resourceId", r1), Map.of("demandId", d2, "resourceId", r2),
                Map.of("demandId", d4, "resourceId", team)));
        decision.put("reject", List.of(d3));
        Gateway.Reply decided = Gateway.post(w.d.adminA, "/lists/matching/batches/" + id + "/decide", decision);
        assertEquals(200, decided.status(), decided::toString);
        JsonPath after = decided.json();
        assertEquals(List.of(2, 1, 1), List.of(after.getInt("batch.accepted"), after.getInt("batch.failed"), after.getInt("batch.rejected")));
        assertEquals("DEMAND_ALREADY_CLAIMED", after.getString("pairs.find { it.demandId == '" + d2 + "' }.decisionCode"));
        assertEquals(team, after.getString("pairs.find { it.demandId == '" + d4 + "' }.decidedResourceId"), "edited pair");
        JsonPath gridA1 = Gateway.get(w.d.adminA, pairsOf + "?grid=" + w.d.gridA1).json();
        assertEquals(Map.of(d1, "ACCEPTED", d2, "FAILED"), Map.of(gridA1.getString("items[0].demandId"), gridA1.getString("items[0].decision"),
                gridA1.getString("items[1].demandId"), gridA1.getString("items[1].decision")), "decisions show on the page");
        assertEquals("REJECTED", Gateway.get(w.d.adminA, pairsOf + "?unmatched=true").json().getString("items[0].decision"));

        JsonPath matched = Gateway.get(w.d.adminA, "/lists/demands/" + d1).json();
        assertEquals(List.of("MATCHED", "MATCHING", "member-a-" + w.d.prefix, "admin-a-" + w.d.prefix), List.of(matched.getString("status"),
                matched.getString("claim.via"), matched.getString("claim.claimant"), matched.getString("claim.decidedBy")));
        assertEquals("admin-a-" + w.d.prefix, Gateway.get(w.d.adminA, "/lists/demands/" + d4).json().getString("claim.claimant"));
        assertEquals("OPEN", Gateway.get(w.d.adminA, "/lists/demands/" + d3).json().getString("status"), "a rejected demand stays open");
        Gateway.Reply again = Gateway.post(w.d.adminA, "/lists/matching/batches/" + id + "/decide",
                Map.of("accept", List.of(Map.of("demandId", d1, "resourceId", r1))));
        assertEquals(409, again.status(), again::toString);
        assertEquals("PAIR_DECIDED", again.json().getString("code"));

        JsonPath ind = Gateway.get(w.d.adminA, "/lists/nodes/" + w.d.communityA + "/indicators").json();
        assertEquals(List.of(2, 1, 1), List.of(ind.getInt("matched"), ind.getInt("claimed"), ind.getInt("byStatus.OPEN")));
        Gateway.Reply gridBatch = Gateway.post(w.d.adminA, "/lists/matching/batches", Map.of("nodeCode", w.d.gridA1));
        assertEquals("WRONG_LEVEL", gridBatch.json().getString("errors[0].code"), gridBatch::toString);
    }

    /**
     * More demands than the former limit of 500: the proposal is written as parts (their units counted), the demands
     * left over are paged with their reason, and a decision reads only the pairs it names.
     */
    @Test
    void aBatchBeyondFiveHundredIsStoredInPartsAndDecidedByTheNamedPairsOnly() {
        ListsWorld w = new ListsWorld();
        String first = w.demandAt(w.d.workerA1, w.d.gridA1, "ELDERLY");
        Map<String, AttributeValue> item = store.table().get(Keys.demand(first), Keys.DEMAND_SK).orElseThrow();
        List<Map<String, AttributeValue>> more = new ArrayList<>();
        for (int i = 0; i < 519; i++) {
            String id = first + "-" + i;
            Map<String, AttributeValue> copy = new HashMap<>(item);
            copy.putAll(SingleTable.key(Keys.demand(id), Keys.DEMAND_SK));
            copy.putAll(Demand.indexKeys("ELDERLY", Attr.str(item, "gridPath"), Attr.str(item, "publishedAt"), id, DemandStatus.OPEN));
            copy.put("id", AttributeValue.fromS(id));
            more.add(copy);
        }
        store.putAll(more);
        String r = Gateway.post(w.unitA, "/lists/resources", ListsWorld.resource("UNIT", w.d.communityA, List.of(w.d.communityA),
                List.of("ELDERLY"), List.of(), 2)).json().getString("id");

        Gateway.Reply run = Gateway.post(w.d.adminA, "/lists/matching/batches", Map.of("nodeCode", w.d.communityA));
        assertEquals(201, run.status(), run::toString);
        assertEquals(List.of(520, 2, 518, 0), List.of(run.json().getInt("demandCount"), run.json().getInt("pairCount"),
                run.json().getInt("unmatchedCount"), run.json().getInt("noCandidateCount")));
        assertTrue(run.capacity()[1] >= 520, "every part's write is counted: " + run.capacity()[1]);
        String pairsOf = "/lists/matching/batches/" + run.json().getString("id") + "/pairs";
        JsonPath left = Gateway.get(w.d.adminA, pairsOf + "?unmatched=true&limit=100").json();
        assertEquals(List.of("CAPACITY_TAKEN"), left.getList("items.unmatchedReason").stream().distinct().toList());
        assertNotNull(left.getString("nextCursor"));
        String paired = Gateway.get(w.d.adminA, pairsOf).json().getString("items[0].demandId");

        List<String> hundred = left.getList("items.demandId");
        Gateway.Reply tooMany = Gateway.post(w.d.adminA, pairsOf.replace("/pairs", "/decide"),
                Map.of("accept", List.of(Map.of("demandId", paired, "resourceId", r)), "reject", hundred));
        assertEquals("TOO_MANY", tooMany.json().getString("errors[0].code"), tooMany::toString);
        Gateway.Reply one = Gateway.post(w.d.adminA, pairsOf.replace("/pairs", "/decide"),
                Map.of("accept", List.of(Map.of("demandId", paired, "resourceId", r))));
        assertEquals(List.of("ACCEPTED"), one.json().getList("pairs.decision"), one::toString);
        assertTrue(one.capacity()[0] < 10, "the batch's 520 parts are not read: " + one.capacity()[0] + " read units");
    }

    private static List<Map<String, Object>> allPairs(ListsWorld w, String batch, String query) {
        List<Map<String, Object>> out = new ArrayList<>();
        String cursor = null;
        do {
            JsonPath page = Gateway.get(w.d.adminA, "/lists/matching/batches/" + batch + "/pairs?limit=100" + query
                    + (cursor == null ? "" : "&cursor=" + cursor)).json();
            out.addAll(page.getList("items"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return out;
    }

    private static Map<String, Object> byDemand(List<Map<String, Object>> pairs) {
        Map<String, Object> out = new HashMap<>();
        pairs.forEach(p -> out.put((String) p.get("demandId"), p.get("resourceId")));
        return out;
    }
}
