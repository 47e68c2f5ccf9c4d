package org.redgrid.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.junit.jupiter.api.Test;
import org.redgrid.checkin.control.ProjectService;
import org.redgrid.infra.dynamodb.DynamoEngineResource;
import org.redgrid.kernel.events.DomainEvent;
import org.redgrid.kernel.events.EventConsumer;
import org.redgrid.kernel.events.StreamDispatch;
import org.redgrid.testkit.DemoDistrict;
import org.redgrid.testkit.Gateway;
import org.redgrid.testkit.StreamPump;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A completed project (three lists' lists.ProjectCompleted) becomes one verified service record per participant, with
 * the totals and the checkin.ServiceVerified event a leader's verification gives, once per event and participant
 * however often the event is delivered; CheckinTable's stream then carries those events to points.
 */
@QuarkusTest
@QuarkusTestResource(DynamoEngineResource.class)
class ProjectServiceTest {

    @Inject
    DynamoDbClient db;

    @Inject
    @Named(ProjectService.NAME)
    EventConsumer consumer;

    @Test
    void eachParticipantGetsOneVerifiedRecordAndOneServiceVerifiedHoweverOftenTheProjectArrives() {
        DemoDistrict d = DemoDistrict.create();
        Map<String, String> registered = Members.member(d, "proj", d.communityA);
        String member = Members.register(registered, Members.registration(d.buildingA11, "E" + d.prefix, false));
        String visitor = "visitor-" + d.prefix;
        DomainEvent completed = new DomainEvent("EP" + d.prefix, ProjectService.PROJECT_COMPLETED, "2026-11-20T09:30:00Z",
                d.communityA, "admin-a-" + d.prefix, Map.of("projectId", "P" + d.prefix, "node", d.communityA,
                        "participants", "[{\"login\":\"" + member + "\",\"hours\":\"2.5\"},{\"login\":\"" + visitor
                                + "\",\"hours\":\"1\"},{\"login\":\"" + member + "\",\"hours\":\"0.5\"},{\"login\":\"idle\",\"hours\":\"0\"}]",
                        "householdIds", "HB2,HB1", "category", "HEALTH", "completedAt", "2026-11-20T09:30:00Z"));

        consumer.consume(completed);
        consumer.consume(completed);

        Gateway.Reply mine = Gateway.get(registered, "/checkin/services/mine");
        assertEquals(200, mine.status(), mine::toString);
        assertEquals(1, mine.json().getList("items").size(), "one record per participant, their listings added up");
        assertEquals(List.of(true, 180, "HEALTH", d.gridA1, "2026-11-20", "PROJECT", "P" + d.prefix),
                List.of(mine.json().getBoolean("items[0].verified"), mine.json().getInt("items[0].minutes"),
                        mine.json().getString("items[0].category"), mine.json().getString("items[0].gridCode"),
                        mine.json().getString("items[0].day"), mine.json().getString("items[0].verifiedVia"),
                        mine.json().getString("items[0].projectId")));
        Gateway.Reply totals = Gateway.get(registered, "/checkin/services/mine/totals?period=2026-11");
        assertEquals(List.of(180, 1), List.of(totals.json().getInt("minutes"), totals.json().getInt("records")));
        Gateway.Reply ledger = Gateway.get(d.workerA1, "/checkin/grids/" + d.gridA1 + "/ledger?quarter=2026Q4");
        assertEquals(List.of(member), ledger.json().getList("items.memberId"), "the registered member serves in their grid's ledger");

        List<JsonNode> events = new ArrayList<>();
        JsonNode batch = StreamPump.eventsOf(db, "CheckinTable");
        batch.path("Records").forEach(r -> {
            JsonNode image = r.path("dynamodb").path("NewImage");
            if ("checkin.ServiceVerified".equals(image.path("eventType").path("S").asText())
                    && ("P" + d.prefix).equals(image.path("data").path("M").path("projectId").path("S").asText())) {
                events.add(image.path("data").path("M"));
            }
        });
        assertEquals(2, events.size(), "one ServiceVerified per participant with hours, none for a redelivery");
        JsonNode first = events.stream().filter(e -> member.equals(e.path("memberId").path("S").asText())).findFirst().orElseThrow();
        assertEquals(List.of("3", "HB1,HB2", d.gridA1), List.of(first.path("hours").path("S").asText(),
                first.path("householdIds").path("S").asText(), first.path("node").path("S").asText()));
        JsonNode other = events.stream().filter(e -> visitor.equals(e.path("memberId").path("S").asText())).findFirst().orElseThrow();
        assertEquals(d.communityA, other.path("node").path("S").asText(), "a participant with no registration serves at the community");

        // Its own table's stream (check-in events) passes through the consumer without effect.
        assertEquals(0, StreamDispatch.handle(ProjectService.NAME, batch).path("batchItemFailures").size());
        assertEquals(1, Gateway.get(registered, "/checkin/services/mine").json().getList("items").size());
    }

    @Test
    void aProjectOfAnUnknownCommunityFailsTheDeliverySoItIsRetriedAndNothingIsRecorded() {
        DemoDistrict d = DemoDistrict.create();
        DomainEvent completed = new DomainEvent("EQ" + d.prefix, ProjectService.PROJECT_COMPLETED, "2026-11-20T09:30:00Z",
                "NOPE" + d.prefix, "admin", Map.of("projectId", "Q" + d.prefix, "node", "NOPE" + d.prefix,
                        "participants", "[{\"login\":\"m-" + d.prefix + "\",\"hours\":\"1\"}]", "householdIds", "", "category", "CARE"));
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> consumer.consume(completed));
        assertTrue(refused.getMessage().contains("NOPE" + d.prefix), refused::getMessage);
        assertEquals(0, Gateway.get(Members.member(d, "m", d.communityA), "/checkin/services/mine").json().getList("items").size());
    }
}
