package org.redgrid.points;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.redgrid.infra.dynamodb.DynamoEngineResource;
import org.redgrid.points.control.PointsRules;
import org.redgrid.points.entity.RuleKind;
import org.redgrid.testkit.Gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The rule catalogue: versions kept, accrual by the current rule once per source, monthly caps under contention. */
@QuarkusTest
@QuarkusTestResource(DynamoEngineResource.class)
class RulesTest {

    static final Instant NOV = Instant.parse("2026-11-20T02:00:00Z");

    @Inject
    PointsRules rules;

    @Test
    void aChangeIsANewVersionAndEntriesNameTheVersionThatPaidThem() {
        PointsWorld w = new PointsWorld();
        String c = w.d.communityA;
        assertEquals("SERVICE_HOUR", w.rule(w.d.adminA, c, "SERVICE_HOUR", 10, Map.of()));
        Gateway.Reply again = Gateway.post(w.d.adminA, "/points/communities/" + c + "/rules",
                Map.of("kind", "SERVICE_HOUR", "name", "志愿服务", "points", 5));
        assertEquals(409, again.status(), again::toString);
        assertEquals("RULE_EXISTS", again.json().getString("code"));
        String h = w.household(w.d.gridA1);

        PointsRules.Accrual first = rules.accrue(c, RuleKind.SERVICE_HOUR, h, new BigDecimal("1.5"), "ev-1-" + h, NOV);
        assertEquals(PointsRules.Accrual.Outcome.POSTED, first.outcome());
        assertEquals(15, first.points());
        assertEquals(1, first.ruleVersion());

        Gateway.Reply changed = Gateway.call(w.d.adminA, "PUT", "/points/communities/" + c + "/rules/SERVICE_HOUR",
                Map.of("name", "志愿服务（新）", "points", 12, "active", true, "version", 1));
        assertEquals(200, changed.status(), changed::toString);
        assertEquals(2, changed.json().getInt("version"));
        Gateway.Reply stale = Gateway.call(w.d.adminA, "PUT", "/points/communities/" + c + "/rules/SERVICE_HOUR",
                Map.of("name", "过期的修改", "points", 1, "active", true, "version", 1));
        assertEquals(409, stale.status(), stale::toString);
        assertEquals("VERSION_CONFLICT", stale.json().getString("code"));

        PointsRules.Accrual second = rules.accrue(c, RuleKind.SERVICE_HOUR, h, BigDecimal.ONE, "ev-2-" + h, NOV);
        assertEquals(12, second.points());
        assertEquals(2, second.ruleVersion());
        PointsRules.Accrual replay = rules.accrue(c, RuleKind.SERVICE_HOUR, h, BigDecimal.ONE, "ev-2-" + h, NOV);
        assertEquals(PointsRules.Accrual.Outcome.ALREADY_POSTED, replay.outcome());
        assertEquals(second.entryId(), replay.entryId());
        assertEquals(27, w.balance(PointsWorld.hh(h)));

        Gateway.Reply versions = Gateway.get(w.d.workerA1, "/points/communities/" + c + "/rules/SERVICE_HOUR/versions");
        assertEquals(200, versions.status(), versions::toString);
        assertEquals(List.of(10, 12), versions.json().getList("points", Integer.class));
        Gateway.Reply current = Gateway.get(w.d.workerA1, "/points/communities/" + c + "/rules");
        assertEquals(List.of("志愿服务（新）"), current.json().getList("name", String.class));

        assertEquals(PointsRules.Accrual.Outcome.NO_RULE,
                rules.accrue(c, RuleKind.PROJECT_HOUR, h, BigDecimal.ONE, "ev-3-" + h, NOV).outcome());
        assertEquals(PointsRules.Accrual.Outcome.OTHER_COMMUNITY,
                rules.accrue(w.d.communityB, RuleKind.SERVICE_HOUR, h, BigDecimal.ONE, "ev-4-" + h, NOV).outcome());
        assertEquals(PointsRules.Accrual.Outcome.NO_ACCOUNT,
                rules.accrue(c, RuleKind.SERVICE_HOUR, "nobody-" + w.d.prefix, BigDecimal.ONE, "ev-5", NOV).outcome());

        Gateway.Reply report = Gateway.get(w.d.adminA, "/points/communities/" + c + "/report?month=" + monthNow());
        assertEquals(200, report.status(), report::toString);
        assertEquals(27, report.json().getInt("byRule.find { it.ruleId == 'SERVICE_HOUR' }.points"), report::toString);
        assertEquals(27, report.json().getInt("byKind.SERVICE_HOUR"));
        assertEquals(12, report.json().getList("series").size());
    }

    @Test
    void aHouseholdNeverEarnsOverItsMonthlyCapsHoweverManyAccrualsRace() throws Exception {
        PointsWorld w = new PointsWorld();
        String c = w.d.communityA;
        w.settings(c, Map.of("householdMonthlyCap", 55));
        w.rule(w.d.adminA, c, "SERVICE_HOUR", 10, Map.of("monthlyCap", 1000));
        w.rule(w.d.adminA, c, "PROJECT_HOUR", 10, Map.of("monthlyCap", 30));
        String h = w.household(w.d.gridA1);
        List<java.util.concurrent.Callable<PointsRules.Accrual>> calls = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            RuleKind kind = i % 2 == 0 ? RuleKind.SERVICE_HOUR : RuleKind.PROJECT_HOUR;
            String source = "race-" + i + "-" + h;
            calls.add(() -> rules.accrue(c, kind, h, BigDecimal.ONE, source, NOV));
        }
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<PointsRules.Accrual> done = new ArrayList<>();
        try {
            for (Future<PointsRules.Accrual> f : pool.invokeAll(calls)) {
                done.add(f.get());
            }
        } finally {
            pool.shutdown();
        }
        long byProject = done.stream().filter(a -> "PROJECT_HOUR".equals(a.ruleId())).mapToLong(PointsRules.Accrual::points).sum();
        long total = done.stream().mapToLong(PointsRules.Accrual::points).sum();
        assertEquals(55, total, done::toString);
        assertTrue(byProject <= 30, "the rule's own cap: " + byProject);
        assertEquals(55, w.balance(PointsWorld.hh(h)));
        assertTrue(done.stream().anyMatch(a -> a.outcome() == PointsRules.Accrual.Outcome.CAPPED));
        assertEquals(PointsRules.Accrual.Outcome.POSTED,
                rules.accrue(c, RuleKind.SERVICE_HOUR, h, BigDecimal.ONE, "next-month-" + h, Instant.parse("2026-12-02T02:00:00Z")).outcome(),
                "a new month, new room");
        assertTrue(w.chain(PointsWorld.hh(h)).json().getBoolean("intact"));
        assertEquals(true, w.trialBalance(c).get("balanced"));
    }

    @Test
    void aManualAwardUnderACategoryIsRefusedBeyondItsCap() {
        PointsWorld w = new PointsWorld();
        String c = w.d.communityA;
        String category = w.rule(w.d.adminA, c, "MANUAL", 1, Map.of("monthlyCap", 40));
        String h = w.household(w.d.gridA1);
        Gateway.Reply first = Gateway.post(w.d.workerA1, "/points/awards",
                Map.of("householdId", h, "points", 30, "reason", "邻里互助", "ruleId", category));
        assertEquals(201, first.status(), first::toString);
        Gateway.Reply over = Gateway.post(w.d.workerA1, "/points/awards",
                Map.of("householdId", h, "points", 20, "reason", "邻里互助", "ruleId", category));
        assertEquals(409, over.status(), over::toString);
        assertEquals("MONTHLY_CAP_REACHED", over.json().getString("code"));
        assertEquals(10, over.json().getInt("room"));
        Gateway.Reply unknown = Gateway.post(w.d.workerA1, "/points/awards",
                Map.of("householdId", h, "points", 5, "reason", "邻里互助", "ruleId", "SERVICE_HOUR"));
        assertEquals(400, unknown.status(), unknown::toString);
        assertEquals(30, w.balance(PointsWorld.hh(h)));
        Gateway.Reply bad = Gateway.post(w.d.adminA, "/points/communities/" + c + "/rules", Map.of("kind", "NOPE", "name", "x", "points", 1));
        assertEquals(400, bad.status(), bad::toString);
        assertEquals("application/problem+json", bad.header("Content-Type"));
    }

    static String monthNow() {
        return java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
    }
}
