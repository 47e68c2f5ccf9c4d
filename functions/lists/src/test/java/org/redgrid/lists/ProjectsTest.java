package org.redgrid.lists;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.redgrid.infra.dynamodb.DynamoEngineResource;
import org.redgrid.testkit.Gateway;
import org.redgrid.testkit.StreamPump;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Projects from plan to evaluation; completion writes exactly one lists.ProjectCompleted, read back from the
 * table's stream in the shape the points domain and the wiring consume.
 */
@QuarkusTest
@QuarkusTestResource(DynamoEngineResource.class)
class ProjectsTest {

    @Inject
    DynamoDbClient db;

    @Test
    void aProjectIsPickedRunCompletedWithOneEventAndEvaluated() throws Exception {
        ListsWorld w = new ListsWorld();
        String demand = w.demandA1("HEALTH");
        String unitResource = w.resourceA(w.unitA, "UNIT", 2, "HEALTH");
        Map<String, Object> body = ListsWorld.project(w.d.communityA, true);
        body.put("demandIds", List.of(demand));
        Gateway.Reply created = Gateway.post(w.d.adminA, "/lists/projects", body);
        assertEquals(201, created.status(), created::toString);
        String id = created.json().getString("id");
        assertEquals("PLANNED", created.json().getString("status"));
        assertEquals(List.of(id), Gateway.get(w.unitA, "/lists/projects?under=" + w.d.communityA).json().getList("items.id"));

        Gateway.Reply picked = Gateway.post(w.unitA, "/lists/projects/" + id + "/pick", Map.of("resourceId", unitResource));
        assertEquals(List.of(unitResource), picked.json().getList("resourceIds"), picked::toString);
        assertEquals(List.of(unitResource), Gateway.post(w.unitA, "/lists/projects/" + id + "/pick",
                Map.of("resourceId", unitResource)).json().getList("resourceIds"), "picking twice adds nothing");

        Gateway.Reply early = Gateway.post(w.d.adminA, "/lists/projects/" + id + "/complete", ListsWorld.completion("m1"));
        assertEquals(409, early.status(), early::toString);
        assertEquals("PROJECT_STATE", early.json().getString("code"));
        assertEquals("IN_PROGRESS", Gateway.post(w.d.adminA, "/lists/projects/" + id + "/start", null).json().getString("status"));
        Gateway.Reply late = Gateway.post(w.unitA, "/lists/projects/" + id + "/pick", Map.of("resourceId", unitResource));
        assertEquals("PROJECT_NOT_OPEN", late.json().getString("code"), late::toString);
        Gateway.Reply quarter = Gateway.post(w.d.adminA, "/lists/projects/" + id + "/complete",
                Map.of("participants", List.of(Map.of("login", "m1", "hours", 0.3))));
        assertEquals(400, quarter.status(), quarter::toString);
        assertEquals("participants[0].hours", quarter.json().getString("errors[0].field"));
        String second = w.d.household(w.d.gridA2, "幸福里2号楼301室");
        List<String> households = new ArrayList<>(List.of(second, w.householdA1));
        Map<String, Object> report = new HashMap<>(Map.of("participants", List.of(Map.of("login", "m1", "hours", 2.5),
                Map.of("login", "u2", "hours", 1), Map.of("login", "m1", "hours", 0.5)),
                "beneficiaryHouseholdIds", List.of(second, "HH-NOBODY", w.d.household(w.d.gridB1, "和平里1号")), "summary", "测血压"));
        Gateway.Reply strangers = Gateway.post(w.d.adminA, "/lists/projects/" + id + "/complete", report);
        assertEquals(List.of("beneficiaryHouseholdIds[1]", "beneficiaryHouseholdIds[2]"), strangers.json().getList("errors.field"),
                strangers::toString);
        assertEquals("HOUSEHOLD_UNKNOWN", strangers.json().getString("errors[0].code"));
        report.put("beneficiaryHouseholdIds", households);
        Gateway.Reply done = Gateway.post(w.d.adminA, "/lists/projects/" + id + "/complete", report);
        assertEquals(200, done.status(), done::toString);
        assertEquals("DONE", done.json().getString("status"));
        assertEquals(List.of("m1", "u2"), done.json().getList("participants.login"));
        assertEquals(3.0f, done.json().getFloat("participants[0].hours"), "one login's hours are added up");
        Gateway.Reply twice = Gateway.post(w.d.adminA, "/lists/projects/" + id + "/complete", report);
        assertEquals(409, twice.status(), twice::toString);

        List<JsonNode> events = new ArrayList<>();
        StreamPump.eventsOf(db, "ListsTable").path("Records").forEach(r -> {
            JsonNode image = r.path("dynamodb").path("NewImage");
            if ("lists.ProjectCompleted".equals(image.path("eventType").path("S").asText())
                    && id.equals(image.path("data").path("M").path("projectId").path("S").asText())) {
                events.add(image);
            }
        });
        assertEquals(1, events.size(), "one event per completion, none for the refused second one");
        JsonNode event = events.get(0);
        JsonNode data = event.path("data").path("M");
        assertEquals(w.d.communityA, event.path("subjectNode").path("S").asText());
        assertEquals(w.d.communityA, data.path("node").path("S").asText());
        assertEquals("HEALTH", data.path("category").path("S").asText());
        assertEquals(String.join(",", households.stream().sorted().toList()), data.path("householdIds").path("S").asText());
        assertEquals(done.json().getString("completedAt"), data.path("completedAt").path("S").asText());
        JsonNode participants = new ObjectMapper().readTree(data.path("participants").path("S").asText());
        assertEquals("[{\"login\":\"m1\",\"hours\":\"3\"},{\"login\":\"u2\",\"hours\":\"1\"}]", participants.toString());

        Gateway.Reply evaluated = Gateway.post(w.d.adminA, "/lists/projects/" + id + "/evaluate", Map.of("rating", 5, "comment", "群众满意"));
        assertEquals("EVALUATED", evaluated.json().getString("status"), evaluated::toString);
        assertEquals(5, evaluated.json().getInt("evaluation.rating"));
        assertEquals(List.of(id), Gateway.get(w.d.adminA, "/lists/projects?under=" + w.d.communityA + "&status=EVALUATED")
                .json().getList("items.id"));
    }

    @Test
    void badProjectsAreRefused() {
        ListsWorld w = new ListsWorld();
        Map<String, Object> body = ListsWorld.project(w.d.gridA1, true);
        body.put("endDate", "2026-11-01");
        body.put("demandIds", List.of("NOPE"));
        body.put("category", "lost");
        Gateway.Reply r = Gateway.post(w.d.adminA, "/lists/projects", body);
        assertEquals(400, r.status(), r::toString);
        assertEquals(List.of("category", "endDate", "communityCode", "demandIds[0]"), r.json().getList("errors.field"));
        String unpublished = w.projectA(false);
        String resource = w.resourceA(w.unitA, "UNIT", 1, "HEALTH");
        Gateway.Reply pick = Gateway.post(w.unitA, "/lists/projects/" + unpublished + "/pick", Map.of("resourceId", resource));
        assertEquals("PROJECT_NOT_OPEN", pick.json().getString("code"), pick::toString);
        Gateway.Reply memberPick = Gateway.post(w.memberA, "/lists/projects/" + unpublished + "/pick", Map.of("resourceId", resource));
        assertEquals(403, memberPick.status(), "members do not pick projects");
        assertEquals(200, Gateway.post(w.unitA, "/lists/resources/" + resource + "/withdraw", null).status());
        Gateway.Reply withdrawn = Gateway.post(w.unitA, "/lists/projects/" + w.projectA(true) + "/pick", Map.of("resourceId", resource));
        assertEquals("RESOURCE_NOT_ACTIVE", withdrawn.json().getString("code"), withdrawn::toString);
    }

    @Test
    void aPlannedProjectIsEditedAsReadAndItsListsFollow() {
        ListsWorld w = new ListsWorld();
        String id = w.projectA(false);
        String open = "/lists/projects?published=true&under=" + w.d.communityA;
        assertEquals(List.of(), Gateway.get(w.unitA, open).json().getList("items.id"), "not published: not open for picking");
        String demand = w.demandA1("HEALTH");
        String unitResource = w.resourceA(w.unitA, "UNIT", 2, "HEALTH");

        Map<String, Object> changes = new HashMap<>(Map.of("title", "健康进社区·冬季", "startDate", "2026-12-05",
                "budget", 800000, "demandIds", List.of(demand), "published", true, "theme", "", "version", 1));
        Gateway.Reply edited = patch(w.d.adminA, id, changes);
        assertEquals(200, edited.status(), edited::toString);
        assertEquals("健康进社区·冬季", edited.json().getString("title"));
        assertEquals("2026-12-05", edited.json().getString("startDate"));
        assertEquals(List.of(demand), edited.json().getList("demandIds"));
        assertEquals(null, edited.json().getString("theme"), "an empty theme clears it");
        assertEquals("区卫健委", edited.json().getString("ownerUnit"), "absent fields stay");
        assertEquals(2, edited.json().getInt("version"));
        assertEquals(List.of(id), Gateway.get(w.unitA, open).json().getList("items.id"));
        assertEquals(List.of(id), Gateway.get(w.d.streetAdmin, "/lists/projects?published=true&under=" + w.d.street)
                .json().getList("items.id"), "the street reads the open list of its communities");

        Gateway.Reply stale = patch(w.d.adminA, id, Map.of("title", "旧版本的修改", "version", 1));
        assertEquals(409, stale.status(), stale::toString);
        assertEquals("PROJECT_CHANGED", stale.json().getString("code"));

        assertEquals(200, Gateway.post(w.unitA, "/lists/projects/" + id + "/pick", Map.of("resourceId", unitResource)).status());
        Gateway.Reply mine = Gateway.get(w.unitA, "/lists/projects/mine");
        assertEquals(List.of(id), mine.json().getList("items.id"), mine::toString);
        assertEquals(List.of("unit-a-" + w.d.prefix), mine.json().getList("items[0].picks.login"));
        Gateway.Reply afterPick = patch(w.d.adminA, id, Map.of("budget", 1, "version", 2));
        assertEquals("PROJECT_CHANGED", afterPick.json().getString("code"), "a pick changes the version the admin read");

        String demandB = w.demandAt(w.d.leaderB1, w.d.gridB1, "ELDERLY");
        String resourceB = Gateway.post(w.memberB, "/lists/resources", ListsWorld.resource("MEMBER", w.d.communityB,
                List.of(w.d.communityB), List.of("ELDERLY"), List.of(), 3)).json().getString("id");
        Gateway.Reply foreign = patch(w.d.adminA, id, Map.of("demandIds", List.of(demand, demandB),
                "resourceIds", List.of(resourceB), "endDate", "2026-12-01", "version", 3));
        assertEquals(400, foreign.status(), foreign::toString);
        assertEquals(List.of("endDate", "demandIds[1]", "resourceIds[0]"), foreign.json().getList("errors.field"));
        assertEquals(List.of("DATE_ORDER", "OTHER_COMMUNITY", "NOT_COVERING"), foreign.json().getList("errors.code"));

        Gateway.Reply dropped = patch(w.d.adminA, id, Map.of("resourceIds", List.of(), "version", 3));
        assertEquals(200, dropped.status(), dropped::toString);
        assertEquals(List.of(), dropped.json().getList("picks"), "taking the resource off drops its pick");
        assertEquals(List.of(), Gateway.get(w.unitA, "/lists/projects/mine").json().getList("items"));

        w.advanced(id, "start", null);
        assertEquals(List.of(), Gateway.get(w.unitA, open).json().getList("items.id"), "started: no longer open for picking");
        String before = Gateway.get(w.d.adminA, "/lists/projects/" + id).body();
        Gateway.Reply late = patch(w.d.adminA, id, Map.of("title", "开始后修改", "version", 5));
        assertEquals(409, late.status(), late::toString);
        assertEquals("PROJECT_STATE", late.json().getString("code"));
        assertEquals(before, Gateway.get(w.d.adminA, "/lists/projects/" + id).body(), "nothing changed");
        assertEquals("PROJECT_STATE", Gateway.post(w.d.adminA, "/lists/projects/" + id + "/cancel", Map.of("reason", "改期"))
                .json().getString("code"), "a started project is not cancelled");

        String other = w.projectA(true);
        Gateway.Reply cancelled = Gateway.post(w.d.adminA, "/lists/projects/" + other + "/cancel", Map.of("reason", "场地不可用"));
        assertEquals("CANCELLED", cancelled.json().getString("status"), cancelled::toString);
        assertEquals("场地不可用", cancelled.json().getString("cancellation.reason"));
        assertEquals(List.of(), Gateway.get(w.unitA, open).json().getList("items.id"), "cancelled: no longer open for picking");
        assertEquals(List.of(other), Gateway.get(w.d.adminA, "/lists/projects?status=CANCELLED&under=" + w.d.communityA)
                .json().getList("items.id"));
        Gateway.Reply wrongFilter = Gateway.get(w.unitA, open + "&status=DONE");
        assertEquals(400, wrongFilter.status(), wrongFilter::toString);
        assertEquals("PUBLISHED_PLANNED_ONLY", wrongFilter.json().getString("errors[0].code"));
    }

    private static Gateway.Reply patch(Map<String, String> who, String id, Object changes) {
        return Gateway.call(who, "PATCH", "/lists/projects/" + id, changes);
    }
}
