package org.redgrid.points;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.junit.jupiter.api.Test;
import org.redgrid.infra.dynamodb.DynamoEngineResource;
import org.redgrid.kernel.events.DomainEvent;
import org.redgrid.kernel.events.EventConsumer;
import org.redgrid.points.control.EventAccrual;
import org.redgrid.testkit.DemoDistrict;
import org.redgrid.testkit.Gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Accrual from check-in's verified service: the member's household (found through the directory) is credited once
 * per event id however often it is delivered, capped per month; other events earn nothing here.
 */
@QuarkusTest
@QuarkusTestResource(DynamoEngineResource.class)
class EventAccrualTest {

    @Inject
    @Named(EventAccrual.NAME)
    EventConsumer consumer;

    @Test
    void aReplayedServiceAccruesOnceToTheMembersHouseholdAndTheMonthlyCapHolds() {
        PointsWorld w = new PointsWorld();
        String household = w.d.household(w.d.buildingA11, "1号楼 1单元 101");
        String member = member(w.d, household, "1");
        DomainEvent verified = verified("E1" + w.d.prefix, member, "2.5");

        consumer.consume(verified);
        consumer.consume(verified);
        String account = PointsWorld.hh(household);
        assertEquals(25, w.balance(account), "2.5 h × 10, once, to the household's account opened where it lives");
        Gateway.Reply statement = Gateway.get(w.d.workerA1, "/points/accounts/" + account + "/statement");
        assertEquals(1, statement.json().getList("items").size(), statement::toString);

        consumer.consume(verified("E2" + w.d.prefix, member, "30"));
        assertEquals(200, w.balance(account), "capped at 200 a month");
        consumer.consume(verified("E3" + w.d.prefix, member, "1"));
        assertEquals(200, w.balance(account));
        assertTrue(w.chain(account).json().getBoolean("intact"));
        Map<String, Object> tb = w.trialBalance(w.d.communityA);
        assertEquals(true, tb.get("balanced"), tb::toString);
        assertEquals(200L, ((Number) tb.get("issued")).longValue());
    }

    @Test
    void aHouseholdsExistingAccountIsCreditedAndOtherEventsOrMembersWithoutAHouseholdEarnNothing() {
        PointsWorld w = new PointsWorld();
        String household = w.d.household(w.d.gridA1, "和平路 8 号");
        assertEquals(201, Gateway.post(w.d.workerA1, "/points/accounts", Map.of("householdId", household, "nodeCode", w.d.gridA1)).status());
        String member = member(w.d, household, "2");
        String loner = "loner-" + w.d.prefix;
        assertEquals(201, Gateway.post(w.d.districtAdmin, "/directory/people", Map.of("name", "钱独居", "phone", "13800007203",
                "idNumber", DemoDistrict.idNumber(), "homeNodeCode", w.d.gridA1, "account", loner)).status());

        consumer.consume(verified("E4" + w.d.prefix, loner, "3"));
        consumer.consume(verified("E5" + w.d.prefix, "nobody-" + w.d.prefix, "3"));
        consumer.consume(new DomainEvent("E6" + w.d.prefix, "lists.ProjectCompleted", "2026-11-20T02:00:00Z", w.d.communityA, "admin",
                Map.of("projectId", "P1", "householdIds", household, "participants", member)));
        assertEquals(0, w.balance(PointsWorld.hh(household)), "a project earns points through check-in's service records only");
        assertEquals(0L, ((Number) w.trialBalance(w.d.communityA).get("issued")).longValue());

        consumer.consume(verified("E7" + w.d.prefix, member, "0.75"));
        assertEquals(8, w.balance(PointsWorld.hh(household)), "0.75 h × 10 rounds half up");
    }

    /** A person with a login in the household; returns the login. */
    private static String member(DemoDistrict d, String household, String n) {
        String login = "member-" + n + "-" + d.prefix;
        Gateway.Reply r = Gateway.post(d.districtAdmin, "/directory/people", Map.of("name", "党员" + n, "phone", "1380000720" + n,
                "idNumber", DemoDistrict.idNumber(), "householdId", household, "account", login));
        assertEquals(201, r.status(), r::toString);
        return login;
    }

    private static DomainEvent verified(String id, String member, String hours) {
        return new DomainEvent(id, EventAccrual.SERVICE_VERIFIED, "2026-11-20T02:00:00Z", null, "verifier",
                Map.of("recordId", "R" + id, "memberId", member, "householdIds", "HB1", "hours", hours, "category", "环境整治"));
    }
}
