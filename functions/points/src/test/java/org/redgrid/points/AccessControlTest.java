package org.redgrid.points;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.redgrid.testkit.AccessHarness;
import org.redgrid.testkit.Gateway;
import org.redgrid.infra.dynamodb.DynamoEngineResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The access harness over PointsFunction's routes: for each, a caller in scope succeeds, one whose role is held in
 * the other community gets 403, an anonymous one 401; each write is also tried on a subject of community B by a
 * caller of community A (403, community B's books unchanged).
 */
@QuarkusTest
@QuarkusTestResource(DynamoEngineResource.class)
class AccessControlTest extends AccessHarness<AccessControlTest.Fixture> {

    /** One community's points: a household with points, an award to reverse, one pending, a store, a good, a redemption. */
    static final class Side {
        final String household;
        final String entry;
        final String pendingAward;
        final String store;
        final String good;
        final String redemption;

        Side(PointsWorld w, String community, String grid, Map<String, String> admin, Map<String, String> staff) {
            household = "H" + UUID.randomUUID();
            created(Gateway.post(w.d.districtAdmin, "/points/accounts", Map.of("householdId", household, "nodeCode", grid)));
            created(w.award(staff, household, 100));
            entry = created(w.award(staff, household, 10)).json().getString("entryId");
            Gateway.Reply pending = w.award(staff, household, 150);
            assertEquals(202, pending.status(), pending::toString);
            pendingAward = pending.json().getString("id");
            store = created(Gateway.post(admin, "/points/stores", Map.of("name", "积分超市", "nodeCode", community))).json().getString("id");
            good = created(Gateway.post(admin, "/points/stores/" + store + "/goods", Map.of("name", "牙膏", "price", 5, "stock", 50)))
                    .json().getString("id");
            redemption = created(Gateway.post(admin, "/points/redemptions",
                    Map.of("storeId", store, "goodId", good, "householdId", household, "quantity", 1))).json().getString("id");
        }

        private static Gateway.Reply created(Gateway.Reply r) {
            assertEquals(true, r.status() == 201, r::toString);
            return r;
        }
    }

    static final class Fixture {
        final PointsWorld w = new PointsWorld();
        final Side a = new Side(w, w.d.communityA, w.d.gridA1, w.d.adminA, w.d.workerA1);
        final Side b = new Side(w, w.d.communityB, w.d.gridB1, w.d.adminB, w.d.leaderB1);
    }

    @Override
    protected String function() {
        return "PointsFunction";
    }

    @Override
    protected Fixture createFixture() {
        return new Fixture();
    }

    @Override
    protected List<Map<String, String>> widerScopes(Fixture f, Case<Fixture> c) {
        return List.of(f.w.d.streetAdmin, f.w.d.districtAdmin);
    }

    /** Community B's books as the district reads them. */
    @Override
    protected String snapshot(Fixture f) {
        return Stream.of("/points/communities/" + f.w.d.communityB + "/trial-balance",
                "/points/accounts/HH-" + f.b.household, "/points/stores/" + f.b.store + "/goods")
                .map(p -> Gateway.get(f.w.d.districtAdmin, p).body()).reduce("", String::concat);
    }

    private static Case<Fixture> c(String method, String route, java.util.function.Function<Fixture, String> path,
            java.util.function.Function<Fixture, Object> body, java.util.function.Function<Fixture, Map<String, String>> in,
            java.util.function.Function<Fixture, Map<String, String>> out, int success) {
        return new Case<>(route, method, path, body, in, out, success);
    }

    @Override
    protected Stream<Case<Fixture>> cases() {
        return Stream.of(
                c("POST", "/points/accounts", f -> "/points/accounts",
                        f -> Map.of("householdId", "H" + UUID.randomUUID(), "nodeCode", f.w.d.gridA1),
                        f -> f.w.d.workerA1, f -> f.w.d.leaderB1, 201),
                c("GET", "/points/accounts/{id}", f -> "/points/accounts/HH-" + f.a.household, null,
                        f -> f.w.d.workerA1, f -> f.w.d.leaderB1, 200),
                c("GET", "/points/accounts/{id}/statement", f -> "/points/accounts/HH-" + f.a.household + "/statement", null,
                        f -> f.w.d.workerA1, f -> f.w.d.leaderB1, 200),
                c("GET", "/points/accounts/{id}/chain", f -> "/points/accounts/HH-" + f.a.household + "/chain", null,
                        f -> f.w.d.workerA1, f -> f.w.d.leaderB1, 200),
                c("POST", "/points/entries/{id}/reverse", f -> "/points/entries/" + f.a.entry + "/reverse", f -> Map.of("reason", "误录"),
                        f -> f.w.d.adminA, f -> f.w.d.adminB, 201),
                c("GET", "/points/communities/{code}/trial-balance", f -> "/points/communities/" + f.w.d.communityA + "/trial-balance",
                        null, f -> f.w.d.adminA, f -> f.w.d.adminB, 200),
                c("PUT", "/points/communities/{code}/settings", f -> "/points/communities/" + f.w.d.communityA + "/settings",
                        f -> Map.of("approvalThreshold", 100, "issuingLimit", 1_000_000), f -> f.w.d.adminA, f -> f.w.d.adminB, 200),
                c("POST", "/points/awards", f -> "/points/awards", f -> Map.of("householdId", f.a.household, "points", 5, "reason", "清洁户"),
                        f -> f.w.d.workerA1, f -> f.w.d.leaderB1, 201),
                c("GET", "/points/awards", f -> "/points/awards?community=" + f.w.d.communityA, null,
                        f -> f.w.d.adminA, f -> f.w.d.adminB, 200),
                c("POST", "/points/awards/{id}/approve", f -> "/points/awards/" + f.a.pendingAward + "/approve", null,
                        f -> f.w.d.adminA, f -> f.w.d.adminB, 200),
                c("POST", "/points/stores", f -> "/points/stores", f -> Map.of("name", "二号超市", "nodeCode", f.w.d.communityA),
                        f -> f.w.d.adminA, f -> f.w.d.adminB, 201),
                c("GET", "/points/stores/{id}/goods", f -> "/points/stores/" + f.a.store + "/goods", null,
                        f -> f.w.d.adminA, f -> f.w.d.adminB, 200),
                c("POST", "/points/stores/{id}/goods", f -> "/points/stores/" + f.a.store + "/goods",
                        f -> Map.of("name", "肥皂", "price", 3, "stock", 5), f -> f.w.d.adminA, f -> f.w.d.adminB, 201),
                c("POST", "/points/stores/{id}/goods/{goodId}/restock", f -> "/points/stores/" + f.a.store + "/goods/" + f.a.good + "/restock",
                        f -> Map.of("quantity", 5), f -> f.w.d.adminA, f -> f.w.d.adminB, 200),
                c("POST", "/points/redemptions", f -> "/points/redemptions",
                        f -> Map.of("storeId", f.a.store, "goodId", f.a.good, "householdId", f.a.household, "quantity", 1),
                        f -> f.w.d.adminA, f -> f.w.d.adminB, 201),
                c("POST", "/points/redemptions/{id}/cancel", f -> "/points/redemptions/" + f.a.redemption + "/cancel", null,
                        f -> f.w.d.adminA, f -> f.w.d.adminB, 200));
    }

    @Override
    protected Stream<Cross<Fixture>> crossCases() {
        return Stream.of(
                new Cross<>("/points/accounts", "POST", f -> "/points/accounts",
                        f -> Map.of("householdId", "H" + UUID.randomUUID(), "nodeCode", f.w.d.gridB1), f -> f.w.d.workerA1),
                new Cross<>("/points/entries/{id}/reverse", "POST", f -> "/points/entries/" + f.b.entry + "/reverse",
                        f -> Map.of("reason", "误录"), f -> f.w.d.adminA),
                new Cross<>("/points/communities/{code}/settings", "PUT", f -> "/points/communities/" + f.w.d.communityB + "/settings",
                        f -> Map.of("approvalThreshold", 1, "issuingLimit", 0), f -> f.w.d.adminA),
                new Cross<>("/points/awards", "POST", f -> "/points/awards",
                        f -> Map.of("householdId", f.b.household, "points", 5, "reason", "清洁户"), f -> f.w.d.workerA1),
                new Cross<>("/points/awards/{id}/approve", "POST", f -> "/points/awards/" + f.b.pendingAward + "/approve", null,
                        f -> f.w.d.adminA),
                new Cross<>("/points/stores", "POST", f -> "/points/stores", f -> Map.of("name", "越界超市", "nodeCode", f.w.d.communityB),
                        f -> f.w.d.adminA),
                new Cross<>("/points/stores/{id}/goods", "POST", f -> "/points/stores/" + f.b.store + "/goods",
                        f -> Map.of("name", "肥皂", "price", 3, "stock", 5), f -> f.w.d.adminA),
                new Cross<>("/points/stores/{id}/goods/{goodId}/restock", "POST",
                        f -> "/points/stores/" + f.b.store + "/goods/" + f.b.good + "/restock", f -> Map.of("quantity", 5), f -> f.w.d.adminA),
                new Cross<>("/points/redemptions", "POST", f -> "/points/redemptions",
                        f -> Map.of("storeId", f.b.store, "goodId", f.b.good, "householdId", f.b.household, "quantity", 1), f -> f.w.d.adminA),
                new Cross<>("/points/redemptions/{id}/cancel", "POST", f -> "/points/redemptions/" + f.b.redemption + "/cancel", null,
                        f -> f.w.d.adminA));
    }
}
