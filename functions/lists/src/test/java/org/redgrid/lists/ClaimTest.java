package org.redgrid.lists;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.redgrid.infra.dynamodb.DynamoEngineResource;
import org.redgrid.testkit.Gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * 秒认领 through the Lambda event path on the real engine: the first claim wins, however many arrive at once; a
 * resource takes no more than its monthly capacity; a retried claim answers with the first result.
 */
@QuarkusTest
@QuarkusTestResource(DynamoEngineResource.class)
class ClaimTest {

    @Test
    void fiftyConcurrentClaimsOfOneDemandHaveExactlyOneWinner() throws Exception {
        ListsWorld w = new ListsWorld();
        String demand = w.demandA1("ELDERLY");
        List<Map<String, String>> members = new ArrayList<>();
        List<String> resources = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Map<String, String> member = w.freshMemberA();
            members.add(member);
            resources.add(w.resourceA(member, "MEMBER", 1, "ELDERLY"));
        }
        List<Callable<Gateway.Reply>> claims = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            int n = i;
            claims.add(() -> w.claim(members.get(n), demand, resources.get(n)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<Gateway.Reply> replies = new ArrayList<>();
        try {
            for (Future<Gateway.Reply> f : pool.invokeAll(claims)) {
                replies.add(f.get());
            }
        } finally {
            pool.shutdown();
        }
        List<Gateway.Reply> won = replies.stream().filter(r -> r.status() == 201).toList();
        assertEquals(1, won.size(), () -> "exactly one winner: " + replies);
        for (Gateway.Reply r : replies) {
            if (r.status() != 201) {
                assertEquals(409, r.status(), r::toString);
                assertEquals("application/problem+json", r.header("Content-Type"));
                assertEquals("DEMAND_ALREADY_CLAIMED", r.json().getString("code"), r::toString);
            }
        }
        String winner = won.get(0).json().getString("claim.claimant");
        int index = replies.indexOf(won.get(0));
        assertEquals(members.get(index).get("cognito:username"), winner);
        Gateway.Reply stored = Gateway.get(w.d.adminA, "/lists/demands/" + demand);
        assertEquals("CLAIMED", stored.json().getString("status"));
        assertEquals(resources.get(index), stored.json().getString("claim.resourceId"));
        assertEquals(List.of(demand), Gateway.get(members.get(index), "/lists/claims/mine").json().getList("items.id"));
        // the losers' resources took nothing: their month is still free
        Gateway.Reply loser = Gateway.get(w.d.adminA, "/lists/resources/" + resources.get((index + 1) % 50));
        assertEquals(0, loser.json().getInt("takenThisMonth"));
        Gateway.Reply indicators = Gateway.get(w.d.adminA, "/lists/nodes/" + w.d.communityA + "/indicators");
        assertEquals(1, indicators.json().getInt("claimed"), indicators::toString);
        assertEquals(1, indicators.json().getInt("byStatus.CLAIMED"));
        assertEquals(0, indicators.json().getInt("byStatus.OPEN"));
    }

    @Test
    void aResourceTakesNoMoreThanItsMonthlyCapacity() {
        ListsWorld w = new ListsWorld();
        String resource = w.resourceA(w.memberA, "MEMBER", 1, "ELDERLY");
        String first = w.demandA1("ELDERLY");
        String second = w.demandA1("ELDERLY");
        assertEquals(201, w.claim(w.memberA, first, resource).status());
        Gateway.Reply full = w.claim(w.memberA, second, resource);
        assertEquals(409, full.status(), full::toString);
        assertEquals("RESOURCE_FULL", full.json().getString("code"));
        assertEquals("OPEN", Gateway.get(w.d.adminA, "/lists/demands/" + second).json().getString("status"),
                "a refused claim changes nothing");
        assertEquals(1, Gateway.get(w.memberA, "/lists/resources/" + resource).json().getInt("takenThisMonth"));
    }

    @Test
    void aRetriedClaimAnswersWithTheFirstResultAndOthersAreRefused() throws Exception {
        ListsWorld w = new ListsWorld();
        String demand = w.demandA1("LABOUR");
        String resource = w.resourceA(w.unitA, "UNIT", 5, "LABOUR");
        Map<String, String> key = Map.of("Idempotency-Key", "claim-" + w.d.prefix);
        Gateway.Reply first = Gateway.call(w.unitA, "POST", "/lists/demands/" + demand + "/claim", Map.of("resourceId", resource), key);
        assertEquals(201, first.status(), first::toString);
        Gateway.Reply again = Gateway.call(w.unitA, "POST", "/lists/demands/" + demand + "/claim", Map.of("resourceId", resource), key);
        assertEquals(201, again.status(), again::toString);
        assertEquals(first.json().getString("claim.claimedAt"), again.json().getString("claim.claimedAt"));
        assertEquals(1, Gateway.get(w.unitA, "/lists/resources/" + resource).json().getInt("takenThisMonth"), "claimed once");

        String mine = w.resourceA(w.memberA, "MEMBER", 3, "LABOUR");
        Gateway.Reply late = w.claim(w.memberA, demand, mine);
        assertEquals("DEMAND_ALREADY_CLAIMED", late.json().getString("code"));
        Gateway.Reply notMine = w.claim(w.memberA, w.demandA1("LABOUR"), resource);
        assertEquals(403, notMine.status(), notMine::toString);
        assertEquals("NOT_YOUR_RESOURCE", notMine.json().getString("code"));
        Map<String, Object> elsewhere = new HashMap<>(ListsWorld.resource("MEMBER", w.d.gridA2, List.of(w.d.gridA2),
                List.of("LABOUR"), List.of(), 2));
        String a2Only = Gateway.post(w.memberA, "/lists/resources", elsewhere).json().getString("id");
        Gateway.Reply uncovered = w.claim(w.memberA, w.demandA1("LABOUR"), a2Only);
        assertEquals(400, uncovered.status(), uncovered::toString);
        assertEquals("RESOURCE_DOES_NOT_COVER", uncovered.json().getString("code"));
        Gateway.Reply outside = w.claim(w.memberB, w.demandA1("LABOUR"), mine);
        assertEquals(403, outside.status(), outside::toString);
    }
}
