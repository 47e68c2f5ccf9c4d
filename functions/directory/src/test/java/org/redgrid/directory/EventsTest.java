package org.redgrid.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.redgrid.kernel.events.StreamDispatch;
import org.redgrid.kernel.grid.GridPort;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.redgrid.testkit.DemoDistrict;
import org.redgrid.testkit.Gateway;
import org.redgrid.testkit.LocalDynamoDbResource;
import org.redgrid.testkit.StreamPump;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Domain events end to end on the engine: a change writes its event in its own transaction, the table's stream
 * carries it (read through the Streams API and handed over as a real Lambda DynamoDB event), the consumer's effect
 * shows through the API, and a redelivered batch changes nothing.
 */
@QuarkusTest
@QuarkusTestResource(LocalDynamoDbResource.class)
class EventsTest {

    @Inject
    DynamoDbClient db;

    @Inject
    GridPort grid;

    @Test
    void aPersonMovedReachesTheActivityFeedOnceHoweverOftenItIsDelivered() {
        DemoDistrict d = DemoDistrict.create();
        String person = d.person("孙迁", "13800007000", d.gridA1);
        Gateway.Reply moved = Gateway.call(d.adminA, "PATCH", "/directory/people/" + person, Map.of("homeNodeCode", d.gridA2));
        assertEquals(200, moved.status(), moved::toString);

        ObjectNode batch = StreamPump.eventsOf(db, "DirectoryTable");
        assertEquals(0, StreamDispatch.handle("directory-activity", batch).path("batchItemFailures").size());
        assertEquals(List.of("孙迁 迁出至 " + d.gridA2), summaries(d, d.gridA1));
        assertEquals(List.of("孙迁 迁入（原居住 " + d.gridA1 + "）"), summaries(d, d.gridA2));

        StreamDispatch.handle("directory-activity", batch);
        StreamDispatch.handle("directory-activity", StreamPump.eventsOf(db, "DirectoryTable"));
        assertEquals(1, summaries(d, d.gridA1).size(), "a redelivered event is consumed once");
        assertEquals(1, summaries(d, d.gridA2).size());
        assertEquals(403, Gateway.get(d.leaderB1, "/directory/nodes/" + d.gridA1 + "/activity").status());
    }

    @Test
    void aNodeMoveReachesOtherDomainsAsAnEventAndThroughTheGridPort() {
        DemoDistrict d = DemoDistrict.create();
        String before = grid.where(d.buildingA11).orElseThrow().path();
        assertEquals("/" + String.join("/", d.district, d.street, d.communityA, d.gridA1, d.buildingA11) + "/", before);
        assertEquals(200, Gateway.post(d.districtAdmin, "/directory/nodes/" + d.buildingA11 + "/move", Map.of("parentCode", d.gridB1)).status());

        GridPort.Place after = grid.where(d.buildingA11).orElseThrow();
        assertEquals(List.of("测试区", "红星街道", "和平社区", "和平一网格", "1号楼"), after.pathNames());
        ObjectNode batch = StreamPump.eventsOf(db, "DirectoryTable");
        boolean found = false;
        for (var r : batch.path("Records")) {
            var image = r.path("dynamodb").path("NewImage");
            if ("directory.NodeMoved".equals(image.path("eventType").path("S").asText())
                    && d.buildingA11.equals(image.path("subjectNode").path("S").asText())) {
                assertEquals(before, image.path("data").path("M").path("fromPath").path("S").asText());
                assertEquals(after.path(), image.path("data").path("M").path("toPath").path("S").asText());
                found = true;
            }
        }
        assertTrue(found, "the move wrote a NodeMoved event carrying old and new path");
        StreamDispatch.handle("directory-activity", batch);
        assertEquals(List.of("由 " + d.gridA1 + " 移至 " + d.gridB1), summaries(d, d.buildingA11));
        assertEquals(List.of(d.buildingA11 + " 移入（原属 " + d.gridA1 + "）"), summaries(d, d.gridB1));
    }

    private static List<String> summaries(DemoDistrict d, String node) {
        Gateway.Reply feed = Gateway.get(d.districtAdmin, "/directory/nodes/" + node + "/activity");
        assertEquals(200, feed.status(), feed::toString);
        return feed.json().getList("items.summary");
    }
}
