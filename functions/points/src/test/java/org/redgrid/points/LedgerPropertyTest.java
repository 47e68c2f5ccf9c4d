package org.redgrid.points;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.redgrid.points.control.Expiry;
import org.redgrid.points.control.PointsRules;
import org.redgrid.points.entity.RuleKind;
import org.redgrid.testkit.Gateway;
import org.redgrid.infra.dynamodb.DynamoEngineResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Random sequences of awards, rule accruals under monthly caps, redemptions, reversals, cancellations, expiries and
 * retries (jqwik's generators; jqwik's own engine cannot run inside a {@code @QuarkusTest}, so the sequences are
 * sampled and run here). Each step's outcome must match a plain model of balances, earning-year lots, caps and
 * stock; afterwards every account's balance equals the sum of its postings, every chain is intact and the
 * community's trial balance is zero.
 */
@QuarkusTest
@QuarkusTestResource(DynamoEngineResource.class)
class LedgerPropertyTest {

    /** One step: what to do, to which household, how much, and which earlier thing it refers to. */
    record Step(int kind, int household, int amount, int pick) {
    }

    static final int HOUSEHOLDS = 3;
    static final long PRICE = 15;
    /** Accruals are earned in an old year, which the expiry step expires; awards in this one. */
    static final Instant OLD = Instant.parse("2025-06-01T02:00:00Z");
    static final String OLD_YEAR = "2025";
    static final String THIS_YEAR = Integer.toString(Year.now(ZoneId.of("Asia/Shanghai")).getValue());
    static final long HOUSEHOLD_CAP = 150;
    static final long RULE_CAP = 100;

    @Inject
    PointsRules rules;

    @Inject
    Expiry expiry;

    static Arbitrary<List<Step>> sequences() {
        return Combinators.combine(Arbitraries.integers().between(0, 6), Arbitraries.integers().between(0, HOUSEHOLDS - 1),
                Arbitraries.integers().between(1, 60), Arbitraries.integers().between(0, 1000)).as(Step::new)
                .list().ofMinSize(15).ofMaxSize(35);
    }

    @Test
    void balancesEqualTheirPostingsAndTheTrialBalanceIsZeroAfterAnySequence() {
        sequences().sampleStream().limit(4).forEach(this::run);
    }

    private void run(List<Step> steps) {
        PointsWorld w = new PointsWorld();
        w.settings(w.d.communityA, Map.of("householdMonthlyCap", HOUSEHOLD_CAP, "expiryMonths", 6));
        w.rule(w.d.adminA, w.d.communityA, "SERVICE_HOUR", 10, Map.of("monthlyCap", RULE_CAP));
        String store = w.store(w.d.communityA);
        String good = w.good(store, "毛巾", PRICE, 12);
        List<String> households = new ArrayList<>();
        for (int i = 0; i < HOUSEHOLDS; i++) {
            households.add(w.household(w.d.gridA1));
        }
        Map<String, Long> balance = new HashMap<>();
        households.forEach(h -> balance.put(h, 0L));
        Map<String, TreeMap<String, Long>> lots = new HashMap<>();
        households.forEach(h -> lots.put(h, new TreeMap<>()));
        Map<String, Long> accrued = new HashMap<>();
        Set<String> expired = new HashSet<>();
        Map<String, Map<String, Long>> taken = new HashMap<>(); // redemption id → the years it took from
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
                    lots.get(h).merge(THIS_YEAR, (long) s.amount(), Long::sum);
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
                        taken.put(last.json().getString("id"), take(lots.get(h), PRICE * quantity, null));
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
                        take(lots.get(a[1]), points, THIS_YEAR);
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
                        taken.get(r[0]).forEach((y, a) -> lots.get(r[1]).merge(y, a, Long::sum));
                    } else {
                        assertEquals("ALREADY_CANCELLED", last.json().getString("code"), last::toString);
                    }
                }
                case 5 -> { // accrual by the SERVICE_HOUR rule, earned in the old year, within both monthly caps
                    long hours = 1 + s.amount() % 5;
                    long room = Math.min(HOUSEHOLD_CAP, RULE_CAP) - accrued.getOrDefault(h, 0L);
                    long granted = Math.max(0, Math.min(10 * hours, room));
                    PointsRules.Accrual a = rules.accrue(null, RuleKind.SERVICE_HOUR, h, BigDecimal.valueOf(hours), key, OLD);
                    assertEquals(granted, a.points(), a::toString);
                    assertEquals(granted > 0 ? PointsRules.Accrual.Outcome.POSTED : PointsRules.Accrual.Outcome.CAPPED, a.outcome());
                    assertEquals(a.entryId(), rules.accrue(null, RuleKind.SERVICE_HOUR, h, BigDecimal.valueOf(hours), key, OLD).entryId(),
                            "a replayed source posts nothing new");
                    accrued.merge(h, granted, Long::sum);
                    balance.merge(h, granted, Long::sum);
                    lots.get(h).merge(OLD_YEAR, granted, Long::sum);
                    lastCall = null;
                }
                case 6 -> { // expiry of the old year, once per household
                    Expiry.Result result = expiry.run(w.d.communityA, Instant.parse("2026-07-01T00:00:00Z"));
                    long expected = 0;
                    for (String each : households) {
                        long left = lots.get(each).getOrDefault(OLD_YEAR, 0L);
                        if (left > 0 && expired.add(each)) {
                            expected += left;
                            lots.get(each).remove(OLD_YEAR);
                            balance.merge(each, -left, Long::sum);
                        }
                    }
                    assertTrue(result.points() >= expected, result::toString);
                    for (String each : households) {
                        assertEquals(balance.get(each), w.balance(PointsWorld.hh(each)), "after expiry, household " + each);
                    }
                    lastCall = null;
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

    /** The model's debit: from {@code first} (if any), then the oldest years; the years it took from, as credits back. */
    private static Map<String, Long> take(TreeMap<String, Long> lots, long points, String first) {
        Map<String, Long> from = new HashMap<>();
        List<String> order = new ArrayList<>();
        if (first != null) {
            order.add(first);
        }
        order.addAll(lots.keySet());
        long need = points;
        for (String y : order) {
            long t = Math.min(need, lots.getOrDefault(y, 0L));
            if (t > 0) {
                lots.merge(y, -t, Long::sum);
                from.merge(y, t, Long::sum);
                need -= t;
            }
        }
        lots.values().removeIf(v -> v == 0);
        return from;
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
