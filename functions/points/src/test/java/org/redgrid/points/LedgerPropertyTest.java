package org.redgrid.points;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.redgrid.testkit.Gateway;
import org.redgrid.infra.dynamodb.DynamoEngineResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Random sequences of awards, redemptions, reversals, cancellations and retries (jqwik's generators; jqwik's own
 * engine cannot run inside a {@code @QuarkusTest}, so the sequences are sampled and run here). Each step's outcome
 * must match a plain model of balances and stock; afterwards every account's balance equals the sum of its postings,
 * every chain is intact and the community's trial balance is zero.
 */
@QuarkusTest
@QuarkusTestResource(DynamoEngineResource.class)
class LedgerPropertyTest {

    /** One step: what to do, to which household, how much, and which earlier thing it refers to. */
    record Step(int kind, int household, int amount, int pick) {
    }

    static final int HOUSEHOLDS = 3;
    static final long PRICE = 15;

    static Arbitrary<List<Step>> sequences() {
        return Combinators.combine(Arbitraries.integers().between(0, 4), Arbitraries.integers().between(0, HOUSEHOLDS - 1),
                Arbitraries.integers().between(1, 60), Arbitraries.integers().between(0, 1000)).as(Step::new)
                .list().ofMinSize(15).ofMaxSize(35);
    }

    @Test
    void balancesEqualTheirPostingsAndTheTrialBalanceIsZeroAfterAnySequence() {
        sequences().sampleStream().limit(4).forEach(this::run);
    }

    private void run(List<Step> steps) {
        PointsWorld w = new PointsWorld();
        String store = w.store(w.d.communityA);
        String good = w.good(store, "毛巾", PRICE, 12);
        List<String> households = new ArrayList<>();
        for (int i = 0; i < HOUSEHOLDS; i++) {
            households.add(w.household(w.d.gridA1));
        }
        Map<String, Long> balance = new HashMap<>();
        households.forEach(h -> balance.put(h, 0L));
        long[] stock = { 12 };
        List<String[]> awards = new ArrayList<>(); // entry id, household, points
        List<String[]> redemptions = new ArrayList<>(); // redemption id, household, points, quantity
        Set<String> undone = new HashSet<>();
        Gateway.Reply last = null;
        Object[] lastCall = null;
        int keys = 0;

        for (Step s : steps) {
            String h = households.get(s.household());
            String key = "k" + (++keys) + "-" + w.d.prefix;
            switch (s.kind()) {
                case 0 -> { // award
                    Map<String, Object> body = Map.of("householdId", h, "points", s.amount(), "reason", "志愿服务");
                    last = send(w.d.workerA1, "/points/awards", body, key);
                    lastCall = new Object[] { w.d.workerA1, "/points/awards", body, key };
                    assertEquals(201, last.status(), last::toString);
                    balance.merge(h, (long) s.amount(), Long::sum);
                    awards.add(new String[] { last.json().getString("entryId"), h, Integer.toString(s.amount()) });
                }
                case 1 -> { // redeem
                    long quantity = 1 + s.amount() % 3;
                    Map<String, Object> body = Map.of("storeId", store, "goodId", good, "householdId", h, "quantity", quantity);
                    last = send(w.d.adminA, "/points/redemptions", body, key);
                    lastCall = new Object[] { w.d.adminA, "/points/redemptions", body, key };
                    String expected = stock[0] < quantity ? "OUT_OF_STOCK" : balance.get(h) < PRICE * quantity ? "INSUFFICIENT_POINTS" : null;
                    if (expected == null) {
                        assertEquals(201, last.status(), last::toString);
                        balance.merge(h, -PRICE * quantity, Long::sum);
                        stock[0] -= quantity;
                        redemptions.add(new String[] { last.json().getString("id"), h, Long.toString(PRICE * quantity),
                                Long.toString(quantity) });
                    } else {
                        assertEquals(expected, last.json().getString("code"), last::toString);
                    }
                }
                case 2 -> { // reverse an earlier award
                    if (awards.isEmpty()) {
                        continue;
                    }
                    String[] a = awards.get(s.pick() % awards.size());
                    last = send(w.d.adminA, "/points/entries/" + a[0] + "/reverse", Map.of("reason", "更正"), key);
                    lastCall = new Object[] { w.d.adminA, "/points/entries/" + a[0] + "/reverse", Map.of("reason", "更正"), key };
                    long points = Long.parseLong(a[2]);
                    String expected = undone.contains(a[0]) ? "ALREADY_REVERSED" : balance.get(a[1]) < points ? "INSUFFICIENT_POINTS" : null;
                    if (expected == null) {
                        assertEquals(201, last.status(), last::toString);
                        balance.merge(a[1], -points, Long::sum);
                        undone.add(a[0]);
                    } else {
                        assertEquals(expected, last.json().getString("code"), last::toString);
                    }
                }
                case 3 -> { // cancel an earlier redemption
                    if (redemptions.isEmpty()) {
                        continue;
                    }
                    String[] r = redemptions.get(s.pick() % redemptions.size());
                    last = Gateway.post(w.d.adminA, "/points/redemptions/" + r[0] + "/cancel", null);
                    lastCall = null;
                    if (undone.add(r[0])) {
                        assertEquals(200, last.status(), last::toString);
                        balance.merge(r[1], Long.parseLong(r[2]), Long::sum);
                        stock[0] += Long.parseLong(r[3]);
                    } else {
                        assertEquals("ALREADY_CANCELLED", last.json().getString("code"), last::toString);
                    }
                }
                default -> { // the client retries its last request with the same key: same answer, nothing new
                    if (lastCall == null || last.status() >= 300) {
                        continue;
                    }
                    @SuppressWarnings("unchecked")
                    Gateway.Reply again = send((Map<String, String>) lastCall[0], (String) lastCall[1], lastCall[2], (String) lastCall[3]);
                    assertEquals(last.status(), again.status(), again::toString);
                    assertEquals(last.json().getString("id"), again.json().getString("id"));
                }
            }
        }

        for (String h : households) {
            assertEquals(balance.get(h), w.balance(PointsWorld.hh(h)), "household " + h);
        }
        assertEquals(stock[0], w.stock(store, good));
        List<String> accounts = new ArrayList<>(households.stream().map(PointsWorld::hh).toList());
        accounts.add("STORE-" + store);
        if (!awards.isEmpty()) {
            accounts.add("BUDGET-" + w.d.communityA);
        }
        for (String account : accounts) {
            assertEquals(w.balance(account), sumOfPostings(w, account), "postings of " + account);
            assertTrue(w.chain(account).json().getBoolean("intact"), account);
        }
        Map<String, Object> tb = w.trialBalance(w.d.communityA);
        assertEquals(true, tb.get("balanced"), tb::toString);
        assertEquals(balance.values().stream().mapToLong(Long::longValue).sum(), ((Number) tb.get("outstanding")).longValue());
    }

    private static Gateway.Reply send(Map<String, String> who, String path, Object body, String key) {
        return Gateway.call(who, "POST", path, body, Map.of("Idempotency-Key", key));
    }

    /** Every posting of the account, page by page through the statement. */
    private static long sumOfPostings(PointsWorld w, String account) {
        long sum = 0;
        String cursor = null;
        do {
            Gateway.Reply page = Gateway.get(w.d.adminA, "/points/accounts/" + account + "/statement?limit=7"
                    + (cursor == null ? "" : "&cursor=" + Gateway.encode(cursor)));
            assertEquals(200, page.status(), page::toString);
            JsonPath json = page.json();
            sum += json.getList("items.amount", Long.class).stream().mapToLong(Long::longValue).sum();
            cursor = json.getString("nextCursor");
        } while (cursor != null);
        return sum;
    }
}
