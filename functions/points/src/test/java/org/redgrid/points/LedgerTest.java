package org.redgrid.points;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.redgrid.testkit.Gateway;
import org.redgrid.infra.dynamodb.DynamoEngineResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The ledger through the Lambda event path: awards, redemption under contention, idempotency, reversal, tamper evidence. */
@QuarkusTest
@QuarkusTestResource(DynamoEngineResource.class)
class LedgerTest {

    @Inject
    DynamoDbClient db;

    @Test
    void aHundredHouseholdsRaceForTenItemsAndExactlyTenGetOne() throws Exception {
        PointsWorld w = new PointsWorld();
        String store = w.store(w.d.communityA);
        String good = w.good(store, "洗衣液", 20, 10);
        List<String> households = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String h = w.household(w.d.gridA1);
            w.awarded(h, 50);
            households.add(h);
        }
        List<Supplier<Gateway.Reply>> calls = households.stream()
                .<Supplier<Gateway.Reply>>map(h -> () -> w.redeem(store, good, h, 1)).toList();
        List<Gateway.Reply> replies = PointsWorld.together(16, calls);

        assertEquals(10, replies.stream().filter(r -> r.status() == 201).count(), replies::toString);
        replies.stream().filter(r -> r.status() != 201).forEach(r -> {
            assertEquals(409, r.status(), r::toString);
            assertEquals("OUT_OF_STOCK", r.json().getString("code"), r::toString);
        });
        assertEquals(0, w.stock(store, good));
        assertEquals(200, w.balance("STORE-" + store));
        long holding = households.stream().mapToLong(h -> w.balance(PointsWorld.hh(h))).sum();
        assertEquals(100 * 50 - 200, holding);
        Map<String, Object> tb = w.trialBalance(w.d.communityA);
        assertEquals(true, tb.get("balanced"), tb::toString);
        assertEquals(200, ((Number) tb.get("redeemed")).longValue());
        assertTrue(w.chain("STORE-" + store).json().getBoolean("intact"));
    }

    @Test
    void fiftyRedemptionsByOneHouseholdWhoseBalanceCoversThreeLeaveExactlyThree() throws Exception {
        PointsWorld w = new PointsWorld();
        String store = w.store(w.d.gridA1);
        String good = w.good(store, "香皂", 10, 1000);
        String h = w.household(w.d.gridA1);
        w.awarded(h, 35);
        List<Supplier<Gateway.Reply>> calls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            calls.add(() -> w.redeem(store, good, h, 1));
        }
        List<Gateway.Reply> replies = PointsWorld.together(16, calls);

        assertEquals(3, replies.stream().filter(r -> r.status() == 201).count(), replies::toString);
        replies.stream().filter(r -> r.status() != 201).forEach(r -> {
            assertEquals(409, r.status(), r::toString);
            assertEquals("INSUFFICIENT_POINTS", r.json().getString("code"), r::toString);
        });
        assertEquals(5, w.balance(PointsWorld.hh(h)));
        assertEquals(997, w.stock(store, good));
        Gateway.Reply chain = w.chain(PointsWorld.hh(h));
        assertTrue(chain.json().getBoolean("intact"), chain::toString);
        assertEquals(4, chain.json().getLong("checked"));
    }

    @Test
    void theSameIdempotencyKeyTwicePostsOneEntryAndAnswersTheFirstResult() {
        PointsWorld w = new PointsWorld();
        String h = w.household(w.d.gridA1);
        Map<String, Object> body = Map.of("householdId", h, "points", 40, "reason", "志愿服务");
        Map<String, String> key = Map.of("Idempotency-Key", "award-" + h);
        Gateway.Reply first = Gateway.call(w.d.workerA1, "POST", "/points/awards", body, key);
        Gateway.Reply again = Gateway.call(w.d.workerA1, "POST", "/points/awards", body, key);
        assertEquals(201, first.status(), first::toString);
        assertEquals(201, again.status(), again::toString);
        assertEquals(first.json().getString("id"), again.json().getString("id"));
        assertEquals(first.json().getString("entryId"), again.json().getString("entryId"));
        assertEquals(40, w.balance(PointsWorld.hh(h)));
        Gateway.Reply statement = Gateway.get(w.d.workerA1, "/points/accounts/" + PointsWorld.hh(h) + "/statement");
        assertEquals(1, statement.json().getList("items").size(), statement::toString);

        Gateway.Reply otherBody = Gateway.call(w.d.workerA1, "POST", "/points/awards",
                Map.of("householdId", h, "points", 41, "reason", "志愿服务"), key);
        assertEquals(422, otherBody.status(), otherBody::toString);
        assertEquals("IDEMPOTENCY_KEY_REUSED", otherBody.json().getString("code"));
    }

    @Test
    void aReversalUndoesAnAwardOnceAndKeepsTheTrialBalance() {
        PointsWorld w = new PointsWorld();
        String h = w.household(w.d.gridA1);
        Gateway.Reply award = w.award(w.d.workerA1, h, 30);
        String entry = award.json().getString("entryId");

        Gateway.Reply reversal = Gateway.post(w.d.adminA, "/points/entries/" + entry + "/reverse", Map.of("reason", "误录"));
        assertEquals(201, reversal.status(), reversal::toString);
        assertEquals(entry, reversal.json().getString("reverses"));
        assertEquals("REVERSAL", reversal.json().getString("kind"));
        assertEquals(0, w.balance(PointsWorld.hh(h)));

        Gateway.Reply twice = Gateway.post(w.d.adminA, "/points/entries/" + entry + "/reverse", Map.of("reason", "误录"));
        assertEquals(409, twice.status(), twice::toString);
        assertEquals("ALREADY_REVERSED", twice.json().getString("code"));
        Gateway.Reply ofReversal = Gateway.post(w.d.adminA, "/points/entries/" + reversal.json().getString("id") + "/reverse",
                Map.of("reason", "再冲"));
        assertEquals("CANNOT_REVERSE_REVERSAL", ofReversal.json().getString("code"), ofReversal::toString);

        Gateway.Reply statement = Gateway.get(w.d.workerA1, "/points/accounts/" + PointsWorld.hh(h) + "/statement?limit=1");
        assertEquals(-30, statement.json().getLong("items[0].amount"), statement::toString);
        String cursor = statement.json().getString("nextCursor");
        Gateway.Reply older = Gateway.get(w.d.workerA1, "/points/accounts/" + PointsWorld.hh(h) + "/statement?limit=1&cursor="
                + Gateway.encode(cursor));
        assertEquals(30, older.json().getLong("items[0].amount"), older::toString);
        Map<String, Object> tb = w.trialBalance(w.d.communityA);
        assertEquals(true, tb.get("balanced"), tb::toString);
    }

    @Test
    void aCancelledRedemptionIsReversedAndItsStockComesBackOnceAndARetriedRestockAddsOnce() {
        PointsWorld w = new PointsWorld();
        String store = w.store(w.d.communityA);
        String good = w.good(store, "大米", 25, 4);
        String h = w.household(w.d.gridA1);
        w.awarded(h, 60);
        Gateway.Reply done = w.redeem(store, good, h, 2);
        assertEquals(201, done.status(), done::toString);
        assertEquals(10, w.balance(PointsWorld.hh(h)));
        assertEquals(2, w.stock(store, good));

        Gateway.Reply cancelled = Gateway.post(w.d.adminA, "/points/redemptions/" + done.json().getString("id") + "/cancel", null);
        assertEquals(200, cancelled.status(), cancelled::toString);
        assertEquals("CANCELLED", cancelled.json().getString("status"));
        assertEquals(60, w.balance(PointsWorld.hh(h)));
        assertEquals(0, w.balance("STORE-" + store));
        assertEquals(4, w.stock(store, good));
        Gateway.Reply again = Gateway.post(w.d.adminA, "/points/redemptions/" + done.json().getString("id") + "/cancel", null);
        assertEquals("ALREADY_CANCELLED", again.json().getString("code"), again::toString);
        assertEquals(4, w.stock(store, good));
        Gateway.Reply atTheDesk = Gateway.post(w.d.adminA, "/points/entries/" + done.json().getString("entryId") + "/reverse",
                Map.of("reason", "x"));
        assertEquals("CANCEL_AT_COUNTER", atTheDesk.json().getString("code"), atTheDesk::toString);

        Map<String, String> key = Map.of("Idempotency-Key", "restock-" + good);
        String restock = "/points/stores/" + store + "/goods/" + good + "/restock";
        Gateway.Reply restocked = Gateway.call(w.d.adminA, "POST", restock, Map.of("quantity", 5), key);
        Gateway.Reply retried = Gateway.call(w.d.adminA, "POST", restock, Map.of("quantity", 5), key);
        assertEquals(200, restocked.status(), restocked::toString);
        assertEquals("大米", restocked.json().getString("name"));
        assertEquals(9, restocked.json().getLong("stock"));
        assertEquals(9, retried.json().getLong("stock"), retried::toString);
        assertEquals(9, w.stock(store, good));
    }

    @Test
    void anAwardAboveTheThresholdWaitsForASecondPerson() {
        PointsWorld w = new PointsWorld();
        Gateway.Reply settings = Gateway.call(w.d.adminA, "PUT", "/points/communities/" + w.d.communityA + "/settings",
                Map.of("approvalThreshold", 50, "issuingLimit", 1000));
        assertEquals(200, settings.status(), settings::toString);
        String h = w.household(w.d.gridA1);
        Gateway.Reply pending = w.award(w.d.adminA, h, 80);
        assertEquals(202, pending.status(), pending::toString);
        assertEquals("PENDING", pending.json().getString("status"));
        assertEquals(0, w.balance(PointsWorld.hh(h)));
        String id = pending.json().getString("id");
        String waiting = "/points/awards?community=" + w.d.communityA;
        assertEquals(List.of(id), Gateway.get(w.d.adminA, waiting).json().getList("items.id"));

        Gateway.Reply self = Gateway.post(w.d.adminA, "/points/awards/" + id + "/approve", null);
        assertEquals(409, self.status(), self::toString);
        assertEquals("SECOND_PERSON_REQUIRED", self.json().getString("code"));
        Gateway.Reply worker = Gateway.post(w.d.workerA1, "/points/awards/" + id + "/approve", null);
        assertEquals(403, worker.status(), worker::toString);

        Gateway.Reply approved = Gateway.post(w.d.streetAdmin, "/points/awards/" + id + "/approve", null);
        assertEquals(200, approved.status(), approved::toString);
        assertEquals("POSTED", approved.json().getString("status"));
        assertEquals(w.d.streetAdmin.get("cognito:username"), approved.json().getString("approvedBy"));
        assertEquals("清洁户", approved.json().getString("reason"));
        assertEquals(80, w.balance(PointsWorld.hh(h)));
        assertEquals(List.of(), Gateway.get(w.d.adminA, waiting).json().getList("items.id"), "approved: no longer waiting");
        Gateway.Reply twice = Gateway.post(w.d.districtAdmin, "/points/awards/" + id + "/approve", null);
        assertEquals("AWARD_NOT_PENDING", twice.json().getString("code"), twice::toString);

        Gateway.Reply beyondLimit = w.award(w.d.workerA1, h, 50);
        assertEquals(201, beyondLimit.status(), beyondLimit::toString);
        Gateway.Reply limit = Gateway.call(w.d.adminA, "PUT", "/points/communities/" + w.d.communityA + "/settings",
                Map.of("approvalThreshold", 50, "issuingLimit", 140));
        assertEquals(200, limit.status(), limit::toString);
        Gateway.Reply refused = w.award(w.d.workerA1, h, 20);
        assertEquals(409, refused.status(), refused::toString);
        assertEquals("ISSUING_LIMIT_REACHED", refused.json().getString("code"));
    }

    @Test
    void aTamperedLineIsCaughtByTheChainCheckAtItsSequence() {
        PointsWorld w = new PointsWorld();
        String h = w.household(w.d.gridA1);
        w.awarded(h, 10);
        w.awarded(h, 20);
        w.awarded(h, 30);
        assertTrue(w.chain(PointsWorld.hh(h)).json().getBoolean("intact"));

        // Someone with table access raises the second award in place.
        db.updateItem(u -> u.tableName("PointsTable")
                .key(Map.of("pk", AttributeValue.fromS("POSTINGS#" + PointsWorld.hh(h)), "sk", AttributeValue.fromS("000000000002")))
                .updateExpression("SET amount = :a").expressionAttributeValues(Map.of(":a", AttributeValue.fromN("200"))));

        Gateway.Reply chain = w.chain(PointsWorld.hh(h));
        assertFalse(chain.json().getBoolean("intact"), chain::toString);
        assertEquals(2, chain.json().getLong("firstBreak"));
    }

    @Test
    void badInputIsAProblemWithAStableCode() {
        PointsWorld w = new PointsWorld();
        Gateway.Reply negative = Gateway.post(w.d.workerA1, "/points/awards", Map.of("householdId", "x", "points", -5, "reason", ""));
        assertEquals(400, negative.status(), negative::toString);
        assertEquals("application/problem+json", negative.header("Content-Type"));
        assertEquals("VALIDATION_FAILED", negative.json().getString("code"));
        Gateway.Reply notJson = Gateway.post(w.d.workerA1, "/points/redemptions", "{not json");
        assertEquals(400, notJson.status(), notJson::toString);
        assertEquals("application/problem+json", notJson.header("Content-Type"));
        Gateway.Reply noAccount = w.award(w.d.workerA1, "nobody", 5);
        assertEquals(404, noAccount.status(), noAccount::toString);
        assertEquals("ACCOUNT_NOT_FOUND", noAccount.json().getString("code"));
        Gateway.Reply unknown = Gateway.post(w.d.districtAdmin, "/points/accounts",
                Map.of("householdId", "h-nowhere", "nodeCode", w.d.gridA1));
        assertEquals(400, unknown.status(), unknown::toString);
        assertEquals("HOUSEHOLD_NOT_FOUND", unknown.json().getString("errors[0].code"), unknown::toString);
        String elsewhere = w.d.household(w.d.gridA2, "和平路 9 号");
        Gateway.Reply wrongNode = Gateway.post(w.d.districtAdmin, "/points/accounts",
                Map.of("householdId", elsewhere, "nodeCode", w.d.gridA1));
        assertEquals(400, wrongNode.status(), wrongNode::toString);
        assertEquals("NODE_MISMATCH", wrongNode.json().getString("errors[0].code"), wrongNode::toString);
    }
}
