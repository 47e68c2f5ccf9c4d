package org.redgrid.directory;

import org.redgrid.infra.dynamodb.DynamoEngineResource;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.redgrid.testkit.Gateway;
import org.redgrid.testkit.DemoDistrict;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Issue 10 item 5: control and bidi-override characters are refused in display text; real scripts are kept. */
@QuarkusTest
@QuarkusTestResource(DynamoEngineResource.class)
class DisplayTextTest {

    @Test
    void realNamesInEveryScriptAreStoredAsGiven() {
        DemoDistrict d = DemoDistrict.create();
        for (String name : List.of("阿依古丽·买买提", "محمد علي", "𠮷田", "李😀华", "王👨‍👩‍👧", "Zoë O'Brien")) {
            String id = d.person(name, "13812345678", d.gridA1);
            assertEquals(name, Gateway.get(d.adminA, "/directory/people/" + id).json().getString("name"));
        }
    }

    @Test
    void spoofingCharactersAreRefusedWhereverTextIsShown() {
        DemoDistrict d = DemoDistrict.create();
        for (String name : List.of("live\u202E名", "张\u0000三", "李\u2066四\u2069", "赵\u200F钱", "王\u0007五", "孙\n六")) {
            assertRefused(Gateway.post(d.districtAdmin, "/directory/people",
                    Map.of("name", name, "phone", "13812345678", "homeNodeCode", d.gridA1)), "name");
        }
        String id = d.person("张三", "13812345678", d.gridA1);
        assertRefused(Gateway.call(d.adminA, "PATCH", "/directory/people/" + id, Map.of("name", "张\u202E三")), "name");
        assertRefused(Gateway.post(d.districtAdmin, "/directory/households", Map.of("nodeCode", d.gridA1, "address", "1号楼\u202E101")),
                "address");
        assertRefused(Gateway.post(d.districtAdmin, "/directory/nodes",
                Map.of("code", d.prefix + "X", "name", "网格\u0000", "level", "GRID", "parentCode", d.communityA)), "name");
        assertRefused(Gateway.get(d.adminA, "/directory/people/" + id + "?reveal=phone&reason=" + Gateway.encode("走访\u202E")), "reason");
    }

    private static void assertRefused(Gateway.Reply reply, String field) {
        assertEquals(400, reply.status(), reply::toString);
        assertEquals(field, reply.json().getString("errors[0].field"), reply::toString);
        assertEquals("DISPLAY_TEXT", reply.json().getString("errors[0].code"), reply::toString);
    }
}
