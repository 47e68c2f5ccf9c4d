package org.redgrid.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.redgrid.infra.dynamodb.DynamoEngineResource;

import org.redgrid.testkit.DemoDistrict;
import org.redgrid.testkit.Gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The grid tree through the Lambda event path: structure, queries, moves, retirement, boundaries, refusals. */
@QuarkusTest
@QuarkusTestResource(DynamoEngineResource.class)
class GridTreeTest {

    static Map<String, Object> square(double lon, double lat, double size) {
        return Map.of("type", "Polygon", "coordinates", List.of(List.of(List.of(lon, lat), List.of(lon + size, lat),
                List.of(lon + size, lat + size), List.of(lon, lat + size), List.of(lon, lat))));
    }

    @Test
    void childrenSubtreeAndPathFollowTheTree() {
        DemoDistrict d = DemoDistrict.create();
        Gateway.Reply page1 = Gateway.get(d.adminA, "/directory/nodes/" + d.communityA + "/children?limit=1");
        assertEquals(200, page1.status(), page1::toString);
        assertEquals(List.of(d.gridA1), page1.json().getList("items.code"));
        String cursor = page1.json().getString("nextCursor");
        assertNotNull(cursor);
        Gateway.Reply page2 = Gateway.get(d.adminA, "/directory/nodes/" + d.communityA + "/children?limit=1&cursor=" + cursor);
        assertEquals(List.of(d.gridA2), page2.json().getList("items.code"));

        Gateway.Reply subtree = Gateway.get(d.streetAdmin, "/directory/nodes/" + d.street + "/subtree?level=GRID");
        assertEquals(List.of(d.gridA1, d.gridA2, d.gridB1).stream().sorted().toList(),
                subtree.json().getList("items.code", String.class).stream().sorted().toList());

        Gateway.Reply path = Gateway.get(d.workerA1, "/directory/nodes/" + d.buildingA11 + "/path");
        assertEquals(List.of(d.district, d.street, d.communityA, d.gridA1, d.buildingA11), path.json().getList("code"));
        assertEquals("楼栋/微网格", path.json().getString("[4].levelName"));
    }

    @Test
    void renameKeepsTheCodeAndStaleVersionsConflict() {
        DemoDistrict d = DemoDistrict.create();
        Gateway.Reply renamed = Gateway.call(d.adminA, "PATCH", "/directory/nodes/" + d.gridA1, Map.of("name", "幸福东网格", "version", 1));
        assertEquals(200, renamed.status(), renamed::toString);
        assertEquals(d.gridA1, renamed.json().getString("code"));
        assertEquals(2, renamed.json().getInt("version"));
        Gateway.Reply stale = Gateway.call(d.adminA, "PATCH", "/directory/nodes/" + d.gridA1, Map.of("name", "别的名字", "version", 1));
        assertEquals(409, stale.status());
        assertEquals("VERSION_CONFLICT", stale.json().getString("code"));
        assertEquals("幸福东网格", Gateway.get(d.adminA, "/directory/nodes/" + d.gridA1).json().getString("name"));
    }

    @Test
    void moveCarriesTheSubtreeAndWhatLivesInIt() {
        DemoDistrict d = DemoDistrict.create();
        String person = d.person("住在1号楼", "13811112222", d.buildingA11);
        Gateway.Reply moved = Gateway.post(d.adminA, "/directory/nodes/" + d.buildingA11 + "/move", Map.of("parentCode", d.gridA2));
        assertEquals(200, moved.status(), moved::toString);
        assertEquals(List.of(d.district, d.street, d.communityA, d.gridA2, d.buildingA11), moved.json().getList("path"));
        assertEquals(List.of(d.buildingA11), Gateway.get(d.adminA, "/directory/nodes/" + d.gridA2 + "/children").json().getList("items.code"));
        assertEquals(List.of(), Gateway.get(d.adminA, "/directory/nodes/" + d.gridA1 + "/children").json().getList("items.code"));
        assertEquals(List.of(person), Gateway.get(d.adminA, "/directory/people?under=" + d.gridA2).json().getList("items.id"));
        assertEquals(List.of(), Gateway.get(d.adminA, "/directory/people?under=" + d.gridA1).json().getList("items.id"));

        Gateway.Reply intoItself = Gateway.post(d.adminA, "/directory/nodes/" + d.gridA2 + "/move", Map.of("parentCode", d.communityB));
        assertEquals(403, intoItself.status(), "community A's admin may not move into community B");
        Gateway.Reply cycle = Gateway.post(d.districtAdmin, "/directory/nodes/" + d.communityA + "/move", Map.of("parentCode", d.communityA));
        assertEquals(400, cycle.status(), cycle::toString);
    }

    @Test
    void totalsRollUpTheSubtreeAndFollowEveryWriteAndMove() {
        DemoDistrict d = DemoDistrict.create();
        d.household(d.buildingA11, "幸福小区1号楼101");
        d.household(d.gridA2, "幸福小区2号楼201");
        String member = d.person("党员甲", "13800000001", d.buildingA11);
        assertEquals(200, Gateway.call(d.adminA, "PATCH", "/directory/people/" + member, Map.of("partyStatus", "RETIRED")).status());
        d.person("居民乙", "13800000002", d.gridA1);
        d.unit(d.communityA, "区卫健委");

        assertTotals(d, d.buildingA11, 1, 1, 1, 0);
        assertTotals(d, d.gridA1, 2, 1, 1, 0);
        assertTotals(d, d.communityA, 2, 1, 2, 1);
        assertTotals(d, d.district, 2, 1, 2, 1);
        assertEquals(0, Gateway.get(d.adminA, "/directory/nodes/" + d.communityA).json().getInt("householdCount"),
                "householdCount stays the node's own");

        Gateway.Reply moved = Gateway.post(d.districtAdmin, "/directory/nodes/" + d.buildingA11 + "/move", Map.of("parentCode", d.gridB1));
        assertEquals(200, moved.status(), moved::toString);
        assertTotals(d, d.gridA1, 1, 0, 0, 0);
        assertTotals(d, d.communityA, 1, 0, 1, 1);
        assertTotals(d, d.gridB1, 1, 1, 1, 0);
        assertTotals(d, d.communityB, 1, 1, 1, 0);
        assertTotals(d, d.street, 2, 1, 2, 1);

        assertEquals(200, Gateway.call(d.districtAdmin, "PATCH", "/directory/people/" + member, Map.of("homeNodeCode", d.gridA2)).status());
        assertTotals(d, d.communityB, 0, 0, 1, 0);
        assertTotals(d, d.gridA2, 1, 1, 1, 0);
        assertTotals(d, d.street, 2, 1, 2, 1);
    }

    private static void assertTotals(DemoDistrict d, String code, int people, int partyMembers, int households, int units) {
        Gateway.Reply node = Gateway.get(d.districtAdmin, "/directory/nodes/" + code);
        assertEquals(Map.of("people", people, "partyMembers", partyMembers, "households", households, "units", units),
                node.json().getMap("totals"), () -> code + ": " + node);
    }

    @Test
    void referencedNodesRetireInsteadOfBeingDeleted() {
        DemoDistrict d = DemoDistrict.create();
        Gateway.Reply referenced = Gateway.call(d.adminA, "DELETE", "/directory/nodes/" + d.gridA1, null);
        assertEquals(409, referenced.status());
        assertEquals("NODE_REFERENCED", referenced.json().getString("code"));

        Gateway.Reply parentFirst = Gateway.post(d.adminA, "/directory/nodes/" + d.gridA1 + "/retire", null);
        assertEquals(409, parentFirst.status());
        assertEquals("NODE_HAS_ACTIVE_CHILDREN", parentFirst.json().getString("code"));

        assertEquals(200, Gateway.post(d.adminA, "/directory/nodes/" + d.buildingA11 + "/retire", null).status());
        Gateway.Reply retired = Gateway.post(d.adminA, "/directory/nodes/" + d.gridA1 + "/retire", null);
        assertEquals(200, retired.status(), retired::toString);
        assertEquals("RETIRED", retired.json().getString("status"));

        Gateway.Reply attach = Gateway.post(d.districtAdmin, "/directory/people",
                Map.of("name", "新住户", "phone", "13800000000", "homeNodeCode", d.gridA1));
        assertEquals(409, attach.status(), attach::toString);
        assertEquals("NODE_NOT_ACTIVE", attach.json().getString("code"));

        assertEquals(204, Gateway.call(d.adminA, "DELETE", "/directory/nodes/" + d.buildingA11, null).status());
        assertEquals(404, Gateway.get(d.adminA, "/directory/nodes/" + d.buildingA11).status());
        assertEquals(204, Gateway.call(d.adminA, "DELETE", "/directory/nodes/" + d.gridA1, null).status(),
                "with its building gone nothing refers to the grid any more");
    }

    @Test
    void locateFindsTheDeepestCoveringNodeInScope() {
        DemoDistrict d = DemoDistrict.create();
        double lon = 100 + Math.random() * 20;
        double lat = 20 + Math.random() * 20;
        Map<String, Object> grid = new HashMap<>(Map.of("code", d.prefix + "GEO", "name", "带边界网格", "level", "GRID",
                "parentCode", d.communityA, "boundary", square(lon, lat, 0.01)));
        assertEquals(201, Gateway.post(d.adminA, "/directory/nodes", grid).status());
        Map<String, Object> building = new HashMap<>(Map.of("code", d.prefix + "GEOB", "name", "带边界楼栋", "level", "BUILDING",
                "parentCode", d.prefix + "GEO", "boundary", square(lon + 0.002, lat + 0.002, 0.001)));
        assertEquals(201, Gateway.post(d.adminA, "/directory/nodes", building).status());

        Gateway.Reply inBuilding = Gateway.get(d.adminA, "/directory/locate?lon=" + (lon + 0.0025) + "&lat=" + (lat + 0.0025));
        assertEquals(List.of(d.prefix + "GEOB", d.prefix + "GEO"), inBuilding.json().getList("code"));
        Gateway.Reply inGrid = Gateway.get(d.adminA, "/directory/locate?lon=" + (lon + 0.008) + "&lat=" + (lat + 0.008));
        assertEquals(List.of(d.prefix + "GEO"), inGrid.json().getList("code"));
        assertEquals(List.of(), Gateway.get(d.adminA, "/directory/locate?lon=" + (lon + 0.02) + "&lat=" + lat).json().getList("code"));
        assertEquals(List.of(), Gateway.get(d.adminB, "/directory/locate?lon=" + (lon + 0.008) + "&lat=" + (lat + 0.008))
                .json().getList("code"), "another community's admin does not see community A's grid");

        Gateway.Reply redrawn = Gateway.call(d.adminA, "PATCH", "/directory/nodes/" + d.prefix + "GEO",
                Map.of("boundary", square(lon + 1, lat + 1, 0.01)));
        assertEquals(200, redrawn.status(), redrawn::toString);
        assertEquals(List.of(), Gateway.get(d.adminA, "/directory/locate?lon=" + (lon + 0.008) + "&lat=" + (lat + 0.008))
                .json().getList("code"), "the old cells are gone with the old boundary");
        assertEquals(List.of(d.prefix + "GEO"), Gateway.get(d.adminA, "/directory/locate?lon=" + (lon + 1.005) + "&lat=" + (lat + 1.005))
                .json().getList("code"));
    }

    @Test
    void badInputIsAFieldLevelProblemNeverA500() {
        DemoDistrict d = DemoDistrict.create();
        Gateway.Reply badCode = Gateway.post(d.adminA, "/directory/nodes", Map.of("code", "bad code", "name", "", "level", "GRID",
                "parentCode", d.communityA));
        assertEquals(400, badCode.status(), badCode::toString);
        assertEquals("application/problem+json", badCode.header("Content-Type"));
        assertEquals("VALIDATION_FAILED", badCode.json().getString("code"));
        assertEquals(List.of("code", "name"), badCode.json().getList("errors.field"));
        assertTrue(badCode.json().getString("errors[0].message").contains("编码"));

        Gateway.Reply level = Gateway.post(d.adminA, "/directory/nodes", Map.of("code", d.prefix + "X1", "name", "楼", "level", "BUILDING",
                "parentCode", d.communityA));
        assertEquals(400, level.status());
        assertEquals("level", level.json().getString("errors[0].field"));
        assertEquals("LEVEL_MISMATCH", level.json().getString("errors[0].code"));

        Gateway.Reply employerShape = Gateway.post(d.adminA, "/directory/nodes", Map.of("code", "E0" + (System.nanoTime() % 1000000),
                "name", "像单位", "level", "GRID", "parentCode", d.communityA));
        assertEquals(400, employerShape.status(), employerShape::toString);
        assertEquals("EMPLOYER_CODE_SHAPE", employerShape.json().getString("errors[0].code"));

        Gateway.Reply taken = Gateway.post(d.adminA, "/directory/nodes", Map.of("code", d.gridA1, "name", "重复", "level", "GRID",
                "parentCode", d.communityA));
        assertEquals(409, taken.status());
        assertEquals("NODE_CODE_TAKEN", taken.json().getString("code"));

        Gateway.Reply unknownLevel = Gateway.post(d.adminA, "/directory/nodes", Map.of("code", d.prefix + "X2", "name", "x",
                "level", "PROVINCE", "parentCode", d.communityA));
        assertEquals(400, unknownLevel.status(), unknownLevel::toString);
        assertEquals("level", unknownLevel.json().getString("errors[0].field"));

        Gateway.Reply malformed = Gateway.post(d.adminA, "/directory/nodes", "{\"code\": ");
        assertEquals(400, malformed.status(), malformed::toString);
        assertEquals("MALFORMED_JSON", malformed.json().getString("code"));

        Gateway.Reply bowtie = Gateway.post(d.adminA, "/directory/nodes", Map.of("code", d.prefix + "X3", "name", "x", "level", "GRID",
                "parentCode", d.communityA, "boundary", Map.of("type", "Polygon", "coordinates",
                        List.of(List.of(List.of(0, 0), List.of(1, 1), List.of(1, 0), List.of(0, 1), List.of(0, 0))))));
        assertEquals(400, bowtie.status());
        assertEquals("BOUNDARY_INVALID", bowtie.json().getString("errors[0].code"));

        Gateway.Reply cursor = Gateway.get(d.adminA, "/directory/nodes/" + d.communityA + "/children?cursor=not-a-cursor");
        assertEquals(400, cursor.status());
        assertEquals("BAD_CURSOR", cursor.json().getString("errors[0].code"));
        Gateway.Reply limit = Gateway.get(d.adminA, "/directory/nodes/" + d.communityA + "/children?limit=1000");
        assertEquals(400, limit.status());
        assertEquals("limit", limit.json().getString("errors[0].field"));

        Gateway.Reply missing = Gateway.get(d.adminA, "/directory/nodes/NOPE" + d.prefix);
        assertEquals(404, missing.status());
        assertEquals("NODE_NOT_FOUND", missing.json().getString("code"));
        Gateway.Reply noRoute = Gateway.get(d.adminA, "/directory/nowhere");
        assertEquals(404, noRoute.status());
        assertEquals("application/problem+json", noRoute.header("Content-Type"));
        assertNull(Gateway.get(d.adminA, "/directory/nodes/" + d.gridA1).json().get("boundary"));
    }
}
