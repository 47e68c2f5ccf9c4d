package org.redgrid.directory;

import org.redgrid.infra.dynamodb.DynamoEngineResource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import org.redgrid.testkit.Gateway;
import org.redgrid.testkit.DemoDistrict;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Issue 10 item 3: paging cursors are signed and bound to their query; anything else is 400 BAD_CURSOR, never 500. */
@QuarkusTest
@QuarkusTestResource(DynamoEngineResource.class)
class CursorTest {

    @Test
    void aCursorContinuesItsOwnQueryAndNothingElse() {
        DemoDistrict d = DemoDistrict.create();
        for (String name : new String[] { "甲", "乙", "丙" }) {
            d.person(name, "13800000000", d.gridA1);
        }
        d.household(d.gridA1, "幸福小区1号楼101");
        d.household(d.gridA1, "幸福小区1号楼102");
        String people = "/directory/people?limit=1&under=" + d.communityA;
        Gateway.Reply first = Gateway.get(d.adminA, people);
        String cursor = first.json().getString("nextCursor");
        assertNotNull(cursor, first::toString);

        Gateway.Reply second = Gateway.get(d.adminA, people + "&cursor=" + cursor);
        assertEquals(200, second.status(), second::toString);
        assertNotEquals(first.json().getString("items[0].id"), second.json().getString("items[0].id"));

        // The same cursor on another subtree, another filter, another listing: each is another query.
        assertBadCursor(Gateway.get(d.adminA, "/directory/people?limit=1&under=" + d.gridA1 + "&cursor=" + cursor));
        assertBadCursor(Gateway.get(d.adminA, people + "&position=VOLUNTEER&cursor=" + cursor));
        assertBadCursor(Gateway.get(d.adminA, "/directory/households?limit=1&under=" + d.communityA + "&cursor=" + cursor));
        assertBadCursor(Gateway.get(d.adminA, "/directory/people/" + first.json().getString("items[0].id") + "/audit?cursor=" + cursor));
    }

    @Test
    void tamperedForgedAndMalformedCursorsAreRefused() {
        DemoDistrict d = DemoDistrict.create();
        d.person("甲", "13800000000", d.gridA1);
        d.person("乙", "13800000000", d.gridA1);
        String people = "/directory/people?limit=1&under=" + d.communityA;
        String cursor = Gateway.get(d.adminA, people).json().getString("nextCursor");
        String payload = cursor.substring(0, cursor.indexOf('.'));
        String signature = cursor.substring(cursor.indexOf('.') + 1);

        String altered = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8).replace("PERSON#", "PERSON#0");
        String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(altered.getBytes(StandardCharsets.UTF_8)) + "." + signature;
        assertBadCursor(Gateway.get(d.adminA, people + "&cursor=" + tampered));
        assertBadCursor(Gateway.get(d.adminA, people + "&cursor=" + payload));
        assertBadCursor(Gateway.get(d.adminA, people + "&cursor=" + payload + "." + signature.substring(1)));
        // What the old unsigned format accepted: a start key anyone could write for the right partition.
        String forged = "{\"gsi2pk\":\"PEOPLE#" + d.district + "\",\"gsi2sk\":\"x\",\"pk\":\"x\",\"sk\":\"x\"}";
        assertBadCursor(Gateway.get(d.adminA, people + "&cursor="
                + Base64.getUrlEncoder().withoutPadding().encodeToString(forged.getBytes(StandardCharsets.UTF_8))));
        assertBadCursor(Gateway.get(d.adminA, people + "&cursor=" + Gateway.encode("%%%.!!")));
        assertBadCursor(Gateway.get(d.adminA, "/directory/units?under=" + d.communityA + "&cursor=e30.e30"));
    }

    private static void assertBadCursor(Gateway.Reply reply) {
        assertEquals(400, reply.status(), reply::toString);
        assertEquals("application/problem+json", reply.header("content-type"), reply::toString);
        assertEquals("cursor", reply.json().getString("errors[0].field"), reply::toString);
        assertEquals("BAD_CURSOR", reply.json().getString("errors[0].code"), reply::toString);
    }
}
