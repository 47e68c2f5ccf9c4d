package org.redgrid.lists;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.redgrid.infra.dynamodb.DynamoEngineResource;
import org.redgrid.testkit.Gateway;

import io.restassured.path.json.JsonPath;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Matching batches through the Lambda event path: the community's weights, the stored optimal proposal with its
 * explanations, and staff's decisions turning pairs into claims under the claim rules.
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

    @Test
    void aBatchProposesTheOptimumWithExplanationsAndDecisionsBecomeClaims() {
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
        JsonPath batch = run.json();
        assertEquals(Map.of(d1, r1, d2, r2, d4, r2), pairs(batch), "same grid and skill go to the member, the rest to the unit");
        assertEquals(List.of(d3), batch.getList("unmatchedDemandIds"));
        assertEquals(4, batch.getInt("demandCount"));
        long total = 0;
        for (int i = 0; i < 3; i++) {
            int fit = batch.getInt("pairs[" + i + "].fit.total");
            List<Integer> contributions = batch.getList("pairs[" + i + "].fit.components.contribution");
            assertEquals(5, contributions.size());
            assertEquals(fit, contributions.stream().mapToInt(Integer::intValue).sum(), "the breakdown adds up to the fit");
            assertFalse(batch.getString("pairs[" + i + "].fit.explanation").isBlank());
            total += fit;
        }
        assertEquals(total, batch.getLong("totalFit"));
        assertTrue(batch.getString("pairs.find { it.demandId == '" + d1 + "' }.fit.explanation").contains("同一网格"));
        JsonPath rerun = Gateway.post(w.d.adminA, "/lists/matching/batches", Map.of("nodeCode", w.d.communityA)).json();
        assertEquals(batch.getList("pairs"), rerun.getList("pairs"), "deterministic");
        String id = batch.getString("id");
        assertEquals(List.of(rerun.getString("id"), id), Gateway.get(w.d.adminA, "/lists/matching/batches?under=" + w.d.communityA)
                .json().getList("items.id"), "newest first");

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
        assertEquals("ACCEPTED", decisionOf(after, d1));
        assertEquals("FAILED", decisionOf(after, d2));
        assertEquals("DEMAND_ALREADY_CLAIMED", after.getString("pairs.find { it.demandId == '" + d2 + "' }.decisionCode"));
        assertEquals("ACCEPTED", decisionOf(after, d4));
        assertEquals(team, after.getString("pairs.find { it.demandId == '" + d4 + "' }.decidedResourceId"), "edited pair");

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

    private static Map<String, String> pairs(JsonPath batch) {
        Map<String, String> out = new HashMap<>();
        List<String> demands = batch.getList("pairs.demandId");
        List<String> resources = batch.getList("pairs.resourceId");
        for (int i = 0; i < demands.size(); i++) {
            out.put(demands.get(i), resources.get(i));
        }
        return out;
    }

    private static String decisionOf(JsonPath batch, String demand) {
        return batch.getString("pairs.find { it.demandId == '" + demand + "' }.decision");
    }
}
