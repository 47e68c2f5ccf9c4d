package org.redgrid.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.redgrid.infra.dynamodb.DynamoEngineResource;
import org.redgrid.testkit.DemoDistrict;
import org.redgrid.testkit.Gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Employer units (工作单位) and rosters (花名册) on the engine: the registry a street keeps, codes that never name a
 * grid node, a roster matched to registrations by phone with the counters kept through uploads, registrations and
 * decisions, row-level errors, and retried uploads.
 */
@QuarkusTest
@QuarkusTestResource(DynamoEngineResource.class)
class EmployerRosterTest {

    @Test
    void aStreetKeepsTheRegistryAndCodesNeverCollideWithGridNodes() {
        DemoDistrict d = DemoDistrict.create();
        String code = Units.freshCode();
        Gateway.Reply created = Gateway.post(d.streetAdmin, "/checkin/employers", Units.employer(code, d.street));
        assertEquals(201, created.status(), created::toString);
        assertEquals("139****0001", created.json().getString("contactPhone"), "the contact's phone leaves masked");
        assertEquals("红星街道", created.json().getString("nodeName"));

        Gateway.Reply twice = Gateway.post(d.streetAdmin, "/checkin/employers", Units.employer(code, d.street));
        assertEquals(409, twice.status(), twice::toString);
        assertEquals("EMPLOYER_EXISTS", twice.json().getString("code"));

        assertEquals(403, Gateway.post(d.adminA, "/checkin/employers", Units.employer(Units.freshCode(), d.street)).status(),
                "a community admin does not keep the street's registry");
        Gateway.Reply community = Gateway.post(d.districtAdmin, "/checkin/employers", Units.employer(Units.freshCode(), d.communityA));
        assertEquals(400, community.status(), community::toString);
        assertEquals("NOT_A_STREET_OR_DISTRICT", community.json().getString("errors[0].code"));

        Gateway.Reply nodeShaped = Gateway.post(d.streetAdmin, "/checkin/employers", Units.employer(d.communityA, d.street));
        assertEquals(400, nodeShaped.status(), nodeShaped::toString);
        assertEquals("code", nodeShaped.json().getString("errors[0].field"));
        assertTrue(nodeShaped.json().getString("errors[0].message").contains("E"), nodeShaped::toString);

        // The directory refuses grid nodes of the employer shape, so a unit's code never names a node.
        String taken = Units.freshCode();
        Gateway.Reply node = Gateway.post(d.districtAdmin, "/directory/nodes", Map.of("code", taken, "name", "编码冲突的网格",
                "level", "GRID", "parentCode", d.communityA));
        assertEquals(400, node.status(), node::toString);
        assertEquals("EMPLOYER_CODE_SHAPE", node.json().getString("errors[0].code"));

        for (Map<String, String> reader : List.of(d.streetAdmin, d.districtAdmin)) {
            assertEquals(List.of(code), Gateway.get(reader, "/checkin/employers?under=" + d.street).json().getList("items.code"));
        }
    }

    @Test
    void aRosterIsMatchedToRegistrationsByPhoneAndCounted() {
        DemoDistrict d = DemoDistrict.create();
        String code = Units.register(d, Units.freshCode());
        Map<String, String> unit = Members.employer(code);
        String p1 = Units.freshPhone(), p2 = Units.freshPhone(), p3 = Units.freshPhone();
        String x = Members.register(Members.member(d, "x", d.communityA), Units.registration(d.gridA1, code, p1));

        Gateway.Reply uploaded = Gateway.post(unit, "/checkin/employers/" + code + "/roster", Units.roster(List.of(
                Units.row("张一", p1, "科员"), Units.row("张二", p2, null), Units.row("张三", p3, "处长"))));
        assertEquals(200, uploaded.status(), uploaded::toString);
        assertEquals(List.of(3, 3, 0, 0), List.of(uploaded.json().getInt("rows"), uploaded.json().getInt("added"),
                uploaded.json().getInt("removed"), uploaded.json().getInt("changed")));
        assertRate(unit, code, 3, 1, 0);

        JsonPath roster = Gateway.get(unit, "/checkin/employers/" + code + "/roster").json();
        assertEquals(3, roster.getList("items").size());
        Map<String, Object> one = roster.getMap("items.find { it.name == '张一' }");
        assertEquals(true, one.get("registered"));
        assertEquals("PENDING", one.get("status"));
        assertEquals(x, one.get("memberId"));
        assertEquals(d.gridA1, one.get("gridCode"));
        assertEquals(d.communityA, one.get("communityCode"));
        assertEquals(p1.substring(0, 3) + "****" + p1.substring(7), one.get("phone"), "the roster shows phones masked");
        assertEquals(false, roster.getMap("items.find { it.name == '张二' }").get("registered"));
        assertFalse(roster.prettify().contains(p2), "no phone leaves in clear");

        assertEquals(200, Gateway.post(d.adminA, "/checkin/registrations/" + x + "/confirm", Map.of()).status());
        JsonPath rate = assertRate(unit, code, 3, 1, 1);
        assertEquals(0.3333, rate.getDouble("registrationRate"), 1e-9);
        assertEquals(List.of(Map.of("communityCode", d.communityA, "registered", 1, "confirmed", 1)), rate.getList("communities"));

        Members.register(Members.member(d, "y", d.communityB), Units.registration(d.gridB1, code, p2));
        rate = assertRate(unit, code, 3, 2, 1);
        assertEquals(Map.of("communityCode", d.communityB, "registered", 1, "confirmed", 0),
                rate.getMap("communities.find { it.communityCode == '" + d.communityB + "' }"));

        Gateway.Reply again = Gateway.post(unit, "/checkin/employers/" + code + "/roster", Units.roster(List.of(
                Units.row("张一", p1, "科员"), Units.row("张二", p2, null), Units.row("张三", p3, "处长"))));
        assertEquals(List.of(0, 0, 0), List.of(again.json().getInt("added"), again.json().getInt("removed"), again.json().getInt("changed")),
                "the same roster again changes nothing");
        assertRate(unit, code, 3, 2, 1);

        Gateway.Reply replaced = Gateway.post(unit, "/checkin/employers/" + code + "/roster", Units.roster(List.of(
                Units.row("张一", p1, "主任"), Units.row("张三", p3, "处长"))));
        assertEquals(List.of(0, 1, 1), List.of(replaced.json().getInt("added"), replaced.json().getInt("removed"),
                replaced.json().getInt("changed")));
        assertRate(unit, code, 2, 1, 1);
        assertEquals("主任", Gateway.get(unit, "/checkin/employers/" + code + "/roster").json()
                .getString("items.find { it.name == '张一' }.post"));

        String other = Units.register(d, Units.freshCode());
        assertEquals(403, Gateway.get(Members.employer(other), "/checkin/employers/" + code + "/roster").status(),
                "another unit never sees this unit's people");
        assertEquals(403, Gateway.post(Members.employer(other), "/checkin/employers/" + code + "/roster",
                Units.roster(List.of())).status());
    }

    @Test
    void rowErrorsNameTheirRowAndNothingIsKept() {
        DemoDistrict d = DemoDistrict.create();
        String code = Units.register(d, Units.freshCode());
        Map<String, String> unit = Members.employer(code);
        String p = Units.freshPhone();
        Gateway.Reply bad = Gateway.post(unit, "/checkin/employers/" + code + "/roster", Units.roster(List.of(
                Units.row("", "123", null), Units.row("李四", p, null), Units.row("王五", p, "x".repeat(31)))));
        assertEquals(400, bad.status(), bad::toString);
        assertEquals("application/problem+json", bad.header("Content-Type"));
        assertEquals("ROSTER_INVALID", bad.json().getString("code"));
        assertEquals(List.of("rows[0].name", "rows[0].phone", "rows[2].phone", "rows[2].post"), bad.json().getList("errors.field"));
        assertEquals(List.of("NAME_REQUIRED", "INVALID_PHONE", "DUPLICATE_PHONE", "POST_TOO_LONG"), bad.json().getList("errors.code"));
        assertEquals("第 3 行：手机号码与第 2 行重复", bad.json().getString("errors[2].message"));
        assertEquals(List.of(), Gateway.get(unit, "/checkin/employers/" + code + "/roster").json().getList("items"));

        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 2001; i++) {
            many.add(Units.row("人员" + i, "139" + String.format("%08d", i), null));
        }
        Gateway.Reply tooMany = Gateway.post(unit, "/checkin/employers/" + code + "/roster", Units.roster(many));
        assertEquals(400, tooMany.status(), tooMany::toString);
        assertEquals("ROSTER_TOO_LARGE", tooMany.json().getString("code"));

        String unknown = Units.freshCode();
        Gateway.Reply missing = Gateway.post(Members.employer(unknown), "/checkin/employers/" + unknown + "/roster",
                Units.roster(List.of(Units.row("赵六", Units.freshPhone(), null))));
        assertEquals(404, missing.status(), missing::toString);
        assertEquals("EMPLOYER_NOT_FOUND", missing.json().getString("code"));
    }

    @Test
    void aRetriedUploadAnswersWithTheFirstResultAndALargeRosterSpansTransactions() {
        DemoDistrict d = DemoDistrict.create();
        String code = Units.register(d, Units.freshCode());
        Map<String, String> unit = Members.employer(code);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            rows.add(Units.row("人员" + i, Units.freshPhone(), null));
        }
        Map<String, String> key = Map.of("Idempotency-Key", "roster-" + code);
        Gateway.Reply first = Gateway.call(unit, "POST", "/checkin/employers/" + code + "/roster", Units.roster(rows), key);
        assertEquals(200, first.status(), first::toString);
        assertEquals(120, first.json().getInt("added"));
        Gateway.Reply repeat = Gateway.call(unit, "POST", "/checkin/employers/" + code + "/roster", Units.roster(rows), key);
        assertEquals(first.body(), repeat.body(), "a repeat answers with the first result");
        assertRate(unit, code, 120, 0, 0);
        Gateway.Reply reused = Gateway.call(unit, "POST", "/checkin/employers/" + code + "/roster", Units.roster(rows.subList(0, 5)), key);
        assertEquals(422, reused.status(), reused::toString);
        assertEquals(100, Gateway.get(unit, "/checkin/employers/" + code + "/roster?limit=100").json().getList("items").size());
    }

    @Test
    void registrationsRacingAnUploadAreCountedExactlyOnce() throws Exception {
        DemoDistrict d = DemoDistrict.create();
        String code = Units.register(d, Units.freshCode());
        Map<String, String> unit = Members.employer(code);
        int n = 12;
        List<String> phones = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            phones.add(Units.freshPhone());
            rows.add(Units.row("职工" + i, phones.get(i), null));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(n + 1);
        try {
            List<java.util.concurrent.Future<Integer>> done = new ArrayList<>();
            done.add(pool.submit(() -> untilSettled(() -> Gateway.post(unit, "/checkin/employers/" + code + "/roster", Units.roster(rows)))));
            for (int i = 0; i < n; i++) {
                Map<String, String> member = Members.member(d, "race" + i, d.communityA);
                Map<String, Object> body = Units.registration(d.gridA1, code, phones.get(i));
                done.add(pool.submit(() -> untilSettled(() -> Gateway.post(member, "/checkin/registrations", body))));
            }
            assertEquals(200, done.get(0).get());
            for (java.util.concurrent.Future<Integer> f : done.subList(1, done.size())) {
                assertEquals(201, f.get());
            }
        } finally {
            pool.shutdown();
        }
        assertRate(unit, code, n, n, 0);
        assertEquals(n, Gateway.get(unit, "/checkin/employers/" + code + "/roster?limit=100").json().getList("items.findAll { it.registered }").size());
    }

    /** Sends again while the answer is 409 CONCURRENT_CHANGE (the other side of the race won); the final status. */
    private static int untilSettled(java.util.function.Supplier<Gateway.Reply> send) {
        for (int attempt = 0;; attempt++) {
            Gateway.Reply r = send.get();
            if (r.status() != 409 || !"CONCURRENT_CHANGE".equals(r.json().getString("code")) || attempt == 20) {
                return r.status();
            }
        }
    }

    static JsonPath assertRate(Map<String, String> unit, String code, int rostered, int registered, int confirmed) {
        Gateway.Reply rate = Gateway.get(unit, "/checkin/employers/" + code + "/rate");
        assertEquals(200, rate.status(), rate::toString);
        assertEquals(List.of(rostered, registered, confirmed), List.of(rate.json().getInt("rostered"),
                rate.json().getInt("registered"), rate.json().getInt("confirmed")), rate::toString);
        return rate.json();
    }
}
