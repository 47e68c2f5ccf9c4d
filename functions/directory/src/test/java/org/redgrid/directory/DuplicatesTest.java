package org.redgrid.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import org.redgrid.testkit.DemoDistrict;
import org.redgrid.testkit.Gateway;
import org.redgrid.testkit.LocalDynamoDbResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A double tap or a retry on a bad network registers once (Idempotency-Key), and a 身份证号 is registered once per
 * deployment (issue 10, item 2).
 */
@QuarkusTest
@QuarkusTestResource(LocalDynamoDbResource.class)
class DuplicatesTest {

    @Test
    void fiftyParallelPostsWithOneKeyRegisterOnePersonAndAllAnswerAlike() throws Exception {
        DemoDistrict d = DemoDistrict.create();
        Map<String, Object> body = Map.of("name", "并发", "phone", "13800005000", "homeNodeCode", d.gridA1);
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Gateway.Reply>> replies;
        try {
            replies = pool.invokeAll(java.util.Collections.nCopies(50,
                    () -> Gateway.call(d.workerA1, "POST", "/directory/people", body, key)));
        } finally {
            pool.shutdown();
        }
        Set<String> answers = new java.util.HashSet<>();
        for (Future<Gateway.Reply> f : replies) {
            Gateway.Reply r = f.get();
            assertEquals(201, r.status(), r::toString);
            answers.add(r.body());
        }
        assertEquals(1, answers.size(), () -> "every answer is the first one: " + answers);
        List<String> listed = Gateway.get(d.adminA, "/directory/people?under=" + d.gridA1).json().getList("items.id");
        assertEquals(1, listed.size(), () -> "one person registered: " + listed);
        assertEquals(1, Gateway.get(d.adminA, "/directory/nodes/" + d.gridA1).json().getInt("totals.people"));

        Gateway.Reply otherBody = Gateway.call(d.workerA1, "POST", "/directory/people",
                Map.of("name", "另一人", "phone", "13800005001", "homeNodeCode", d.gridA1), key);
        assertEquals(422, otherBody.status(), otherBody::toString);
        assertEquals("IDEMPOTENCY_KEY_REUSED", otherBody.json().getString("code"));
        Gateway.Reply otherCaller = Gateway.call(d.adminA, "POST", "/directory/people", body, key);
        assertEquals(201, otherCaller.status());
        assertFalse(listed.contains(otherCaller.json().getString("id")), "a key is the caller's own: another caller's key registers anew");
        Gateway.Reply badKey = Gateway.call(d.workerA1, "POST", "/directory/people", body, Map.of("Idempotency-Key", "含 空格"));
        assertEquals(400, badKey.status());
        assertEquals("Idempotency-Key", badKey.json().getString("errors[0].field"));
    }

    @Test
    void everyDirectoryPostAnswersARepeatWithTheFirstResult() {
        DemoDistrict d = DemoDistrict.create();
        Map<String, Object> posts = Map.of(
                "/directory/nodes", Map.of("code", d.prefix + "IDEM", "name", "幂等网格", "level", "GRID", "parentCode", d.communityA),
                "/directory/households", Map.of("nodeCode", d.gridA1, "address", "幸福小区9号楼901"),
                "/directory/units", Map.of("name", "区文旅局", "kind", "机关", "nodeCode", d.communityA,
                        "contacts", List.of(Map.of("name", "孙科长", "phone", "13500003333"))));
        posts.forEach((path, body) -> {
            Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
            Gateway.Reply first = Gateway.call(d.adminA, "POST", path, body, key);
            Gateway.Reply again = Gateway.call(d.adminA, "POST", path, body, key);
            assertEquals(201, first.status(), first::toString);
            assertEquals(first.status() + first.body(), again.status() + again.body(), path);
            assertEquals(first.header("Location"), again.header("Location"), path);
        });
        assertEquals(Map.of("people", 0, "partyMembers", 0, "households", 1, "units", 1),
                Gateway.get(d.adminA, "/directory/nodes/" + d.communityA).json().getMap("totals"), "each registered once");
    }

    @Test
    void anIdNumberIsRegisteredOnceAndAClashNamesTheRecordToThoseWhoMaySeeIt() {
        DemoDistrict d = DemoDistrict.create();
        String idNumber = DemoDistrict.idNumber();
        Gateway.Reply first = Gateway.post(d.adminA, "/directory/people",
                Map.of("name", "赵一", "phone", "13800006000", "idNumber", idNumber, "homeNodeCode", d.gridA1));
        assertEquals(201, first.status(), first::toString);

        Gateway.Reply again = Gateway.post(d.workerA1, "/directory/people",
                Map.of("name", "赵一", "phone", "13800006001", "idNumber", idNumber.toLowerCase(), "homeNodeCode", d.buildingA11));
        assertEquals(409, again.status(), again::toString);
        assertEquals("PERSON_ID_NUMBER_TAKEN", again.json().getString("code"));
        assertEquals(first.json().getString("id"), again.json().getString("existingId"));

        Gateway.Reply elsewhere = Gateway.post(d.leaderB1, "/directory/people",
                Map.of("name", "赵一", "phone", "13800006002", "idNumber", idNumber, "homeNodeCode", d.gridB1));
        assertEquals(409, elsewhere.status());
        assertEquals("PERSON_ID_NUMBER_TAKEN", elsewhere.json().getString("code"));
        assertFalse(elsewhere.body().contains("existingId"), "a caller who may not see the record is not told its id");
        assertEquals(0, Gateway.get(d.adminB, "/directory/nodes/" + d.gridB1).json().getInt("totals.people"), "nothing was written");

        String other = d.person("钱二", "13800006003", d.gridA2);
        String newNumber = DemoDistrict.idNumber();
        Gateway.Reply taken = Gateway.call(d.adminA, "PATCH", "/directory/people/" + other, Map.of("idNumber", idNumber));
        assertEquals(409, taken.status());
        assertEquals("PERSON_ID_NUMBER_TAKEN", taken.json().getString("code"));
        Gateway.Reply changed = Gateway.call(d.adminA, "PATCH", "/directory/people/" + first.json().getString("id"), Map.of("idNumber", newNumber));
        assertEquals(200, changed.status(), changed::toString);
        Gateway.Reply freed = Gateway.call(d.adminA, "PATCH", "/directory/people/" + other, Map.of("idNumber", idNumber));
        assertEquals(200, freed.status(), () -> "the old number was released: " + freed);
        Gateway.Reply newOneTaken = Gateway.post(d.adminA, "/directory/people",
                Map.of("name", "孙三", "phone", "13800006004", "idNumber", newNumber, "homeNodeCode", d.gridA1));
        assertEquals(409, newOneTaken.status(), "the new number is claimed");
        assertTrue(newOneTaken.json().getString("existingId").equals(first.json().getString("id")));
    }
}
