package org.redgrid.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.redgrid.testkit.DemoDistrict;
import org.redgrid.testkit.Gateway;
import org.redgrid.infra.dynamodb.DynamoEngineResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Registration (报到) through the Lambda event path on the engine: a member registers at home, the community
 * confirms or rejects, the board shows confirmed members (phones only with consent), counts per node and
 * employer move in the same transaction, an employer sees only its own staff, retries register once.
 */
@QuarkusTest
@QuarkusTestResource(DynamoEngineResource.class)
class RegistrationTest {

    @Test
    void aMemberRegistersAtHomeTheCommunityConfirmsAndTheBoardShowsThem() {
        DemoDistrict d = DemoDistrict.create();
        String employer = "E" + d.prefix;
        Map<String, String> wang = Members.member(d, "wang", d.communityA);
        Map<String, String> li = Members.member(d, "li", d.communityA);
        Gateway.Reply registered = Gateway.post(wang, "/checkin/registrations", Members.registration(d.buildingA11, employer, true));
        assertEquals(201, registered.status(), registered::toString);
        assertEquals(d.gridA1, registered.json().getString("gridCode"), "a building's member serves in its grid");
        assertEquals("PENDING", registered.json().getString("status"));
        assertEquals("13912345678", registered.json().getString("phone"), "the member sees their own phone");
        String wangId = registered.json().getString("memberId");
        String liId = Members.register(li, Members.registration(d.gridA1, employer, false));

        Gateway.Reply again = Gateway.post(wang, "/checkin/registrations", Members.registration(d.gridA1, employer, true));
        assertEquals(409, again.status(), again::toString);
        assertEquals("ALREADY_REGISTERED", again.json().getString("code"));

        assertEquals(List.of(), Gateway.get(d.workerA1, "/checkin/board/" + d.gridA1).json().getList("name"),
                "pending registrations are not on the board");
        List<String> queue = Gateway.get(d.adminA, "/checkin/registrations?under=" + d.communityA).json().getList("items.memberId");
        assertEquals(Set.of(wangId, liId), Set.copyOf(queue));
        assertNull(Gateway.get(d.adminA, "/checkin/registrations?under=" + d.communityA).json().get("items[0].phone"),
                "staff lists carry no phone");
        assertEquals(tally(2, 2, 0, 0), tallyOf(d.adminA, "/checkin/nodes/" + d.communityA + "/tally"));

        Gateway.Reply confirmed = Gateway.post(d.adminA, "/checkin/registrations/" + wangId + "/confirm", Map.of());
        assertEquals(200, confirmed.status(), confirmed::toString);
        assertEquals("CONFIRMED", confirmed.json().getString("status"));
        assertEquals(200, Gateway.post(d.adminA, "/checkin/registrations/" + liId + "/confirm", Map.of()).status());
        Gateway.Reply twice = Gateway.post(d.adminA, "/checkin/registrations/" + wangId + "/confirm", Map.of());
        assertEquals(409, twice.status());
        assertEquals("NOT_PENDING", twice.json().getString("code"));

        assertEquals(tally(2, 0, 2, 0), tallyOf(d.adminA, "/checkin/nodes/" + d.communityA + "/tally"));
        assertEquals(tally(2, 0, 2, 0), tallyOf(d.districtAdmin, "/checkin/nodes/" + d.district + "/tally"));
        assertEquals(tally(1, 0, 1, 0), tallyOf(d.workerA1, "/checkin/nodes/" + d.buildingA11 + "/tally"));
        assertEquals(tally(2, 0, 2, 0), tallyOf(Members.employer(employer), "/checkin/employers/" + employer + "/tally"));

        Gateway.Reply board = Gateway.get(wang, "/checkin/board/" + d.gridA1);
        assertEquals(200, board.status(), board::toString);
        List<Map<String, Object>> lines = board.json().getList("$");
        assertEquals(2, lines.size(), board::toString);
        for (Map<String, Object> line : lines) {
            assertEquals("区卫健委", line.get("employerName"));
            boolean isWang = "1号楼".equals(line.get("homeName"));
            assertEquals(isWang ? "13912345678" : null, line.get("phone"), "a phone only with the member's consent: " + line);
        }
        assertEquals(1, Gateway.get(wang, "/checkin/board/" + d.buildingA11).json().getList("$").size(), "a building's board");
        assertEquals(0, Gateway.get(wang, "/checkin/board/" + d.gridA2).json().getList("$").size());
        assertEquals("CONFIRMED", Gateway.get(wang, "/checkin/registrations/me").json().getString("status"));
    }

    @Test
    void aRejectionNeedsAReasonWhichTheEmployerSeesAndOtherEmployersSeeNothing() {
        DemoDistrict d = DemoDistrict.create();
        String employer = "E" + d.prefix;
        String zhaoId = Members.register(Members.member(d, "zhao", d.communityB), Members.registration(d.gridB1, employer, false));

        Gateway.Reply noReason = Gateway.post(d.adminB, "/checkin/registrations/" + zhaoId + "/reject", Map.of());
        assertEquals(400, noReason.status(), noReason::toString);
        assertEquals("application/problem+json", noReason.header("Content-Type"));
        assertEquals("REASON_REQUIRED", noReason.json().getString("errors[0].code"));
        Gateway.Reply otherCommunity = Gateway.post(d.adminA, "/checkin/registrations/" + zhaoId + "/reject", Map.of("reason", "越界"));
        assertEquals(403, otherCommunity.status(), otherCommunity::toString);

        Gateway.Reply rejected = Gateway.post(d.adminB, "/checkin/registrations/" + zhaoId + "/reject",
                Map.of("reason", "未提交单位介绍信"));
        assertEquals(200, rejected.status(), rejected::toString);
        assertEquals("REJECTED", rejected.json().getString("status"));
        assertEquals(tally(1, 0, 0, 1), tallyOf(d.adminB, "/checkin/nodes/" + d.communityB + "/tally"));

        Gateway.Reply staff = Gateway.get(Members.employer(employer), "/checkin/employers/" + employer + "/staff");
        assertEquals(200, staff.status(), staff::toString);
        assertEquals(List.of("未提交单位介绍信"), staff.json().getList("items.reason"));
        assertEquals(List.of("REJECTED"), staff.json().getList("items.status"));
        assertNull(staff.json().get("items[0].phone"), "an employer sees status, not the phone");
        Gateway.Reply other = Gateway.get(Members.employer("X" + d.prefix), "/checkin/employers/" + employer + "/staff");
        assertEquals(403, other.status(), other::toString);
        assertEquals("OUT_OF_SCOPE", other.json().getString("code"));
    }

    @Test
    void badInputIsAProblemWithTheFieldNamed() {
        DemoDistrict d = DemoDistrict.create();
        Map<String, String> member = Members.member(d, "bad", d.communityA);
        Map<String, Object> body = new HashMap<>(Members.registration(d.gridA1, "E1", true));
        body.put("phone", "12345");
        body.remove("showPhone");
        Gateway.Reply invalid = Gateway.post(member, "/checkin/registrations", body);
        assertEquals(400, invalid.status(), invalid::toString);
        assertEquals("application/problem+json", invalid.header("Content-Type"));
        assertEquals("VALIDATION_FAILED", invalid.json().getString("code"));
        assertEquals(Set.of("phone", "showPhone"), Set.copyOf(invalid.json().getList("errors.field").stream()
                .map(f -> f.toString().replaceAll("^.*\\.", "")).toList()));

        Gateway.Reply community = Gateway.post(member, "/checkin/registrations", Members.registration(d.communityA, "E1", true));
        assertEquals(400, community.status(), community::toString);
        assertEquals("NOT_A_HOME", community.json().getString("errors[0].code"));
        Gateway.Reply nowhere = Gateway.post(member, "/checkin/registrations", Members.registration(d.prefix + "NONE", "E1", true));
        assertEquals(400, nowhere.status(), nowhere::toString);
        assertEquals("homeNodeCode", nowhere.json().getString("errors[0].field"));
        Gateway.Reply notJson = Gateway.post(member, "/checkin/registrations", "{\"name\": ");
        assertEquals(400, notJson.status(), notJson::toString);
        assertEquals("application/problem+json", notJson.header("Content-Type"));
        Gateway.Reply badStatus = Gateway.get(d.adminA, "/checkin/registrations?under=" + d.communityA + "&status=MAYBE");
        assertEquals(400, badStatus.status(), badStatus::toString);
        Gateway.Reply unknown = Gateway.post(d.adminA, "/checkin/registrations/nobody-" + d.prefix + "/confirm", Map.of());
        assertEquals(404, unknown.status(), unknown::toString);
        assertEquals("REGISTRATION_NOT_FOUND", unknown.json().getString("code"));
    }

    @Test
    void twentyParallelRetriesWithOneKeyRegisterOnceAndAllAnswerAlike() throws Exception {
        DemoDistrict d = DemoDistrict.create();
        String employer = "E" + d.prefix;
        Map<String, String> member = Members.member(d, "retry", d.communityA);
        Map<String, Object> body = Members.registration(d.gridA1, employer, true);
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        String first = Retries.allAnswerAlike(20, () -> Gateway.call(member, "POST", "/checkin/registrations", body, key));
        Gateway.Reply repeat = Gateway.call(member, "POST", "/checkin/registrations", body, key);
        assertEquals(201, repeat.status(), repeat::toString);
        assertEquals(first, repeat.body(), "a later retry answers with the first result");
        assertEquals(tally(1, 1, 0, 0), tallyOf(d.adminA, "/checkin/nodes/" + d.communityA + "/tally"), "counted once");
        assertEquals(tally(1, 1, 0, 0), tallyOf(Members.employer(employer), "/checkin/employers/" + employer + "/tally"));

        Map<String, Object> other = new HashMap<>(body);
        other.put("availability", "工作日晚上");
        Gateway.Reply reused = Gateway.call(member, "POST", "/checkin/registrations", other, key);
        assertEquals(422, reused.status(), reused::toString);
        assertEquals("IDEMPOTENCY_KEY_REUSED", reused.json().getString("code"));
    }

    private static List<Integer> tally(int registered, int pending, int confirmed, int rejected) {
        return List.of(registered, pending, confirmed, rejected);
    }

    private static List<Integer> tallyOf(Map<String, String> caller, String path) {
        Gateway.Reply r = Gateway.get(caller, path);
        assertEquals(200, r.status(), r::toString);
        return List.of(r.json().getInt("registered"), r.json().getInt("pending"), r.json().getInt("confirmed"),
                r.json().getInt("rejected"));
    }
}
