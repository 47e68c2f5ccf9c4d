package org.redgrid.points;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.redgrid.testkit.DemoDistrict;
import org.redgrid.testkit.Gateway;
import org.redgrid.testkit.Tokens;

/**
 * A demo district with points: household accounts, a store and its goods, built through the API as staff would.
 * Household ids are fresh per test (the points domain keys accounts by the directory's household id).
 */
final class PointsWorld {

    final DemoDistrict d = DemoDistrict.create();

    /** Registers a household at {@code node} in the directory and opens its points account; returns the household id. */
    String household(String node) {
        String id = d.household(node, "幸福路 " + UUID.randomUUID().toString().substring(0, 6) + " 号");
        Gateway.Reply r = Gateway.post(staffAt(node), "/points/accounts",
                Map.of("householdId", id, "nodeCode", node));
        assertEquals(201, r.status(), r::toString);
        return id;
    }

    /** The grid worker for their own grid, the district for anywhere else. */
    private Map<String, String> staffAt(String node) {
        return node.equals(d.gridA1) ? d.workerA1 : d.districtAdmin;
    }

    Gateway.Reply award(Map<String, String> who, String household, long points) {
        return Gateway.post(who, "/points/awards", Map.of("householdId", household, "points", points, "reason", "清洁户"));
    }

    void awarded(String household, long points) {
        Gateway.Reply r = award(d.workerA1, household, points);
        assertEquals(201, r.status(), r::toString);
    }

    String store(String node) {
        Gateway.Reply r = Gateway.post(d.adminA, "/points/stores", Map.of("name", "幸福积分超市", "nodeCode", node));
        assertEquals(201, r.status(), r::toString);
        return r.json().getString("id");
    }

    String good(String store, String name, long price, long stock) {
        Gateway.Reply r = Gateway.post(d.adminA, "/points/stores/" + store + "/goods", Map.of("name", name, "price", price, "stock", stock));
        assertEquals(201, r.status(), r::toString);
        return r.json().getString("id");
    }

    Gateway.Reply redeem(String store, String good, String household, long quantity) {
        return Gateway.post(d.adminA, "/points/redemptions",
                Map.of("storeId", store, "goodId", good, "householdId", household, "quantity", quantity));
    }

    long balance(String accountId) {
        Gateway.Reply r = Gateway.get(d.adminA, "/points/accounts/" + accountId);
        assertEquals(200, r.status(), r::toString);
        return r.json().getLong("balance");
    }

    long stock(String store, String good) {
        Gateway.Reply r = Gateway.get(d.adminA, "/points/stores/" + store + "/goods");
        assertEquals(200, r.status(), r::toString);
        return r.json().getList("findAll { it.id == '" + good + "' }.stock", Long.class).get(0);
    }

    Map<String, Object> trialBalance(String community) {
        Gateway.Reply r = Gateway.get(d.adminA, "/points/communities/" + community + "/trial-balance");
        assertEquals(200, r.status(), r::toString);
        return r.json().getMap("");
    }

    Gateway.Reply chain(String accountId) {
        Gateway.Reply r = Gateway.get(d.adminA, "/points/accounts/" + accountId + "/chain");
        assertEquals(200, r.status(), r::toString);
        return r;
    }

    /** A person of the household with a resident login; the login's token. */
    Map<String, String> resident(String household) {
        String login = "resident-" + UUID.randomUUID().toString().substring(0, 8) + "-" + d.prefix;
        Gateway.Reply r = Gateway.post(d.districtAdmin, "/directory/people", Map.of("name", "居民", "phone", "13800007299",
                "idNumber", DemoDistrict.idNumber(), "householdId", household, "account", login));
        assertEquals(201, r.status(), r::toString);
        return Tokens.idToken(login, "resident");
    }

    /** A rule of the community's catalogue, by its admin; returns its id. */
    String rule(Map<String, String> admin, String community, String kind, long points, Map<String, Object> more) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("kind", kind, "name", kind + " 规则", "points", points));
        body.putAll(more);
        Gateway.Reply r = Gateway.post(admin, "/points/communities/" + community + "/rules", body);
        assertEquals(201, r.status(), r::toString);
        return r.json().getString("id");
    }

    void settings(String community, Map<String, Object> more) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("approvalThreshold", 100, "issuingLimit", 1_000_000));
        body.putAll(more);
        Gateway.Reply r = Gateway.call(d.districtAdmin, "PUT", "/points/communities/" + community + "/settings", body);
        assertEquals(200, r.status(), r::toString);
    }

    static String hh(String household) {
        return "HH-" + household;
    }

    /** Runs the calls at once on {@code threads} threads; their replies in order. */
    static List<Gateway.Reply> together(int threads, List<Supplier<Gateway.Reply>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Gateway.Reply>> futures = new ArrayList<>();
            calls.forEach(c -> futures.add(pool.submit(c::get)));
            List<Gateway.Reply> replies = new ArrayList<>();
            for (Future<Gateway.Reply> f : futures) {
                replies.add(f.get());
            }
            return replies;
        } finally {
            pool.shutdown();
        }
    }
}
