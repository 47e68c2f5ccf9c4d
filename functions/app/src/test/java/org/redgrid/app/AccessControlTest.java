package org.redgrid.app;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.redgrid.infra.template.SamTemplate;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * For every directory endpoint (every DirectoryFunction route of template.yaml): a caller whose role covers the
 * target succeeds, a caller whose role is held elsewhere (or lacks the permission) gets 403 and changes nothing,
 * and an anonymous caller gets 401.
 */
@QuarkusTest
@QuarkusTestResource(LocalDynamoDbResource.class)
class AccessControlTest {

    /** Shared targets, built once through the API itself. */
    static final class Fixture {
        final DemoDistrict d = DemoDistrict.create();
        final String person = d.person("张三", "13812345678", d.gridA1);
        final String household = d.household(d.gridA1, "幸福小区1号楼101");
        final String unit = d.unit(d.communityA, "区卫健委");
        final String residentAccount = "resident-" + d.prefix;
        final Map<String, String> resident = Tokens.idToken(residentAccount, "resident");
        /** Subjects in community B, for the cross-community cases. */
        final String personB = d.person("周五", "13812340000", d.gridB1);
        final String householdB = d.household(d.gridB1, "和平小区3号楼301");
        final String unitB = d.unit(d.communityB, "区民政局");
        int fresh;

        Fixture() {
            Gateway.Reply post = Gateway.call(d.streetAdmin, "PUT", "/directory/people/" + personB + "/positions/" + d.gridA1 + "/VOLUNTEER", null);
            assertEquals(200, post.status(), post::toString);
            Gateway.Reply r = Gateway.post(d.districtAdmin, "/directory/people", Map.of("name", "李四", "phone", "13700001234",
                    "homeNodeCode", d.gridA1, "account", residentAccount));
            assertEquals(201, r.status(), r::toString);
        }

        /** A new leaf grid in community A, for the cases that consume their target. */
        String freshGrid() {
            String code = d.prefix + "F" + (++fresh);
            d.node(code, "临时网格" + fresh, "GRID", d.communityA);
            return code;
        }

        String freshBuilding() {
            String code = d.prefix + "FB" + (++fresh);
            d.node(code, "临时楼栋" + fresh, "BUILDING", d.gridA1);
            return code;
        }
    }

    private static Fixture fixture;

    static synchronized Fixture fx() {
        if (fixture == null) {
            fixture = new Fixture();
        }
        return fixture;
    }

    record Case(String route, String method, Function<Fixture, String> path, Function<Fixture, Object> body,
            Function<Fixture, Map<String, String>> inScope, Function<Fixture, Map<String, String>> outOfScope, int success) {
        @Override
        public String toString() {
            return method + " " + route;
        }
    }

    static Stream<Case> cases() {
        Function<Fixture, Map<String, String>> adminA = f -> f.d.adminA;
        Function<Fixture, Map<String, String>> adminB = f -> f.d.adminB;
        Function<Fixture, Map<String, String>> workerA1 = f -> f.d.workerA1;
        Function<Fixture, Map<String, String>> leaderB1 = f -> f.d.leaderB1;
        Function<Fixture, Map<String, String>> resident = f -> f.resident;
        return Stream.of(
                new Case("/directory/nodes", "POST", f -> "/directory/nodes",
                        f -> Map.of("code", f.d.prefix + "N" + (++f.fresh), "name", "新网格", "level", "GRID", "parentCode", f.d.communityA),
                        adminA, adminB, 201),
                new Case("/directory/nodes/{code}", "GET", f -> "/directory/nodes/" + f.d.communityA, null, adminA, adminB, 200),
                new Case("/directory/nodes/{code}", "PATCH", f -> "/directory/nodes/" + f.d.gridA2, f -> Map.of("name", "幸福二网格（改）"),
                        adminA, adminB, 200),
                new Case("/directory/nodes/{code}", "DELETE", f -> "/directory/nodes/" + f.freshGrid(), null, adminA, adminB, 204),
                new Case("/directory/nodes/{code}/move", "POST", f -> "/directory/nodes/" + f.freshBuilding() + "/move",
                        f -> Map.of("parentCode", f.d.gridA2), adminA, adminB, 200),
                new Case("/directory/nodes/{code}/retire", "POST", f -> "/directory/nodes/" + f.freshGrid() + "/retire", null,
                        adminA, adminB, 200),
                new Case("/directory/nodes/{code}/children", "GET", f -> "/directory/nodes/" + f.d.communityA + "/children", null,
                        adminA, adminB, 200),
                new Case("/directory/nodes/{code}/subtree", "GET", f -> "/directory/nodes/" + f.d.communityA + "/subtree", null,
                        adminA, adminB, 200),
                new Case("/directory/nodes/{code}/path", "GET", f -> "/directory/nodes/" + f.d.gridA1 + "/path", null,
                        workerA1, leaderB1, 200),
                new Case("/directory/locate", "GET", f -> "/directory/locate?lon=116.4&lat=39.9", null, workerA1, resident, 200),
                new Case("/directory/scope", "GET", f -> "/directory/scope", null, workerA1, resident, 200),
                // Every signed-in caller may ask what they may do: nobody is out of its scope.
                new Case("/directory/access", "GET", f -> "/directory/access", null, resident, null, 200),
                new Case("/directory/people", "POST", f -> "/directory/people",
                        f -> Map.of("name", "王五", "phone", "13600001111", "homeNodeCode", f.d.gridA1), workerA1, leaderB1, 201),
                new Case("/directory/people", "GET", f -> "/directory/people?under=" + f.d.communityA, null, adminA, adminB, 200),
                new Case("/directory/people/{id}", "GET", f -> "/directory/people/" + f.person, null, workerA1, leaderB1, 200),
                new Case("/directory/people/{id}", "PATCH", f -> "/directory/people/" + f.person, f -> Map.of("employer", "区财政局"),
                        workerA1, leaderB1, 200),
                new Case("/directory/people/{id}/positions/{nodeCode}/{position}", "PUT",
                        f -> "/directory/people/" + f.person + "/positions/" + f.d.gridA1 + "/VOLUNTEER", null, workerA1, leaderB1, 200),
                new Case("/directory/people/{id}/positions/{nodeCode}/{position}", "DELETE", f -> {
                    Gateway.call(f.d.districtAdmin, "PUT", "/directory/people/" + f.person + "/positions/" + f.d.buildingA11 + "/BUILDING_LEADER", null);
                    return "/directory/people/" + f.person + "/positions/" + f.d.buildingA11 + "/BUILDING_LEADER";
                }, null, workerA1, leaderB1, 200),
                new Case("/directory/people/{id}/audit", "GET", f -> "/directory/people/" + f.person + "/audit", null, adminA, adminB, 200),
                new Case("/directory/me", "GET", f -> "/directory/me", null, resident, adminA, 200),
                new Case("/directory/households", "POST", f -> "/directory/households",
                        f -> Map.of("nodeCode", f.d.gridA1, "address", "幸福小区2号楼202"), workerA1, leaderB1, 201),
                new Case("/directory/households", "GET", f -> "/directory/households?under=" + f.d.gridA1, null, workerA1, leaderB1, 200),
                new Case("/directory/households/{id}", "GET", f -> "/directory/households/" + f.household, null, workerA1, leaderB1, 200),
                new Case("/directory/units", "POST", f -> "/directory/units", f -> Map.of("name", "区教育局", "kind", "机关",
                        "nodeCode", f.d.communityA, "contacts", List.of(Map.of("name", "赵老师", "phone", "13500002222"))), adminA, adminB, 201),
                new Case("/directory/units", "GET", f -> "/directory/units?under=" + f.d.communityA, null, adminA, adminB, 200),
                new Case("/directory/units/{id}", "GET", f -> "/directory/units/" + f.unit, null, adminA, adminB, 200),
                new Case("/directory/units/{id}", "PATCH", f -> "/directory/units/" + f.unit, f -> Map.of("name", "区卫生健康委员会",
                        "kind", "机关", "nodeCode", f.d.communityA, "contacts", List.of(Map.of("name", "王主任", "phone", "13900001111"))),
                        adminA, adminB, 200));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void outOfScopeIsRefusedAndInScopeSucceeds(Case c) {
        Fixture f = fx();
        String path = c.path().apply(f);
        Object body = c.body() == null ? null : c.body().apply(f);

        if (c.outOfScope() != null) {
            Gateway.Reply refused = Gateway.call(c.outOfScope().apply(f), c.method(), path, body);
            assertEquals(403, refused.status(), () -> "out of scope: " + refused);
            assertEquals("application/problem+json", refused.header("Content-Type"));
        }

        Gateway.Reply done = Gateway.call(c.inScope().apply(f), c.method(), path, body);
        assertEquals(c.success(), done.status(), () -> "in scope: " + done);

        if (c.method().equals("GET") && c.inScope().apply(f) != f.resident) {
            for (Map<String, String> above : List.of(f.d.streetAdmin, f.d.districtAdmin)) {
                Gateway.Reply wider = Gateway.call(above, c.method(), path, body);
                assertEquals(200, wider.status(), () -> "a wider scope covers the narrower one: " + wider);
            }
        }
    }

    /** A write tried by a caller whose scope covers the target grid, on a subject that belongs to another community. */
    record Cross(String route, String method, Function<Fixture, String> path, Function<Fixture, Object> body,
            Function<Fixture, Map<String, String>> caller) {
        @Override
        public String toString() {
            return method + " " + route;
        }
    }

    static Stream<Cross> crossCommunity() {
        Function<Fixture, Map<String, String>> adminA = f -> f.d.adminA;
        Function<Fixture, Map<String, String>> workerA1 = f -> f.d.workerA1;
        return Stream.of(
                new Cross("/directory/nodes", "POST", f -> "/directory/nodes",
                        f -> Map.of("code", f.d.prefix + "X" + (++f.fresh), "name", "越界网格", "level", "GRID", "parentCode", f.d.communityB), adminA),
                new Cross("/directory/nodes/{code}", "PATCH", f -> "/directory/nodes/" + f.d.gridB1, f -> Map.of("name", "改名"), adminA),
                new Cross("/directory/nodes/{code}", "DELETE", f -> "/directory/nodes/" + f.d.gridB1, null, adminA),
                new Cross("/directory/nodes/{code}/move", "POST", f -> "/directory/nodes/" + f.d.gridB1 + "/move",
                        f -> Map.of("parentCode", f.d.communityA), adminA),
                new Cross("/directory/nodes/{code}/retire", "POST", f -> "/directory/nodes/" + f.d.gridB1 + "/retire", null, adminA),
                new Cross("/directory/people", "POST", f -> "/directory/people",
                        f -> Map.of("name", "越界", "phone", "13600002222", "householdId", f.householdB), workerA1),
                new Cross("/directory/people/{id}", "PATCH", f -> "/directory/people/" + f.personB, f -> Map.of("employer", "越界"), adminA),
                new Cross("/directory/people/{id}/positions/{nodeCode}/{position}", "PUT",
                        f -> "/directory/people/" + f.personB + "/positions/" + f.d.gridA1 + "/GRID_WORKER", null, adminA),
                new Cross("/directory/people/{id}/positions/{nodeCode}/{position}", "DELETE",
                        f -> "/directory/people/" + f.personB + "/positions/" + f.d.gridA1 + "/VOLUNTEER", null, adminA),
                new Cross("/directory/households", "POST", f -> "/directory/households",
                        f -> Map.of("nodeCode", f.d.gridB1, "address", "越界地址"), workerA1),
                new Cross("/directory/units", "POST", f -> "/directory/units", f -> Map.of("name", "越界单位", "kind", "企业",
                        "nodeCode", f.d.communityB, "contacts", List.of(Map.of("name", "吴", "phone", "13500004444"))), adminA),
                new Cross("/directory/units/{id}", "PATCH", f -> "/directory/units/" + f.unitB, f -> Map.of("name", "区民政局",
                        "kind", "机关", "nodeCode", f.d.communityA, "contacts", List.of(Map.of("name", "王主任", "phone", "13900001111"))), adminA));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("crossCommunity")
    void aSubjectInAnotherCommunityIsRefusedAndUnchanged(Cross c) {
        Fixture f = fx();
        String before = Gateway.get(f.d.districtAdmin, "/directory/people/" + f.personB).body();
        Gateway.Reply refused = Gateway.call(c.caller().apply(f), c.method(), c.path().apply(f), c.body() == null ? null : c.body().apply(f));
        assertEquals(403, refused.status(), () -> "cross-community: " + refused);
        assertEquals("application/problem+json", refused.header("Content-Type"));
        assertEquals(before, Gateway.get(f.d.districtAdmin, "/directory/people/" + f.personB).body(), "community B's person is unchanged");
        assertEquals(403, Gateway.get(f.d.adminA, "/directory/nodes/" + f.d.gridB1).status(), "and stays out of A's reach");
    }

    @Test
    void everyWriteRouteIsTriedAcrossCommunities() {
        Set<String> writes = cases().map(Case::toString).filter(r -> !r.startsWith("GET ")).collect(Collectors.toSet());
        assertEquals(writes, crossCommunity().map(Cross::toString).collect(Collectors.toSet()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void anonymousGets401ThroughTheMockEventServer(Case c) {
        Fixture f = fx();
        var request = given().contentType("application/json");
        if (c.body() != null) {
            request = request.body(c.body().apply(f));
        }
        request.request(c.method(), c.path().apply(f))
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void everyDirectoryRouteOfTheTemplateIsCovered() {
        Set<String> routes = SamTemplate.fromCheckout().routes().stream()
                .filter(r -> r.function().equals("DirectoryFunction"))
                .map(r -> r.method() + " " + r.path()).collect(Collectors.toSet());
        Set<String> covered = cases().map(Case::toString).collect(Collectors.toCollection(HashSet::new));
        assertEquals(routes, covered);
    }
}
