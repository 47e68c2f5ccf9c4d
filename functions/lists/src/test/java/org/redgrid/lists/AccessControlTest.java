package org.redgrid.lists;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.redgrid.infra.dynamodb.DynamoEngineResource;
import org.redgrid.testkit.AccessHarness;
import org.redgrid.testkit.Gateway;
import org.redgrid.testkit.ObjectStoreResource;
import org.redgrid.testkit.Tokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The access harness over ListsFunction's routes: for each, a caller in scope succeeds, one whose role is held in
 * another community or grid (or lacks the permission) gets 403, an anonymous one 401; each write is also tried on a
 * subject of community B by a caller of community A (403, nothing changed).
 */
@QuarkusTest
@QuarkusTestResource(DynamoEngineResource.class)
@QuarkusTestResource(ObjectStoreResource.class)
class AccessControlTest extends AccessHarness<AccessControlTest.Fixture> {

    /** Shared targets, built once through the API itself. */
    static final class Fixture {
        final ListsWorld w = new ListsWorld();
        final Map<String, String> unitB = Tokens.idToken("unit-b-" + w.d.prefix, "partner-unit@" + w.d.communityB);
        final String memberResource = w.resourceA(w.memberA, "MEMBER", 1000, "ELDERLY", "HEALTH");
        final String unitResource = w.resourceA(w.unitA, "UNIT", 1000, "HEALTH");
        final String demandA = w.demandA1("ELDERLY");
        final String projectA = w.projectA(true);
        final String demandB = w.demandAt(w.d.leaderB1, w.d.gridB1, "ELDERLY");
        final String resourceB = Gateway.post(w.memberB, "/lists/resources", ListsWorld.resource("MEMBER", w.d.communityB,
                List.of(w.d.communityB), List.of("ELDERLY"), List.of(), 3)).json().getString("id");
        final String projectB = created(Gateway.post(w.d.adminB, "/lists/projects", ListsWorld.project(w.d.communityB, true)));
        final String batchA = created(Gateway.post(w.d.adminA, "/lists/matching/batches", Map.of("nodeCode", w.d.communityA)));
        final String batchB = created(Gateway.post(w.d.adminB, "/lists/matching/batches", Map.of("nodeCode", w.d.communityB)));

        static String created(Gateway.Reply r) {
            assertEquals(201, r.status(), r::toString);
            return r.json().getString("id");
        }

        /** A demand of grid A1 claimed by member A. */
        String claimedA() {
            String id = w.demandA1("ELDERLY");
            assertEquals(201, w.claim(w.memberA, id, memberResource).status());
            return id;
        }

        /** A demand the resident submitted in grid A1, claimed and served by member A. */
        String doneForResident() {
            String id = w.demandAt(w.resident, w.d.gridA1, "ELDERLY");
            assertEquals(201, w.claim(w.memberA, id, memberResource).status());
            assertEquals(200, Gateway.post(w.memberA, "/lists/demands/" + id + "/done", Map.of()).status());
            return id;
        }
    }

    @Override
    protected String function() {
        return "ListsFunction";
    }

    @Override
    protected Fixture createFixture() {
        return new Fixture();
    }

    /** Grid-scoped reads are open to the street and district above; one's own lists and the taxonomy are not scoped. */
    @Override
    protected List<Map<String, String>> widerScopes(Fixture f, Case<Fixture> c) {
        return c.route().endsWith("/mine") || c.route().equals("/lists/categories") ? List.of()
                : List.of(f.w.d.streetAdmin, f.w.d.districtAdmin);
    }

    /** Community B's demand, resource, project, weights, batch and counters as its own admin reads them. */
    @Override
    protected String snapshot(Fixture f) {
        Map<String, String> b = f.w.d.adminB;
        return Gateway.get(b, "/lists/demands/" + f.demandB).body()
                + Gateway.get(b, "/lists/demands?under=" + f.w.d.communityB).body()
                + Gateway.get(b, "/lists/resources/" + f.resourceB).body()
                + Gateway.get(b, "/lists/projects/" + f.projectB).body()
                + Gateway.get(b, "/lists/communities/" + f.w.d.communityB + "/weights").body()
                + Gateway.get(b, "/lists/matching/batches?under=" + f.w.d.communityB).body()
                + Gateway.get(b, "/lists/nodes/" + f.w.d.communityB + "/indicators").body();
    }

    @Override
    protected Stream<Case<Fixture>> cases() {
        Function<Fixture, Map<String, String>> adminA = f -> f.w.d.adminA;
        Function<Fixture, Map<String, String>> adminB = f -> f.w.d.adminB;
        Function<Fixture, Map<String, String>> workerA1 = f -> f.w.d.workerA1;
        Function<Fixture, Map<String, String>> leaderB1 = f -> f.w.d.leaderB1;
        Function<Fixture, Map<String, String>> memberA = f -> f.w.memberA;
        Function<Fixture, Map<String, String>> memberB = f -> f.w.memberB;
        Function<Fixture, Map<String, String>> resident = f -> f.w.resident;
        Function<Fixture, Object> claimWithMine = f -> Map.of("resourceId", f.memberResource);
        return Stream.of(
                // The taxonomy is for everyone signed in: nobody is out of its scope.
                new Case<>("/lists/categories", "GET", f -> "/lists/categories", null, resident, null, 200),
                new Case<>("/lists/demands", "POST", f -> "/lists/demands", f -> ListsWorld.demand(f.w.d.gridA1, "WISH"),
                        workerA1, leaderB1, 201),
                new Case<>("/lists/demands", "GET", f -> "/lists/demands?under=" + f.w.d.gridA1, null, workerA1, leaderB1, 200),
                new Case<>("/lists/demands/mine", "GET", f -> "/lists/demands/mine", null, resident, leaderB1, 200),
                new Case<>("/lists/demands/{id}", "GET", f -> "/lists/demands/" + f.demandA, null, workerA1, leaderB1, 200),
                new Case<>("/lists/demands/{id}/claim", "POST", f -> "/lists/demands/" + f.w.demandA1("ELDERLY") + "/claim",
                        claimWithMine, memberA, memberB, 201),
                new Case<>("/lists/demands/{id}/done", "POST", f -> "/lists/demands/" + f.claimedA() + "/done",
                        f -> Map.of("note", "已修好"), memberA, memberB, 200),
                new Case<>("/lists/demands/{id}/feedback", "POST", f -> "/lists/demands/" + f.doneForResident() + "/feedback",
                        f -> Map.of("rating", 5, "comment", "很及时"), resident, leaderB1, 200),
                new Case<>("/lists/demands/{id}/cancel", "POST", f -> "/lists/demands/" + f.w.demandA1("CARE") + "/cancel",
                        f -> Map.of("reason", "已由家属解决"), workerA1, leaderB1, 200),
                new Case<>("/lists/demands/import", "POST", f -> "/lists/demands/import",
                        f -> Map.of("rows", List.of(ListsWorld.demand(f.w.d.gridA1, "LABOUR"))), workerA1, leaderB1, 200),
                new Case<>("/lists/claims/mine", "GET", f -> "/lists/claims/mine", null, memberA, resident, 200),
                new Case<>("/lists/resources", "POST", f -> "/lists/resources", f -> ListsWorld.resource("MEMBER",
                        f.w.d.communityA, List.of(f.w.d.gridA1), List.of("CARE"), List.of(), 2), memberA, memberB, 201),
                new Case<>("/lists/resources", "GET", f -> "/lists/resources?under=" + f.w.d.communityA, null, memberA, memberB, 200),
                new Case<>("/lists/resources/mine", "GET", f -> "/lists/resources/mine", null, memberA, resident, 200),
                new Case<>("/lists/resources/{id}", "GET", f -> "/lists/resources/" + f.memberResource, null, adminA, adminB, 200),
                new Case<>("/lists/resources/{id}", "PATCH", f -> "/lists/resources/" + f.memberResource, f -> ListsWorld.resource(
                        "MEMBER", f.w.d.communityA, List.of(f.w.d.communityA), List.of("ELDERLY", "HEALTH"), List.of(), 1000),
                        memberA, memberB, 200),
                new Case<>("/lists/resources/import", "POST", f -> "/lists/resources/import", f -> Map.of("rows", List.of(
                        ListsWorld.resource("TEAM", f.w.d.gridA1, List.of(f.w.d.gridA1), List.of("CARE"), List.of(), 2))),
                        workerA1, leaderB1, 200),
                new Case<>("/lists/resources/{id}/withdraw", "POST",
                        f -> "/lists/resources/" + f.w.resourceA(f.w.memberA, "MEMBER", 1, "CARE") + "/withdraw", null,
                        memberA, memberB, 200),
                new Case<>("/lists/projects", "POST", f -> "/lists/projects", f -> ListsWorld.project(f.w.d.communityA, false),
                        adminA, adminB, 201),
                new Case<>("/lists/projects", "GET", f -> "/lists/projects?under=" + f.w.d.communityA, null, adminA, adminB, 200),
                new Case<>("/lists/projects/{id}", "GET", f -> "/lists/projects/" + f.projectA, null, adminA, adminB, 200),
                new Case<>("/lists/projects/mine", "GET", f -> "/lists/projects/mine", null, f -> f.w.unitA, memberA, 200),
                new Case<>("/lists/projects/{id}", "PATCH", f -> "/lists/projects/" + f.w.projectA(false),
                        f -> Map.of("published", true, "version", 1), adminA, adminB, 200),
                new Case<>("/lists/projects/{id}/pick", "POST", f -> "/lists/projects/" + f.projectA + "/pick",
                        f -> Map.of("resourceId", f.unitResource), f -> f.w.unitA, f -> f.unitB, 200),
                new Case<>("/lists/projects/{id}/cancel", "POST", f -> "/lists/projects/" + f.w.projectA(false) + "/cancel",
                        f -> Map.of("reason", "改期"), adminA, adminB, 200),
                new Case<>("/lists/projects/{id}/start", "POST", f -> "/lists/projects/" + f.w.projectA(false) + "/start", null,
                        adminA, adminB, 200),
                new Case<>("/lists/projects/{id}/photos", "POST", f -> "/lists/projects/" + f.projectA + "/photos",
                        f -> Map.of("contentType", "image/jpeg", "size", 1000), adminA, adminB, 201),
                new Case<>("/lists/projects/{id}/complete", "POST",
                        f -> "/lists/projects/" + f.w.advanced(f.w.projectA(false), "start", null) + "/complete",
                        f -> ListsWorld.completion("member-a-" + f.w.d.prefix), adminA, adminB, 200),
                new Case<>("/lists/projects/{id}/evaluate", "POST",
                        f -> "/lists/projects/" + f.w.advanced(f.w.advanced(f.w.projectA(false), "start", null), "complete",
                                ListsWorld.completion("member-a-" + f.w.d.prefix)) + "/evaluate",
                        f -> Map.of("rating", 4), adminA, adminB, 200),
                new Case<>("/lists/communities/{code}/weights", "GET", f -> "/lists/communities/" + f.w.d.communityA + "/weights",
                        null, adminA, adminB, 200),
                new Case<>("/lists/communities/{code}/weights", "PUT", f -> "/lists/communities/" + f.w.d.communityA + "/weights",
                        f -> weights(), adminA, adminB, 200),
                new Case<>("/lists/matching/batches", "POST", f -> "/lists/matching/batches",
                        f -> Map.of("nodeCode", f.w.d.communityA), adminA, adminB, 201),
                new Case<>("/lists/matching/batches", "GET", f -> "/lists/matching/batches?under=" + f.w.d.communityA, null,
                        adminA, adminB, 200),
                new Case<>("/lists/matching/batches/{id}", "GET", f -> "/lists/matching/batches/" + f.batchA, null,
                        adminA, adminB, 200),
                new Case<>("/lists/matching/batches/{id}/pairs", "GET", f -> "/lists/matching/batches/" + f.batchA + "/pairs?limit=5",
                        null, adminA, adminB, 200),
                new Case<>("/lists/matching/batches/{id}/decide", "POST", f -> "/lists/matching/batches/" + f.batchA + "/decide",
                        f -> Map.of("accept", List.of(), "reject", List.of()), adminA, adminB, 200),
                new Case<>("/lists/nodes/{code}/indicators", "GET", f -> "/lists/nodes/" + f.w.d.gridA1 + "/indicators", null,
                        workerA1, leaderB1, 200));
    }

    static Map<String, Object> weights() {
        return Map.of("category", 40, "skill", 30, "proximity", 10, "time", 10, "urgency", 10);
    }

    @Override
    protected Stream<Cross<Fixture>> crossCases() {
        Function<Fixture, Map<String, String>> adminA = f -> f.w.d.adminA;
        Function<Fixture, Map<String, String>> workerA1 = f -> f.w.d.workerA1;
        Function<Fixture, Map<String, String>> memberA = f -> f.w.memberA;
        return Stream.of(
                new Cross<>("/lists/demands", "POST", f -> "/lists/demands", f -> ListsWorld.demand(f.w.d.gridB1, "WISH"), workerA1),
                new Cross<>("/lists/demands/{id}/claim", "POST", f -> "/lists/demands/" + f.demandB + "/claim",
                        f -> Map.of("resourceId", f.memberResource), memberA),
                new Cross<>("/lists/demands/{id}/done", "POST", f -> "/lists/demands/" + f.demandB + "/done", f -> Map.of(), memberA),
                new Cross<>("/lists/demands/{id}/feedback", "POST", f -> "/lists/demands/" + f.demandB + "/feedback",
                        f -> Map.of("rating", 1), f -> f.w.resident),
                new Cross<>("/lists/demands/{id}/cancel", "POST", f -> "/lists/demands/" + f.demandB + "/cancel",
                        f -> Map.of("reason", "越界取消"), workerA1),
                new Cross<>("/lists/demands/import", "POST", f -> "/lists/demands/import",
                        f -> Map.of("rows", List.of(ListsWorld.demand(f.w.d.gridB1, "LABOUR"))), workerA1),
                new Cross<>("/lists/resources", "POST", f -> "/lists/resources", f -> ListsWorld.resource("MEMBER",
                        f.w.d.communityB, List.of(f.w.d.communityB), List.of("CARE"), List.of(), 2), memberA),
                new Cross<>("/lists/resources/{id}", "PATCH", f -> "/lists/resources/" + f.resourceB, f -> ListsWorld.resource(
                        "MEMBER", f.w.d.communityB, List.of(f.w.d.communityB), List.of("CARE"), List.of(), 9), memberA),
                new Cross<>("/lists/resources/import", "POST", f -> "/lists/resources/import", f -> Map.of("rows", List.of(
                        ListsWorld.resource("TEAM", f.w.d.communityB, List.of(f.w.d.communityB), List.of("CARE"), List.of(), 2))),
                        memberA),
                new Cross<>("/lists/resources/{id}/withdraw", "POST", f -> "/lists/resources/" + f.resourceB + "/withdraw", null,
                        memberA),
                new Cross<>("/lists/projects", "POST", f -> "/lists/projects", f -> ListsWorld.project(f.w.d.communityB, false), adminA),
                new Cross<>("/lists/projects/{id}", "PATCH", f -> "/lists/projects/" + f.projectB,
                        f -> Map.of("title", "越界修改", "version", 1), adminA),
                new Cross<>("/lists/projects/{id}/pick", "POST", f -> "/lists/projects/" + f.projectB + "/pick",
                        f -> Map.of("resourceId", f.unitResource), f -> f.w.unitA),
                new Cross<>("/lists/projects/{id}/cancel", "POST", f -> "/lists/projects/" + f.projectB + "/cancel",
                        f -> Map.of("reason", "越界取消"), adminA),
                new Cross<>("/lists/projects/{id}/start", "POST", f -> "/lists/projects/" + f.projectB + "/start", null, adminA),
                new Cross<>("/lists/projects/{id}/photos", "POST", f -> "/lists/projects/" + f.projectB + "/photos",
                        f -> Map.of("contentType", "image/jpeg", "size", 1000), adminA),
                new Cross<>("/lists/projects/{id}/complete", "POST", f -> "/lists/projects/" + f.projectB + "/complete",
                        f -> ListsWorld.completion("member-b-" + f.w.d.prefix), adminA),
                new Cross<>("/lists/projects/{id}/evaluate", "POST", f -> "/lists/projects/" + f.projectB + "/evaluate",
                        f -> Map.of("rating", 1), adminA),
                new Cross<>("/lists/communities/{code}/weights", "PUT", f -> "/lists/communities/" + f.w.d.communityB + "/weights",
                        f -> weights(), adminA),
                new Cross<>("/lists/matching/batches", "POST", f -> "/lists/matching/batches",
                        f -> Map.of("nodeCode", f.w.d.communityB), adminA),
                new Cross<>("/lists/matching/batches/{id}/decide", "POST", f -> "/lists/matching/batches/" + f.batchB + "/decide",
                        f -> Map.of("reject", List.of(f.demandB)), adminA));
    }
}
