package org.redgrid.points;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.redgrid.testkit.AccessHarness;
import org.redgrid.testkit.Gateway;
import org.redgrid.testkit.Tokens;
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
        final String category;
        final Map<String, String> resident;
        final Map<String, String> clerk;

        Side(PointsWorld w, String community, String grid, Map<String, String> admin, Map<String, String> staff) {
            household = w.d.household(grid, "和平路 " + UUID.randomUUID().toString().substring(0, 6) + " 号");
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
            w.rule(admin, community, "INSPECTION", 20, Map.of("threshold", 24));
            category = w.rule(admin, community, "MANUAL", 5, Map.of());
            w.settings(community, Map.of("expiryMonths", 12));
            for (String month : List.of(SCORED, PUBLISHED)) {
                created(Gateway.post(staff, "/points/inspections", Map.of("gridCode", grid, "month", month)));
            }
            resident = w.resident(household);
            clerk = Tokens.idToken("clerk-" + community, "store-clerk@" + community);
        }

        private static Gateway.Reply created(Gateway.Reply r) {
            assertEquals(true, r.status() == 201, r::toString);
            return r;
        }
    }

    static final String SCORED = "2026-08";
    static final String PUBLISHED = "2026-09";
    static final Map<String, Integer> SCORES = Map.of("personal", 9, "indoor", 9, "surroundings", 9);

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
        // A resident's own view is theirs alone: administrators hold no points.self.read.
        return c.route().startsWith("/points/me") ? List.of() : List.of(f.w.d.streetAdmin, f.w.d.districtAdmin);
    }

    /** Community B's books as the district reads them. */
    @Override
    protected String snapshot(Fixture f) {
        return Stream.of("/points/communities/" + f.w.d.communityB + "/trial-balance",
                "/points/accounts/HH-" + f.b.household, "/points/stores/" + f.b.store + "/goods",
                "/points/communities/" + f.w.d.communityB + "/rules", "/points/inspections/" + f.w.d.gridB1 + "/" + SCORED,
                "/points/inspections/" + f.w.d.gridB1 + "/" + PUBLISHED)
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
                        f -> Map.of("householdId", f.w.d.household(f.w.d.gridA1, "新户"), "nodeCode", f.w.d.gridA1),
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
                        f -> Map.of("approvalThreshold", 100, "issuingLimit", 1_000_000, "expiryMonths", 12), f -> f.w.d.adminA,
                        f -> f.w.d.adminB, 200),
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
                        f -> f.w.d.adminA, f -> f.w.d.adminB, 200),
                c("GET", "/points/communities/{code}/settings", f -> "/points/communities/" + f.w.d.communityA + "/settings", null,
                        f -> f.w.d.workerA1, f -> f.w.d.leaderB1, 200),
                c("POST", "/points/communities/{code}/rules", f -> "/points/communities/" + f.w.d.communityA + "/rules",
                        f -> Map.of("kind", "MANUAL", "name", "邻里互助", "points", 5), f -> f.w.d.adminA, f -> f.w.d.adminB, 201),
                c("GET", "/points/communities/{code}/rules", f -> "/points/communities/" + f.w.d.communityA + "/rules", null,
                        f -> f.w.d.workerA1, f -> f.w.d.leaderB1, 200),
                c("PUT", "/points/communities/{code}/rules/{ruleId}",
                        f -> "/points/communities/" + f.w.d.communityA + "/rules/" + f.a.category,
                        f -> Map.of("name", "邻里互助（改）", "points", 6, "active", true, "version", 1), f -> f.w.d.adminA,
                        f -> f.w.d.adminB, 200),
                c("GET", "/points/communities/{code}/rules/{ruleId}/versions",
                        f -> "/points/communities/" + f.w.d.communityA + "/rules/INSPECTION/versions", null,
                        f -> f.w.d.workerA1, f -> f.w.d.leaderB1, 200),
                c("GET", "/points/communities/{code}/chain-check", f -> "/points/communities/" + f.w.d.communityA + "/chain-check",
                        null, f -> f.w.d.adminA, f -> f.w.d.adminB, 200),
                c("GET", "/points/communities/{code}/expiry", f -> "/points/communities/" + f.w.d.communityA + "/expiry", null,
                        f -> f.w.d.adminA, f -> f.w.d.adminB, 200),
                c("POST", "/points/communities/{code}/expiry", f -> "/points/communities/" + f.w.d.communityA + "/expiry", null,
                        f -> f.w.d.adminA, f -> f.w.d.adminB, 200),
                c("GET", "/points/communities/{code}/report", f -> "/points/communities/" + f.w.d.communityA + "/report", null,
                        f -> f.w.d.adminA, f -> f.w.d.adminB, 200),
                c("GET", "/points/stores/{id}/sales", f -> "/points/stores/" + f.a.store + "/sales", null,
                        f -> f.w.d.adminA, f -> f.w.d.adminB, 200),
                c("GET", "/points/grids/{code}/leaderboard", f -> "/points/grids/" + f.w.d.gridA1 + "/leaderboard", null,
                        f -> f.w.d.workerA1, f -> f.w.d.leaderB1, 200),
                c("POST", "/points/inspections", f -> "/points/inspections", f -> Map.of("gridCode", f.w.d.gridA1, "month", "2026-07"),
                        f -> f.w.d.workerA1, f -> f.w.d.leaderB1, 201),
                c("GET", "/points/inspections", f -> "/points/inspections?community=" + f.w.d.communityA + "&month=" + SCORED, null,
                        f -> f.w.d.adminA, f -> f.w.d.adminB, 200),
                c("GET", "/points/inspections/{grid}/{month}", f -> "/points/inspections/" + f.w.d.gridA1 + "/" + SCORED, null,
                        f -> f.w.d.workerA1, f -> f.w.d.leaderB1, 200),
                c("PUT", "/points/inspections/{grid}/{month}/scores/{householdId}",
                        f -> "/points/inspections/" + f.w.d.gridA1 + "/" + SCORED + "/scores/" + f.a.household, f -> SCORES,
                        f -> f.w.d.workerA1, f -> f.w.d.leaderB1, 200),
                c("POST", "/points/inspections/{grid}/{month}/publish",
                        f -> "/points/inspections/" + f.w.d.gridA1 + "/" + PUBLISHED + "/publish", null,
                        f -> f.w.d.workerA1, f -> f.w.d.leaderB1, 200),
                c("GET", "/points/counter/households", f -> "/points/counter/households?store=" + f.a.store + "&q=" + f.a.household,
                        null, f -> f.a.clerk, f -> f.b.clerk, 200),
                c("GET", "/points/stores", f -> "/points/stores?node=" + f.w.d.communityA, null, f -> f.a.clerk,
                        f -> f.w.d.partyMemberA, 200),
                c("GET", "/points/me", f -> "/points/me", null, f -> f.a.resident, f -> f.w.d.workerA1, 200),
                c("GET", "/points/me/stores", f -> "/points/me/stores", null, f -> f.a.resident, f -> f.w.d.adminA, 200));
    }

    @Override
    protected Stream<Cross<Fixture>> crossCases() {
        return Stream.of(
                new Cross<>("/points/accounts", "POST", f -> "/points/accounts",
                        f -> Map.of("householdId", f.w.d.household(f.w.d.gridB1, "新户"), "nodeCode", f.w.d.gridB1), f -> f.w.d.workerA1),
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
                        f -> f.w.d.adminA),
                new Cross<>("/points/communities/{code}/rules", "POST", f -> "/points/communities/" + f.w.d.communityB + "/rules",
                        f -> Map.of("kind", "MANUAL", "name", "越界规则", "points", 5), f -> f.w.d.adminA),
                new Cross<>("/points/communities/{code}/rules/{ruleId}", "PUT",
                        f -> "/points/communities/" + f.w.d.communityB + "/rules/" + f.b.category,
                        f -> Map.of("name", "越界修改", "points", 1, "active", false, "version", 1), f -> f.w.d.adminA),
                new Cross<>("/points/communities/{code}/expiry", "POST", f -> "/points/communities/" + f.w.d.communityB + "/expiry",
                        null, f -> f.w.d.adminA),
                new Cross<>("/points/inspections", "POST", f -> "/points/inspections",
                        f -> Map.of("gridCode", f.w.d.gridB1, "month", "2026-07"), f -> f.w.d.workerA1),
                new Cross<>("/points/inspections/{grid}/{month}/scores/{householdId}", "PUT",
                        f -> "/points/inspections/" + f.w.d.gridB1 + "/" + SCORED + "/scores/" + f.b.household, f -> SCORES,
                        f -> f.w.d.workerA1),
                new Cross<>("/points/inspections/{grid}/{month}/publish", "POST",
                        f -> "/points/inspections/" + f.w.d.gridB1 + "/" + PUBLISHED + "/publish", null, f -> f.w.d.workerA1));
    }
}
