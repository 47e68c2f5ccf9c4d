package org.redgrid.directory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.redgrid.infra.dynamodb.DynamoEngineResource;

import org.redgrid.testkit.DemoDistrict;
import org.redgrid.testkit.Gateway;
import org.redgrid.testkit.Tokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The main directory reads and writes consume exactly their access pattern's designed minimum, as DynamoDB
 * reports it (ReturnConsumedCapacity=TOTAL, read back from the X-RedGrid-Consumed-Capacity header). Items here
 * are under 1 KB; an eventually consistent read of up to 4 KB costs 0.5 RCU, and a transactional write of up to
 * 1 KB costs 2 WCU for the item plus 1 WCU for each global secondary index entry it writes: DynamoDB doubles the
 * table part of a transaction, not the index part (as measured against DynamoDB; see infra/dynamodb/CONFORMANCE.md,
 * BatchScanAndCapacityTest). Both GSIs project ALL, so a counter update on a node also rewrites its two index entries.
 */
@QuarkusTest
@QuarkusTestResource(DynamoEngineResource.class)
class CapacityTest {

    private static void assertUnits(double read, double write, Gateway.Reply reply) {
        assertArrayEquals(new double[] { read, write }, reply.capacity(), 0.001, () -> "units [read, write] of " + reply);
    }

    @Test
    void directoryReadsAndWritesConsumeTheDesignedMinimum() {
        DemoDistrict d = DemoDistrict.create();
        // GetItem of the node.
        assertUnits(0.5, 0, Gateway.get(d.adminA, "/directory/nodes/" + d.gridA1));
        // GetItem of the node for the scope check, one Query page of its children.
        assertUnits(1.0, 0, Gateway.get(d.adminA, "/directory/nodes/" + d.communityA + "/children"));
        // GetItem of the parent; transaction: put node + update parent = 2 × 2 WCU, plus their ByParent and ByPath
        // entries = 4 × 1 WCU.
        assertUnits(0.5, 8, Gateway.post(d.adminA, "/directory/nodes",
                Map.of("code", d.prefix + "CAP", "name", "容量网格", "level", "GRID", "parentCode", d.communityA)));
        // GetItem of the home node, BatchGetItem of the 4 names on its path; transaction: put person (2 WCU, plus its ByPath
        // entry 1) + update of the home node and its 3 ancestors (refs and subtree totals: 4 × 2 WCU, plus their index
        // entries: ByPath for all four, ByParent for the three that have a parent = 7 × 1 WCU) = 18 WCU.
        Gateway.Reply registered = Gateway.post(d.workerA1, "/directory/people",
                Map.of("name", "容量", "phone", "13800001234", "homeNodeCode", d.gridA1));
        assertUnits(2.5, 18, registered);
        // One Query of the person's partition (profile and posts together), BatchGetItem of the 4 names on the path.
        assertUnits(2.5, 0, Gateway.get(d.workerA1, "/directory/people/" + registered.json().getString("id")));
        // GetItem of the node for the scope check, one Query page under its path.
        assertUnits(1.0, 0, Gateway.get(d.adminA, "/directory/people?under=" + d.communityA));
        // A resident's own record: GetItem of the account link, one Query of the person's partition, GetItem of their
        // household (for the address), BatchGetItem of the 4 names on the path.
        String household = d.household(d.gridA1, "容量小区1号楼101");
        String account = "resident-" + d.prefix;
        Gateway.post(d.adminA, "/directory/people", Map.of("name", "容量居民", "phone", "13800005678", "householdId", household, "account", account));
        assertUnits(3.5, 0, Gateway.get(Tokens.idToken(account, "resident"), "/directory/me"));
    }
}
