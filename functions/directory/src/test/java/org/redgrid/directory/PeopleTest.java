package org.redgrid.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.redgrid.infra.dynamodb.DynamoEngineResource;

import org.redgrid.testkit.DemoDistrict;
import org.redgrid.testkit.Gateway;
import org.redgrid.testkit.Tokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** People, posts, households and partner units; personal data masked unless revealed, and every reveal audited. */
@QuarkusTest
@QuarkusTestResource(DynamoEngineResource.class)
class PeopleTest {

    @Test
    void personalDataIsMaskedUntilRevealedWithAReasonAndTheRevealIsAudited() {
        DemoDistrict d = DemoDistrict.create();
        String idNumber = DemoDistrict.idNumber();
        String id = d.person("张三", "13812345678", d.gridA1, idNumber);

        Gateway.Reply masked = Gateway.get(d.workerA1, "/directory/people/" + id);
        assertEquals("138****5678", masked.json().getString("phone"));
        assertEquals(DemoDistrict.masked(idNumber), masked.json().getString("idNumber"));
        assertTrue(masked.json().getBoolean("phoneMasked"));
        assertEquals("138****5678", Gateway.get(d.adminA, "/directory/people?under=" + d.communityA).json().getString("items[0].phone"));

        Gateway.Reply noReason = Gateway.get(d.workerA1, "/directory/people/" + id + "?reveal=phone");
        assertEquals(400, noReason.status());
        assertEquals("REASON_REQUIRED", noReason.json().getString("errors[0].code"));
        Gateway.Reply idNotForWorkers = Gateway.get(d.workerA1, "/directory/people/" + id + "?reveal=idNumber&reason=" + Gateway.encode("核实身份"));
        assertEquals(403, idNotForWorkers.status(), "a grid worker may see phones, not ID numbers");
        Gateway.Reply partyMember = Gateway.get(d.partyMemberA, "/directory/people/" + id);
        assertEquals(403, partyMember.status(), "a party member's role does not open the people directory");

        Gateway.Reply phone = Gateway.get(d.workerA1, "/directory/people/" + id + "?reveal=phone&reason=" + Gateway.encode("上门走访前电话联系"));
        assertEquals(200, phone.status(), phone::toString);
        assertEquals("13812345678", phone.json().getString("phone"));
        assertFalse(phone.json().getBoolean("phoneMasked"));
        assertEquals(DemoDistrict.masked(idNumber), phone.json().getString("idNumber"));
        Gateway.Reply both = Gateway.get(d.adminA, "/directory/people/" + id + "?reveal=phone,idNumber&reason=" + Gateway.encode("低保复核"));
        assertEquals(idNumber, both.json().getString("idNumber"));

        Gateway.Reply trail = Gateway.get(d.adminA, "/directory/people/" + id + "/audit");
        assertEquals(200, trail.status(), trail::toString);
        assertEquals(List.of("admin-a-" + d.prefix, "worker-a1-" + d.prefix), trail.json().getList("items.actor"));
        assertEquals(List.of("phone", "idNumber"), trail.json().getList("items[0].fields"));
        assertEquals("上门走访前电话联系", trail.json().getString("items[1].reason"));
        assertEquals(List.of("grid-worker@" + d.gridA1), trail.json().getList("items[1].actorRoles"));
        assertEquals(403, Gateway.get(d.workerA1, "/directory/people/" + id + "/audit").status(), "workers do not read the audit");
    }

    @Test
    void postsMakePeopleFindableByRoleAcrossGrids() {
        DemoDistrict d = DemoDistrict.create();
        String id = d.person("李党员", "13900000001", d.gridB1);
        Gateway.Reply reachOut = Gateway.call(d.adminA, "PUT", "/directory/people/" + id + "/positions/" + d.gridA1 + "/VOLUNTEER", null);
        assertEquals(403, reachOut.status(), "a post in A may not be used to reach a person of community B");
        assertEquals(403, Gateway.get(d.adminA, "/directory/people/" + id).status(), "and so A's admin still cannot see them");

        Gateway.Reply assigned = Gateway.call(d.streetAdmin, "PUT", "/directory/people/" + id + "/positions/" + d.gridA1 + "/GRID_WORKER", null);
        assertEquals(200, assigned.status(), assigned::toString);
        assertEquals(List.of("GRID_WORKER"), assigned.json().getList("positions.position"));
        assertEquals(200, Gateway.call(d.streetAdmin, "PUT", "/directory/people/" + id + "/positions/" + d.gridA1 + "/GRID_WORKER", null).status(),
                "assigning again changes nothing");
        assertEquals(200, Gateway.call(d.adminB, "PUT", "/directory/people/" + id + "/positions/" + d.communityB + "/PARTY_MEMBER", null).status());

        Gateway.Reply named = Gateway.get(d.adminA, "/directory/people/" + id);
        assertEquals("和平一网格", named.json().getString("homeNodeName"));
        assertEquals(List.of("测试区", "红星街道", "和平社区", "和平一网格"), named.json().getList("homePathNames"));
        assertEquals(List.of("和平社区", "幸福一网格"), named.json().getList("positions.nodeName"));

        Gateway.Reply workers = Gateway.get(d.adminA, "/directory/people?under=" + d.communityA + "&position=GRID_WORKER");
        assertEquals(List.of(id), workers.json().getList("items.id"));
        assertEquals("139****0001", workers.json().getString("items[0].phone"));
        assertEquals(200, Gateway.get(d.adminA, "/directory/people/" + id).status(),
                "community A's admin sees a person who lives elsewhere but holds a post in A");

        Gateway.Reply renamed = Gateway.call(d.adminB, "PATCH", "/directory/people/" + id, Map.of("name", "李党员（改）", "partyStatus", "IN_SERVICE"));
        assertEquals(200, renamed.status(), renamed::toString);
        assertEquals("李党员（改）", Gateway.get(d.adminA, "/directory/people?under=" + d.communityA + "&position=GRID_WORKER")
                .json().getString("items[0].name"), "the post carries the holder's new name");
        Gateway.Reply stale = Gateway.call(d.adminB, "PATCH", "/directory/people/" + id, Map.of("name", "x", "version", 1));
        assertEquals(409, stale.status());

        Gateway.Reply wrongLevel = Gateway.call(d.streetAdmin, "PUT", "/directory/people/" + id + "/positions/" + d.communityA + "/GRID_LEADER", null);
        assertEquals(400, wrongLevel.status());
        assertEquals("POSITION_LEVEL_MISMATCH", wrongLevel.json().getString("errors[0].code"));

        assertEquals(403, Gateway.call(d.adminA, "DELETE", "/directory/people/" + id + "/positions/" + d.gridA1 + "/GRID_WORKER", null).status(),
                "removing a post changes the person too, who lives outside A");
        Gateway.Reply removed = Gateway.call(d.streetAdmin, "DELETE", "/directory/people/" + id + "/positions/" + d.gridA1 + "/GRID_WORKER", null);
        assertEquals(200, removed.status());
        assertEquals(List.of("PARTY_MEMBER"), removed.json().getList("positions.position"));
        assertEquals(List.of(), Gateway.get(d.adminA, "/directory/people?under=" + d.communityA + "&position=GRID_WORKER").json().getList("items"));
        assertEquals(403, Gateway.get(d.adminA, "/directory/people/" + id).status(), "with the post gone, so is community A's view");
    }

    @Test
    void householdsCountOnTheirNodeAndListTheirMembers() {
        DemoDistrict d = DemoDistrict.create();
        String household = d.household(d.buildingA11, "幸福小区1号楼301");
        Map<String, Object> member = new HashMap<>(Map.of("name", "户主", "phone", "13811110000", "householdId", household));
        Gateway.Reply registered = Gateway.post(d.workerA1, "/directory/people", member);
        assertEquals(201, registered.status(), registered::toString);
        assertEquals(d.buildingA11, registered.json().getString("homeNodeCode"), "home follows the household");

        Gateway.Reply read = Gateway.get(d.workerA1, "/directory/households/" + household);
        assertEquals(List.of("户主"), read.json().getList("members.name"));
        assertEquals("1号楼", read.json().getString("nodeName"));
        assertEquals(List.of("测试区", "红星街道", "幸福社区", "幸福一网格", "1号楼"), read.json().getList("pathNames"));
        assertEquals(List.of("1号楼"), Gateway.get(d.adminA, "/directory/households?under=" + d.communityA).json().getList("items.nodeName"));
        assertEquals(1, Gateway.get(d.workerA1, "/directory/nodes/" + d.buildingA11).json().getInt("householdCount"));
        assertEquals(List.of(household), Gateway.get(d.adminA, "/directory/households?under=" + d.communityA).json().getList("items.id"));

        Gateway.Reply elsewhere = Gateway.post(d.workerA1, "/directory/people",
                Map.of("name", "x", "phone", "13811110001", "householdId", household, "homeNodeCode", d.gridA2));
        assertEquals(400, elsewhere.status());
        assertEquals("HOUSEHOLD_ELSEWHERE", elsewhere.json().getString("errors[0].code"));
        Gateway.Reply atCommunity = Gateway.post(d.adminA, "/directory/households", Map.of("nodeCode", d.communityA, "address", "x"));
        assertEquals(400, atCommunity.status());
    }

    @Test
    void validationNamesEveryBadField() {
        DemoDistrict d = DemoDistrict.create();
        Gateway.Reply bad = Gateway.post(d.adminA, "/directory/people", Map.of("name", "", "phone", "12345", "idNumber", "123"));
        assertEquals(400, bad.status(), bad::toString);
        assertEquals(List.of("idNumber", "name", "phone"), bad.json().getList("errors.field"));
        Gateway.Reply checksum = Gateway.post(d.adminA, "/directory/people",
                Map.of("name", "x", "phone", "13800000000", "idNumber", "110105194912310021", "homeNodeCode", d.gridA1));
        assertEquals(400, checksum.status());
        assertEquals("ID_NUMBER_CHECKSUM", checksum.json().getString("errors[0].code"));
        Gateway.Reply noHome = Gateway.post(d.adminA, "/directory/people", Map.of("name", "x", "phone", "13800000000"));
        assertEquals("homeNodeCode", noHome.json().getString("errors[0].field"));
        Gateway.Reply unitContacts = Gateway.post(d.adminA, "/directory/units", Map.of("name", "x", "kind", "企业", "nodeCode", d.communityA,
                "contacts", List.of(Map.of("name", "a", "phone", "1"))));
        assertEquals(400, unitContacts.status());
        assertEquals("contacts[0].phone", unitContacts.json().getString("errors[0].field"));
    }

    @Test
    void residentsReadTheirOwnRecordOnly() {
        DemoDistrict d = DemoDistrict.create();
        String account = "resident-" + d.prefix;
        Gateway.Reply registered = Gateway.post(d.adminA, "/directory/people", Map.of("name", "王居民", "phone", "13700001111",
                "idNumber", DemoDistrict.idNumber(), "homeNodeCode", d.gridA1, "account", account));
        assertEquals(201, registered.status(), registered::toString);
        Map<String, String> resident = Tokens.accessToken(account, "resident");
        Gateway.Reply me = Gateway.get(resident, "/directory/me");
        assertEquals(200, me.status(), me::toString);
        assertEquals("13700001111", me.json().getString("phone"), "one's own data is not masked from oneself");
        assertEquals(403, Gateway.get(resident, "/directory/people/" + registered.json().getString("id")).status());
        assertEquals(404, Gateway.get(Tokens.idToken("nobody-" + d.prefix, "resident"), "/directory/me").status());

        Gateway.Reply taken = Gateway.post(d.adminA, "/directory/people", Map.of("name", "冒名", "phone", "13700002222",
                "homeNodeCode", d.gridA1, "account", account));
        assertEquals(409, taken.status());
        assertEquals("ACCOUNT_TAKEN", taken.json().getString("code"));
    }

    @Test
    void aResidentsOwnRecordNamesTheirHouseholdsAddressAndNoOneElse() {
        DemoDistrict d = DemoDistrict.create();
        Gateway.Reply created = Gateway.post(d.districtAdmin, "/directory/households",
                Map.of("nodeCode", d.buildingA11, "address", "幸福里小区1号楼2单元301", "label", "王家"));
        assertEquals(201, created.status(), created::toString);
        String household = created.json().getString("id");
        String account = "resident-" + d.prefix;
        assertEquals(201, Gateway.post(d.adminA, "/directory/people", Map.of("name", "王居民", "phone", "13700003333",
                "householdId", household, "account", account)).status());
        String otherIdNumber = DemoDistrict.idNumber();
        Gateway.Reply other = Gateway.post(d.adminA, "/directory/people", Map.of("name", "王同户", "phone", "13700004444",
                "idNumber", otherIdNumber, "householdId", household));
        assertEquals(201, other.status(), other::toString);

        Gateway.Reply me = Gateway.get(Tokens.idToken(account, "resident"), "/directory/me");
        assertEquals(200, me.status(), me::toString);
        assertEquals(Map.of("id", household, "address", "幸福里小区1号楼2单元301", "label", "王家"), me.json().getMap("household"),
                "the household's address and label, not its members or where else it is listed");
        assertEquals(List.of("测试区", "红星街道", "幸福社区", "幸福一网格", "1号楼"), me.json().getList("homePathNames"));
        for (String housemate : List.of("王同户", "13700004444", "137****4444", otherIdNumber, DemoDistrict.masked(otherIdNumber))) {
            assertFalse(me.body().contains(housemate), () -> "the record of one's housemate stays out of /me: " + me);
        }
        assertEquals(403, Gateway.get(Tokens.idToken(account, "resident"), "/directory/households/" + household).status(),
                "the household itself stays closed to residents");
        assertNull(Gateway.get(d.adminA, "/directory/people/" + other.json().getString("id")).json().get("household"),
                "staff reads point to the household by id, as before");
    }

    @Test
    void partnerUnitContactsAreMaskedAndRevealsAudited() {
        DemoDistrict d = DemoDistrict.create();
        String unit = d.unit(d.communityA, "区卫健委");
        Gateway.Reply read = Gateway.get(d.adminA, "/directory/units/" + unit);
        assertEquals("139****1111", read.json().getString("contacts[0].phone"));
        Gateway.Reply revealed = Gateway.get(d.adminA, "/directory/units/" + unit + "?reveal=phone&reason=" + Gateway.encode("联系义诊"));
        assertEquals("13900001111", revealed.json().getString("contacts[0].phone"));
        assertEquals(List.of(unit), Gateway.get(d.streetAdmin, "/directory/units?under=" + d.street).json().getList("items.id"));
        assertEquals(400, Gateway.post(d.adminA, "/directory/units", Map.of("name", "x", "kind", "企业", "nodeCode", d.gridA1,
                "contacts", List.of(Map.of("name", "a", "phone", "13900000000")))).status(), "units pair with streets or communities");
    }
}
