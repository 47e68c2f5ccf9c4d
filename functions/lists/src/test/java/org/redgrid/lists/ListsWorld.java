package org.redgrid.lists;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.redgrid.testkit.DemoDistrict;
import org.redgrid.testkit.Gateway;
import org.redgrid.testkit.Tokens;

/**
 * A demo district with the three lists' people: a resident, party members and a partner unit of community A, a
 * member of community B; demands and resources made through the API as they would make them.
 */
final class ListsWorld {

    final DemoDistrict d = DemoDistrict.create();
    /** The resident's household, in building A1-1 of grid A1: the directory's, as demands name households. */
    final String householdA1 = d.household(d.buildingA11, "幸福里1号楼101室");
    /** A resident of {@link #householdA1}, their login linked to the directory's person (居民身份). */
    final Map<String, String> resident = residentOf(householdA1, "resident-" + d.prefix);
    final Map<String, String> otherResident = Tokens.idToken("resident2-" + d.prefix, "resident");
    final Map<String, String> memberA = Tokens.idToken("member-a-" + d.prefix, "party-member@" + d.communityA);
    final Map<String, String> memberB = Tokens.idToken("member-b-" + d.prefix, "party-member@" + d.communityB);
    final Map<String, String> unitA = Tokens.idToken("unit-a-" + d.prefix, "partner-unit@" + d.communityA);
    final Map<String, String> leaderA1 = Tokens.idToken("leader-a1-" + d.prefix, "grid-leader@" + d.gridA1);
    private int fresh;

    /** A person of the household whose login is {@code login}; the login's token. */
    Map<String, String> residentOf(String household, String login) {
        Gateway.Reply r = Gateway.post(d.districtAdmin, "/directory/people", Map.of("name", "居民", "phone", "13800007301",
                "idNumber", DemoDistrict.idNumber(), "householdId", household, "account", login));
        assertEquals(201, r.status(), r::toString);
        return Tokens.idToken(login, "resident");
    }

    /** A party member of community A with no demands or resources yet. */
    Map<String, String> freshMemberA() {
        return Tokens.idToken("member" + (++fresh) + "-" + d.prefix, "party-member@" + d.communityA);
    }

    static Map<String, Object> demand(String grid, String category, String... skills) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "帮独居老人修理水管");
        body.put("description", "厨房水管漏水，老人行动不便");
        body.put("category", category);
        body.put("gridCode", grid);
        body.put("skills", List.of(skills));
        body.put("urgency", 4);
        return body;
    }

    /** A demand submitted by the grid worker of A1 (or the caller given); returns its id. */
    String demandAt(Map<String, String> who, String grid, String category, String... skills) {
        Gateway.Reply r = Gateway.post(who, "/lists/demands", demand(grid, category, skills));
        assertEquals(201, r.status(), r::toString);
        return r.json().getString("id");
    }

    String demandA1(String category) {
        return demandAt(d.workerA1, d.gridA1, category);
    }

    static Map<String, Object> resource(String kind, String node, List<String> covers, List<String> categories,
            List<String> skills, int capacity) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", kind);
        body.put("name", "水电维修志愿服务");
        body.put("nodeCode", node);
        body.put("covers", covers);
        body.put("categories", categories);
        body.put("skills", skills);
        body.put("capacity", capacity);
        return body;
    }

    /** The caller offers themselves (or their unit) across community A; returns the resource id. */
    String resourceA(Map<String, String> owner, String kind, int capacity, String... categories) {
        Gateway.Reply r = Gateway.post(owner, "/lists/resources",
                resource(kind, d.communityA, List.of(d.communityA), List.of(categories), List.of("水电维修"), capacity));
        assertEquals(201, r.status(), r::toString);
        return r.json().getString("id");
    }

    Gateway.Reply claim(Map<String, String> who, String demand, String resource) {
        return Gateway.post(who, "/lists/demands/" + demand + "/claim", Map.of("resourceId", resource));
    }

    static Map<String, Object> project(String community, boolean published) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "健康进社区");
        body.put("category", "HEALTH");
        body.put("communityCode", community);
        body.put("ownerUnit", "区卫健委");
        body.put("theme", "十一月 健康月");
        body.put("startDate", "2026-12-01");
        body.put("endDate", "2026-12-31");
        body.put("budget", 500000);
        body.put("published", published);
        return body;
    }

    static Map<String, Object> completion(String... logins) {
        return Map.of("participants", java.util.Arrays.stream(logins).map(l -> Map.of("login", l, "hours", 2.5)).toList(),
                "summary", "为 40 位老人测量血压");
    }

    /** A project of community A planned by its admin; returns its id. */
    String projectA(boolean published) {
        Gateway.Reply r = Gateway.post(d.adminA, "/lists/projects", project(d.communityA, published));
        assertEquals(201, r.status(), r::toString);
        return r.json().getString("id");
    }

    /** Moves a project on with {@code action} (start, complete, evaluate) as community A's admin. */
    String advanced(String project, String action, Object body) {
        Gateway.Reply r = Gateway.post(d.adminA, "/lists/projects/" + project + "/" + action, body);
        assertEquals(200, r.status(), r::toString);
        return project;
    }
}
