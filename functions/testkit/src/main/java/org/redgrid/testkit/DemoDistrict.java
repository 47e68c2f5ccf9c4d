package org.redgrid.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A district of its own for one test class (codes carry a random prefix, so classes sharing the store never
 * collide): 区 D → 街道 S → 社区 CA, CB → 网格 GA1, GA2 (in CA), GB1 (in CB) → 楼栋 BA11 (in GA1).
 */
public final class DemoDistrict {

    public final String prefix = "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase();
    public final String district = prefix + "D";
    public final String street = prefix + "S";
    public final String communityA = prefix + "CA";
    public final String communityB = prefix + "CB";
    public final String gridA1 = prefix + "GA1";
    public final String gridA2 = prefix + "GA2";
    public final String gridB1 = prefix + "GB1";
    public final String buildingA11 = prefix + "BA11";

    public final Map<String, String> districtAdmin = Tokens.idToken("district-" + prefix, "district-admin@" + district);
    public final Map<String, String> streetAdmin = Tokens.idToken("street-" + prefix, "street-admin@" + street);
    public final Map<String, String> adminA = Tokens.idToken("admin-a-" + prefix, "community-admin@" + communityA);
    public final Map<String, String> adminB = Tokens.idToken("admin-b-" + prefix, "community-admin@" + communityB);
    public final Map<String, String> workerA1 = Tokens.accessToken("worker-a1-" + prefix, "grid-worker@" + gridA1);
    public final Map<String, String> leaderB1 = Tokens.idToken("leader-b1-" + prefix, "grid-leader@" + gridB1);
    public final Map<String, String> partyMemberA = Tokens.idToken("party-a-" + prefix, "party-member@" + communityA);

    private DemoDistrict() {
    }

    public static DemoDistrict create() {
        DemoDistrict d = new DemoDistrict();
        d.node(d.district, "测试区", "DISTRICT", null);
        d.node(d.street, "红星街道", "STREET", d.district);
        d.node(d.communityA, "幸福社区", "COMMUNITY", d.street);
        d.node(d.communityB, "和平社区", "COMMUNITY", d.street);
        d.node(d.gridA1, "幸福一网格", "GRID", d.communityA);
        d.node(d.gridA2, "幸福二网格", "GRID", d.communityA);
        d.node(d.gridB1, "和平一网格", "GRID", d.communityB);
        d.node(d.buildingA11, "1号楼", "BUILDING", d.gridA1);
        return d;
    }

    public Gateway.Reply node(String code, String name, String level, String parent) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("code", code, "name", name, "level", level));
        if (parent != null) {
            body.put("parentCode", parent);
        }
        Gateway.Reply reply = Gateway.post(districtAdmin, "/directory/nodes", body);
        assertEquals(201, reply.status(), reply::toString);
        return reply;
    }

    /** Registers a person living in {@code home}, with a fresh valid ID number; returns their id. */
    public String person(String name, String phone, String home) {
        Gateway.Reply reply = Gateway.post(districtAdmin, "/directory/people",
                Map.of("name", name, "phone", phone, "idNumber", idNumber(), "homeNodeCode", home));
        assertEquals(201, reply.status(), reply::toString);
        return reply.json().getString("id");
    }

    /** A valid 18-digit 身份证号 (GB 11643 check digit) that no other test uses: ID numbers are unique per deployment. */
    public static String idNumber() {
        String body = "110105" + String.format("%011d", ThreadLocalRandom.current().nextLong(100_000_000_000L));
        int[] weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    /** "11010519491231002X" → "110***********002X", as the API masks it. */
    public static String masked(String idNumber) {
        return idNumber.substring(0, 3) + "*".repeat(11) + idNumber.substring(14);
    }

    public String household(String node, String address) {
        Gateway.Reply reply = Gateway.post(districtAdmin, "/directory/households", Map.of("nodeCode", node, "address", address));
        assertEquals(201, reply.status(), reply::toString);
        return reply.json().getString("id");
    }

    public String unit(String node, String name) {
        Gateway.Reply reply = Gateway.post(districtAdmin, "/directory/units", Map.of("name", name, "kind", "机关",
                "nodeCode", node, "contacts", List.of(Map.of("name", "王主任", "title", "办公室主任", "phone", "13900001111"))));
        assertEquals(201, reply.status(), reply::toString);
        return reply.json().getString("id");
    }
}
