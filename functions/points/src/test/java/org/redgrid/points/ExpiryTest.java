package org.redgrid.points;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.redgrid.infra.dynamodb.DynamoEngineResource;
import org.redgrid.points.control.ChainAudit;
import org.redgrid.points.control.Expiry;
import org.redgrid.points.control.PointsRules;
import org.redgrid.points.entity.RuleKind;
import org.redgrid.testkit.Gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Expiry takes what is left of the expiring year only, once per household and year; the scheduled chain audit. */
@QuarkusTest
@QuarkusTestResource(DynamoEngineResource.class)
class ExpiryTest {

    @Inject
    PointsRules rules;

    @Inject
    Expiry expiry;

    @Inject
    ChainAudit audit;

    @Test
    void pointsOfAnExpiredYearExpireOnceAndNeverPointsEarnedLater() {
        PointsWorld w = new PointsWorld();
        String c = w.d.communityA;
        String path = "/points/communities/" + c + "/expiry";
        Gateway.Reply noPolicy = Gateway.get(w.d.adminA, path);
        assertEquals(409, noPolicy.status(), noPolicy::toString);
        assertEquals("NO_EXPIRY_POLICY", noPolicy.json().getString("code"));
        w.settings(c, Map.of("expiryMonths", 6));
        w.rule(w.d.adminA, c, "SERVICE_HOUR", 10, Map.of());
        String h = w.household(w.d.gridA1);
        String other = w.household(w.d.gridA1);
        rules.accrue(c, RuleKind.SERVICE_HOUR, h, new BigDecimal(2), "old-" + h, Instant.parse("2025-06-01T02:00:00Z"));
        rules.accrue(c, RuleKind.SERVICE_HOUR, other, new BigDecimal(1), "old-" + other, Instant.parse("2025-03-01T02:00:00Z"));
        w.awarded(h, 30);
        String store = w.store(c);
        String good = w.good(store, "肥皂", 15, 10);
        assertEquals(201, w.redeem(store, good, h, 1).status(), "the oldest points go first: 15 of 2025's 20");

        Gateway.Reply early = Gateway.get(w.d.adminA, path + "?asOf=2026-06-30T15:59:59Z");
        assertEquals(0, early.json().getInt("points"), "2025's points last until 2026-07-01 China time");
        Gateway.Reply preview = Gateway.get(w.d.adminA, path + "?asOf=2026-06-30T16:00:00Z");
        assertEquals(200, preview.status(), preview::toString);
        assertEquals(15, preview.json().getInt("points"), preview::toString);
        assertEquals(35, w.balance(PointsWorld.hh(h)), "a preview changes nothing");

        Gateway.Reply applied = Gateway.post(w.d.adminA, path + "?asOf=2026-07-01T00:00:00Z", null);
        assertEquals(200, applied.status(), applied::toString);
        assertEquals(15, applied.json().getInt("points"));
        assertEquals(30, w.balance(PointsWorld.hh(h)), "2026's award is untouched");
        assertEquals(0, w.balance(PointsWorld.hh(other)));
        Expiry.Result rerun = expiry.run(c, Instant.parse("2026-08-01T00:00:00Z"));
        assertEquals(0, rerun.points(), "once per household and year");
        assertEquals(30, w.balance(PointsWorld.hh(h)));

        Map<String, Object> tb = w.trialBalance(c);
        assertEquals(true, tb.get("balanced"), tb::toString);
        assertEquals(15L, ((Number) tb.get("expired")).longValue());
        Gateway.Reply statement = Gateway.get(w.d.adminA, "/points/accounts/" + PointsWorld.hh(h) + "/statement");
        assertEquals("EXPIRY", statement.json().getString("items[0].kind"));
        assertEquals(-5, statement.json().getInt("items[0].amount"));

        ChainAudit.Result checked = audit.run(c);
        assertTrue(checked.intact(), checked::toString);
        assertEquals(4, checked.accounts(), "two households, the store, the budget");
        assertTrue(audit.runAll().stream().anyMatch(r -> r.communityCode().equals(c)));
        Gateway.Reply viaRoute = Gateway.get(w.d.adminA, "/points/communities/" + c + "/chain-check");
        assertEquals(true, viaRoute.json().getBoolean("intact"), viaRoute::toString);
        assertEquals(List.of(), viaRoute.json().getList("breaks"));
        Gateway.Reply badTime = Gateway.get(w.d.adminA, path + "?asOf=tomorrow");
        assertEquals(400, badTime.status(), badTime::toString);
    }
}
