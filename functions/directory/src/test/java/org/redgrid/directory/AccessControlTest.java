package org.redgrid.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;


import org.redgrid.testkit.AccessHarness;
import org.redgrid.testkit.DemoDistrict;
import org.redgrid.testkit.Gateway;
import org.redgrid.testkit.LocalDynamoDbResource;
import org.redgrid.testkit.Tokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The access harness over DirectoryFunction's routes: for each, a caller in scope succeeds, one whose role is held
 * elsewhere gets 403, an anonymous one 401; each write is also tried on a subject of another community (403,
 * nothing changed).
 */
@QuarkusTest
@QuarkusTestResource(LocalDynamoDbResource.class)
class AccessControlTest extends AccessHarness<AccessControlTest.Fixture> {

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

    @Override
    protected String function() {
        return "DirectoryFunction";
    }

    @Override
    protected Fixture createFixture() {
        return new Fixture();
    }

    @Override
    protected List<Map<String, String>> widerScopes(Fixture f, Case<Fixture> c) {
        return c.inScope().apply(f) == f.resident ? List.of() : List.of(f.d.streetAdmin, f.d.districtAdmin);
    }

    /** Community B's person as the district reads them, and whether community A can reach B's grid. */
    @Override
    protected String snapshot(Fixture f) {
        return Gateway.get(f.d.districtAdmin, "/directory/people/" + f.personB).body()
                + Gateway.get(f.d.adminA, "/directory/nodes/" + f.d.gridB1).status();
    }

    @Override
    protected Stream<Case<Fixture>> cases() {
        Function<Fixture, Map<String, String>> adminA = f -> f.d.adminA;
        Function<Fixture, Map<String, String>> adminB = f -> f.d.adminB;
        Function<Fixture, Map<String, String>> workerA1 = f -> f.d.workerA1;
        Function<Fixture, Map<String, String>> leaderB1 = f -> f.d.leaderB1;
        Function<Fixture, Map<String, String>> resident = f -> f.resident;
        return Stream.of(
                new Case<>("/directory/nodes", "POST", f -> "/directory/nodes",
                        f -> Map.of("code", f.d.prefix + "N" + (++f.fresh), "name", "新网格", "level", "GRID", "parentCode", f.d.communityA),
                        adminA, adminB, 201),
                new Case<>("/directory/nodes/{code}", "GET", f -> "/directory/nodes/" + f.d.communityA, null, adminA, adminB, 200),
                new Case<>("/directory/nodes/{code}", "PATCH", f -> "/directory/nodes/" + f.d.gridA2, f -> Map.of("name", "幸福二网格（改）"),
                        adminA, adminB, 200),
                new Case<>("/directory/nodes/{code}", "DELETE", f -> "/directory/nodes/" + f.freshGrid(), null, adminA, adminB, 204),
                new Case<>("/directory/nodes/{code}/move", "POST", f -> "/directory/nodes/" + f.freshBuilding() + "/move",
                        f -> Map.of("parentCode", f.d.gridA2), adminA, adminB, 200),
                new Case<>("/directory/nodes/{code}/retire", "POST", f -> "/directory/nodes/" + f.freshGrid() + "/retire", null,
                        adminA, adminB, 200),
                new Case<>("/directory/nodes/{code}/children", "GET", f -> "/directory/nodes/" + f.d.communityA + "/children", null,
                        adminA, adminB, 200),
                new Case<>("/directory/nodes/{code}/subtree", "GET", f -> "/directory/nodes/" + f.d.communityA + "/subtree", null,
                        adminA, adminB, 200),
                new Case<>("/directory/nodes/{code}/path", "GET", f -> "/directory/nodes/" + f.d.gridA1 + "/path", null,
                        workerA1, leaderB1, 200),
                new Case<>("/directory/nodes/{code}/activity", "GET", f -> "/directory/nodes/" + f.d.gridA1 + "/activity", null,
                        workerA1, leaderB1, 200),
                new Case<>("/directory/locate", "GET", f -> "/directory/locate?lon=116.4&lat=39.9", null, workerA1, resident, 200),
                new Case<>("/directory/scope", "GET", f -> "/directory/scope", null, workerA1, resident, 200),
                // Every signed-in caller may ask what they may do: nobody is out of its scope.
                new Case<>("/directory/access", "GET", f -> "/directory/access", null, resident, null, 200),
                new Case<>("/directory/people", "POST", f -> "/directory/people",
                        f -> Map.of("name", "王五", "phone", "13600001111", "homeNodeCode", f.d.gridA1), workerA1, leaderB1, 201),
                new Case<>("/directory/people", "GET", f -> "/directory/people?under=" + f.d.communityA, null, adminA, adminB, 200),
                new Case<>("/directory/people/{id}", "GET", f -> "/directory/people/" + f.person, null, workerA1, leaderB1, 200),
                new Case<>("/directory/people/{id}", "PATCH", f -> "/directory/people/" + f.person, f -> Map.of("employer", "区财政局"),
                        workerA1, leaderB1, 200),
                new Case<>("/directory/people/{id}/positions/{nodeCode}/{position}", "PUT",
                        f -> "/directory/people/" + f.person + "/positions/" + f.d.gridA1 + "/VOLUNTEER", null, workerA1, leaderB1, 200),
                new Case<>("/directory/people/{id}/positions/{nodeCode}/{position}", "DELETE", f -> {
                    Gateway.call(f.d.districtAdmin, "PUT", "/directory/people/" + f.person + "/positions/" + f.d.buildingA11 + "/BUILDING_LEADER", null);
                    return "/directory/people/" + f.person + "/positions/" + f.d.buildingA11 + "/BUILDING_LEADER";
                }, null, workerA1, leaderB1, 200),
                new Case<>("/directory/people/{id}/audit", "GET", f -> "/directory/people/" + f.person + "/audit", null, adminA, adminB, 200),
                new Case<>("/directory/me", "GET", f -> "/directory/me", null, resident, adminA, 200),
                new Case<>("/directory/households", "POST", f -> "/directory/households",
                        f -> Map.of("nodeCode", f.d.gridA1, "address", "幸福小区2号楼202"), workerA1, leaderB1, 201),
                new Case<>("/directory/households", "GET", f -> "/directory/households?under=" + f.d.gridA1, null, workerA1, leaderB1, 200),
                new Case<>("/directory/households/{id}", "GET", f -> "/directory/households/" + f.household, null, workerA1, leaderB1, 200),
                new Case<>("/directory/units", "POST", f -> "/directory/units", f -> Map.of("name", "区教育局", "kind", "机关",
                        "nodeCode", f.d.communityA, "contacts", List.of(Map.of("name", "赵老师", "phone", "13500002222"))), adminA, adminB, 201),
                new Case<>("/directory/units", "GET", f -> "/directory/units?under=" + f.d.communityA, null, adminA, adminB, 200),
                new Case<>("/directory/units/{id}", "GET", f -> "/directory/units/" + f.unit, null, adminA, adminB, 200),
                new Case<>("/directory/units/{id}", "PATCH", f -> "/directory/units/" + f.unit, f -> Map.of("name", "区卫生健康委员会",
                        "kind", "机关", "nodeCode", f.d.communityA, "contacts", List.of(Map.of("name", "王主任", "phone", "13900001111"))),
                        adminA, adminB, 200));
    }

    @Override
    protected Stream<Cross<Fixture>> crossCases() {
        Function<Fixture, Map<String, String>> adminA = f -> f.d.adminA;
        Function<Fixture, Map<String, String>> workerA1 = f -> f.d.workerA1;
        return Stream.of(
                new Cross<>("/directory/nodes", "POST", f -> "/directory/nodes",
                        f -> Map.of("code", f.d.prefix + "X" + (++f.fresh), "name", "越界网格", "level", "GRID", "parentCode", f.d.communityB), adminA),
                new Cross<>("/directory/nodes/{code}", "PATCH", f -> "/directory/nodes/" + f.d.gridB1, f -> Map.of("name", "改名"), adminA),
                new Cross<>("/directory/nodes/{code}", "DELETE", f -> "/directory/nodes/" + f.d.gridB1, null, adminA),
                new Cross<>("/directory/nodes/{code}/move", "POST", f -> "/directory/nodes/" + f.d.gridB1 + "/move",
                        f -> Map.of("parentCode", f.d.communityA), adminA),
                new Cross<>("/directory/nodes/{code}/retire", "POST", f -> "/directory/nodes/" + f.d.gridB1 + "/retire", null, adminA),
                new Cross<>("/directory/people", "POST", f -> "/directory/people",
                        f -> Map.of("name", "越界", "phone", "13600002222", "householdId", f.householdB), workerA1),
                new Cross<>("/directory/people/{id}", "PATCH", f -> "/directory/people/" + f.personB, f -> Map.of("employer", "越界"), adminA),
                new Cross<>("/directory/people/{id}/positions/{nodeCode}/{position}", "PUT",
                        f -> "/directory/people/" + f.personB + "/positions/" + f.d.gridA1 + "/GRID_WORKER", null, adminA),
                new Cross<>("/directory/people/{id}/positions/{nodeCode}/{position}", "DELETE",
                        f -> "/directory/people/" + f.personB + "/positions/" + f.d.gridA1 + "/VOLUNTEER", null, adminA),
                new Cross<>("/directory/households", "POST", f -> "/directory/households",
                        f -> Map.of("nodeCode", f.d.gridB1, "address", "越界地址"), workerA1),
                new Cross<>("/directory/units", "POST", f -> "/directory/units", f -> Map.of("name", "越界单位", "kind", "企业",
                        "nodeCode", f.d.communityB, "contacts", List.of(Map.of("name", "吴", "phone", "13500004444"))), adminA),
                new Cross<>("/directory/units/{id}", "PATCH", f -> "/directory/units/" + f.unitB, f -> Map.of("name", "区民政局",
                        "kind", "机关", "nodeCode", f.d.communityA, "contacts", List.of(Map.of("name", "王主任", "phone", "13900001111"))), adminA));
    }
}
