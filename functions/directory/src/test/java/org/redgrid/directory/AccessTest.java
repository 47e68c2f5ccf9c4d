package org.redgrid.directory;

import org.redgrid.infra.dynamodb.DynamoEngineResource;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.redgrid.testkit.DemoDistrict;
import org.redgrid.testkit.Gateway;
import org.redgrid.testkit.Tokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** GET /directory/access reports the role table as it applies to the caller: grants with names, permissions, home. */
@QuarkusTest
@QuarkusTestResource(DynamoEngineResource.class)
class AccessTest {

    @Test
    void staffSeeTheirGrantsNamedAndThePermissionsOfTheRoleTable() {
        DemoDistrict d = DemoDistrict.create();
        Gateway.Reply admin = Gateway.get(d.adminA, "/directory/access");
        assertEquals(200, admin.status(), admin::toString);
        assertEquals("admin-a-" + d.prefix, admin.json().getString("username"));
        assertEquals(List.of(Map.of("role", "community-admin", "roleName", "社区管理员", "node", d.communityA, "nodeName", "幸福社区")),
                admin.json().getList("grants"));
        assertEquals(List.of("directory.audit.read", "directory.people.read", "directory.people.write", "directory.reveal.idNumber",
                "directory.reveal.phone", "directory.tree.read", "directory.tree.write"), directoryPermissions(admin));
        assertEquals("console", admin.json().getString("home"));

        Gateway.Reply worker = Gateway.get(d.workerA1, "/directory/access");
        assertEquals(List.of("directory.people.read", "directory.people.write", "directory.reveal.phone", "directory.tree.read"),
                directoryPermissions(worker), "grid workers neither edit the tree nor see ID numbers");
        assertEquals("幸福一网格", worker.json().getString("grants[0].nodeName"));
    }

    @Test
    void residentsAndCallersWithoutRolesBelongOnThePhonePages() {
        Gateway.Reply resident = Gateway.get(Tokens.idToken("resident-x", "resident"), "/directory/access");
        assertEquals(200, resident.status(), resident::toString);
        assertEquals("mobile", resident.json().getString("home"));
        assertEquals(List.of("directory.self.read"), directoryPermissions(resident));
        assertEquals("居民", resident.json().getString("grants[0].roleName"));
        assertEquals(null, resident.json().getString("grants[0].node"));

        Gateway.Reply nobody = Gateway.get(Tokens.idToken("stranger", "other-app-group"), "/directory/access");
        assertEquals(200, nobody.status(), nobody::toString);
        assertEquals("mobile", nobody.json().getString("home"));
        assertEquals(List.of(), nobody.json().getList("permissions"));
        assertEquals(401, Gateway.get(null, "/directory/access").status());
    }

    /** The directory's part of the reported permissions (the role table also carries every other domain's). */
    private static List<String> directoryPermissions(Gateway.Reply access) {
        return access.json().getList("permissions", String.class).stream().filter(p -> p.startsWith("directory.")).toList();
    }
}
