package org.redgrid.points;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.junit.jupiter.api.Test;
import org.redgrid.kernel.events.DomainEvent;
import org.redgrid.kernel.events.EventConsumer;
import org.redgrid.points.control.EventAccrual;
import org.redgrid.testkit.Gateway;
import org.redgrid.infra.dynamodb.DynamoEngineResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Accrual from other domains' events: once per event id however often it is delivered, capped per month. */
@QuarkusTest
@QuarkusTestResource(DynamoEngineResource.class)
class EventAccrualTest {

    @Inject
    @Named(EventAccrual.NAME)
    EventConsumer consumer;

    @Test
    void aReplayedEventAccruesOnceAndTheMonthlyCapHolds() {
        PointsWorld w = new PointsWorld();
        String h1 = w.household(w.d.gridA1);
        String h2 = w.household(w.d.gridA1);
        DomainEvent verified = event(EventAccrual.SERVICE_VERIFIED, "E1" + w.d.prefix, h1 + "," + h2, "2.5");

        consumer.consume(verified);
        consumer.consume(verified);
        assertEquals(25, w.balance(PointsWorld.hh(h1)));
        assertEquals(25, w.balance(PointsWorld.hh(h2)));
        Gateway.Reply statement = Gateway.get(w.d.workerA1, "/points/accounts/" + PointsWorld.hh(h1) + "/statement");
        assertEquals(1, statement.json().getList("items").size(), statement::toString);

        DomainEvent project = event(EventAccrual.PROJECT_COMPLETED, "E2" + w.d.prefix, h2, null);
        consumer.consume(project);
        consumer.consume(project);
        assertEquals(45, w.balance(PointsWorld.hh(h2)));

        consumer.consume(event(EventAccrual.SERVICE_VERIFIED, "E3" + w.d.prefix, h1, "30"));
        assertEquals(200, w.balance(PointsWorld.hh(h1)), "capped at 200 a month");
        consumer.consume(event(EventAccrual.SERVICE_VERIFIED, "E4" + w.d.prefix, h1, "1"));
        assertEquals(200, w.balance(PointsWorld.hh(h1)));
        consumer.consume(event("other.Thing", "E5" + w.d.prefix, h1, "1"));
        assertTrue(w.chain(PointsWorld.hh(h1)).json().getBoolean("intact"));
        Map<String, Object> tb = w.trialBalance(w.d.communityA);
        assertEquals(true, tb.get("balanced"), tb::toString);
        assertEquals(245L, ((Number) tb.get("issued")).longValue());
    }

    private static DomainEvent event(String type, String id, String households, String hours) {
        Map<String, String> data = hours == null ? Map.of("projectId", "P1", "householdIds", households, "category", "微实事")
                : Map.of("memberId", "M1", "householdIds", households, "hours", hours, "category", "环境整治");
        return new DomainEvent(id, type, "2026-11-20T02:00:00Z", null, "verifier", data);
    }
}
