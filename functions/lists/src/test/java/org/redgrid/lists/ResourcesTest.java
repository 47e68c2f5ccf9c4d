package org.redgrid.lists;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.redgrid.infra.dynamodb.DynamoEngineResource;
import org.redgrid.testkit.Gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The resource list's edits and import through the Lambda event path: the offered capacity on the nodes of the base
 * follows an edit; stale versions, a capacity below this month's load and withdrawn resources are refused with
 * nothing changed; an import is checked whole and written once.
 */
@QuarkusTest
@QuarkusTestResource(DynamoEngineResource.class)
class ResourcesTest {

    @Test
    void anEditMovesTheOfferedCapacityAndIsRefusedWhenStaleBelowTheLoadOrWithdrawn() {
        ListsWorld w = new ListsWorld();
        String id = w.resourceA(w.memberA, "MEMBER", 3, "LABOUR");
        Map<String, Object> edit = ListsWorld.resource("MEMBER", w.d.communityA, List.of(w.d.gridA1), List.of("LABOUR", "CARE"),
                List.of("搬运"), 5);
        edit.put("hoursPerMonth", 12);
        edit.put("availableFrom", "2026-12-01T00:00:00Z");
        edit.put("availableTo", "2027-01-01T00:00:00Z");
        edit.put("version", 1);
        Gateway.Reply edited = Gateway.call(w.memberA, "PATCH", "/lists/resources/" + id, edit);
        assertEquals(200, edited.status(), edited::toString);
        assertEquals(List.of(w.d.gridA1), edited.json().getList("covers"));
        assertEquals(List.of("LABOUR", "CARE"), edited.json().getList("categories"));
        assertEquals(List.of(5, 12, 2), List.of(edited.json().getInt("capacity"), edited.json().getInt("hoursPerMonth"),
                edited.json().getInt("version")));
        for (String node : List.of(w.d.communityA, w.d.street, w.d.district)) {
            assertEquals(5, capacity(w, node), "offered capacity on " + node);
        }
        assertEquals(List.of(id), Gateway.get(w.memberA, "/lists/resources?under=" + w.d.communityA).json().getList("items.id"));

        Gateway.Reply stale = Gateway.call(w.memberA, "PATCH", "/lists/resources/" + id, edit);
        assertEquals(409, stale.status(), stale::toString);
        assertEquals("VERSION_CONFLICT", stale.json().getString("code"));
        edit.put("version", 2);
        edit.put("nodeCode", w.d.gridA1);
        assertEquals("BASE_FIXED", Gateway.call(w.memberA, "PATCH", "/lists/resources/" + id, edit).json().getString("errors[0].code"));
        edit.put("nodeCode", w.d.communityA);
        edit.put("covers", List.of(w.d.gridB1));
        assertEquals(403, Gateway.call(w.memberA, "PATCH", "/lists/resources/" + id, edit).status(), "covers outside the caller's scope");

        edit.put("covers", List.of(w.d.gridA1));
        assertEquals(201, w.claim(w.memberA, w.demandA1("LABOUR"), id).status());
        assertEquals(201, w.claim(w.memberA, w.demandA1("CARE"), id).status());
        edit.put("capacity", 1);
        Gateway.Reply below = Gateway.call(w.memberA, "PATCH", "/lists/resources/" + id, edit);
        assertEquals(409, below.status(), below::toString);
        assertEquals("CAPACITY_BELOW_TAKEN", below.json().getString("code"));
        Gateway.Reply unchanged = Gateway.get(w.memberA, "/lists/resources/" + id);
        assertEquals(List.of(5, 2, 2), List.of(unchanged.json().getInt("capacity"), unchanged.json().getInt("version"),
                unchanged.json().getInt("takenThisMonth")));
        assertEquals(5, capacity(w, w.d.communityA), "the counters did not move");
        assertEquals(List.of(2), Gateway.get(w.memberA, "/lists/resources?under=" + w.d.communityA).json().getList("items.takenThisMonth"),
                "the list shows this month's load");

        edit.put("capacity", 2);
        Gateway.Reply byStaff = Gateway.call(w.d.adminA, "PATCH", "/lists/resources/" + id, edit);
        assertEquals(200, byStaff.status(), byStaff::toString);
        assertEquals(2, capacity(w, w.d.street));
        assertEquals(200, Gateway.post(w.memberA, "/lists/resources/" + id + "/withdraw", null).status());
        edit.remove("version");
        Gateway.Reply withdrawn = Gateway.call(w.memberA, "PATCH", "/lists/resources/" + id, edit);
        assertEquals(409, withdrawn.status(), withdrawn::toString);
        assertEquals("RESOURCE_WITHDRAWN", withdrawn.json().getString("code"));
        assertEquals(0, capacity(w, w.d.communityA));
    }

    @Test
    void anImportIsCheckedWholeAndWrittenOnce() {
        ListsWorld w = new ListsWorld();
        Map<String, Object> good = ListsWorld.resource("TEAM", w.d.communityA, List.of(w.d.gridA1), List.of("LABOUR"), List.of(), 4);
        Map<String, Object> bad = ListsWorld.resource("TEAM", w.d.communityA, List.of("NOWHERE"), List.of("LOST"), List.of(), 2);
        Map<String, String> key = Map.of("Idempotency-Key", "resources-" + w.d.prefix);
        Gateway.Reply refused = Gateway.call(w.d.adminA, "POST", "/lists/resources/import", Map.of("rows", List.of(good, bad)), key);
        assertEquals(400, refused.status(), refused::toString);
        assertEquals(List.of("rows[1].categories[0]", "rows[1].covers[0]"), refused.json().getList("errors.field"));
        assertEquals(0, Gateway.get(w.d.adminA, "/lists/resources?under=" + w.d.communityA).json().getList("items").size(),
                "nothing written");

        bad.put("covers", List.of(w.d.gridA2));
        bad.put("categories", List.of("CARE"));
        Map<String, Object> body = Map.of("rows", List.of(good, bad));
        Gateway.Reply first = Gateway.call(w.d.adminA, "POST", "/lists/resources/import", body, key);
        assertEquals(200, first.status(), first::toString);
        assertEquals(List.of(2, 0), List.of(first.json().getInt("created"), first.json().getInt("existing")));
        Gateway.Reply again = Gateway.call(w.d.adminA, "POST", "/lists/resources/import", body, key);
        assertEquals(first.json().getList("ids"), again.json().getList("ids"));
        assertEquals(List.of(0, 2), List.of(again.json().getInt("created"), again.json().getInt("existing")));
        assertEquals(2, Gateway.get(w.d.adminA, "/lists/resources?under=" + w.d.communityA).json().getList("items").size());
        assertEquals(6, capacity(w, w.d.communityA));
        Gateway.Reply reused = Gateway.call(w.d.adminA, "POST", "/lists/resources/import", Map.of("rows", List.of(good)), key);
        assertEquals("IDEMPOTENCY_KEY_REUSED", reused.json().getString("code"), reused::toString);
    }

    private static int capacity(ListsWorld w, String node) {
        Gateway.Reply r = Gateway.get(w.d.districtAdmin, "/lists/nodes/" + node + "/indicators");
        assertEquals(200, r.status(), r::toString);
        return r.json().getInt("capacity");
    }
}
