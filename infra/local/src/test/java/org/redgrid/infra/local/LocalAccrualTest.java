package org.redgrid.infra.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redgrid.infra.template.SamTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Check-in → points end to end in the local runtime: a party member logs a service, the grid leader verifies it
 * (through the gateway and the packaged HTTP function); the checkin.ServiceVerified event, written with the
 * verification, reaches PointsAccrualFunction through CheckinTable's stream, and the member's household earns the
 * hours by the community's SERVICE_HOUR rule, once. The stream is then delivered again from its start (positions forgotten, restart on the same
 * data): the balance and statement are unchanged and the redelivery writes nothing to the ledger.
 */
class LocalAccrualTest {

    private static final String ACCRUAL_FUNCTION = "PointsAccrualFunction";
    /** Minutes of the service the test logs. */
    private static final int MINUTES = 90;

    @TempDir
    Path state;

    @Test
    void aVerifiedServiceEarnsTheMembersHouseholdItsPointsOnceEvenWhenTheStreamIsDeliveredAgain() throws Exception {
        SamTemplate.StreamSource source = LocalSession.streamOf(ACCRUAL_FUNCTION);
        assertEquals("CheckinTable", source.table());
        Path positions = LocalSession.positions(state, source);
        LocalRedGrid.Options options = LocalSession.options(state);

        String account;
        long before;
        long earned;
        Map<String, BigInteger> ledgerUpTo;
        try (LocalRedGrid local = LocalRedGrid.start(options)) {
            LocalSession s = new LocalSession(local);
            String admin = s.login("community.admin");
            // A member of the test's own, so that whatever the demo data links to its accounts does not matter.
            String login = "member." + UUID.randomUUID();
            String member = local.issuer().idToken(login, List.of("party-member@C01"));
            String household = householdWithMember(s, admin, login);
            account = "HH-" + household;
            before = balance(s, admin, account);
            earned = Math.round(MINUTES / 60.0 * serviceHourPoints(s, admin));

            Map<String, Object> service = Map.of("gridCode", "G0101", "day", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString(),
                    "minutes", MINUTES, "category", "环境整治", "content", "清理楼道堆放杂物", "householdIds", List.of());
            String record = s.expect(201, "POST", "/checkin/services", member, service).path("id").asText();
            s.expect(200, "POST", "/checkin/services/" + record + "/verify", s.login("grid.leader"), null);

            LocalSession.await("the household to earn its points", () -> balance(s, admin, account) == before + earned);
            s.awaitPositionsAtStreamEnd("CheckinTable", positions);
            assertEquals(before + earned, balance(s, admin, account));
            assertEquals(1, statement(s, admin, account).size(), "one ledger line for the one verification");
            ledgerUpTo = s.stream("PointsTable").entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                    e -> e.getValue().isEmpty() ? BigInteger.ONE.negate() : LocalSession.sequence(e.getValue().get(e.getValue().size() - 1))));
        }

        LocalSession.forgetStreamPositions(state);
        try (LocalRedGrid again = LocalRedGrid.start(options)) {
            assertFalse(again.seeded(), "the restart reuses the data");
            LocalSession s = new LocalSession(again);
            s.awaitPositionsAtStreamEnd("CheckinTable", positions);
            String admin = s.login("community.admin");
            assertEquals(List.of(), s.writtenAfter("PointsTable", ledgerUpTo, "ENTRY#", "POSTINGS#", "ACCOUNT#", "PROCESSED#"),
                    "the redelivered event posted nothing");
            assertEquals(before + earned, balance(s, admin, account));
            assertEquals(1, statement(s, admin, account).size());
        }
    }

    /** Points per verified hour by C01's SERVICE_HOUR rule; the rule is made (10 a hour) when the demo data has none. */
    private static long serviceHourPoints(LocalSession s, String admin) throws Exception {
        for (JsonNode rule : s.expect(200, "GET", "/points/communities/C01/rules", admin, null)) {
            if ("SERVICE_HOUR".equals(rule.path("kind").asText()) && rule.path("active").asBoolean(true)) {
                return rule.path("points").asLong();
            }
        }
        return s.expect(201, "POST", "/points/communities/C01/rules", admin,
                Map.of("kind", "SERVICE_HOUR", "name", "志愿服务（每小时）", "points", 10)).path("points").asLong();
    }

    /** A person in a new household, linked to {@code login}; returns the household's id. */
    private static String householdWithMember(LocalSession s, String admin, String login) throws Exception {
        String household = s.expect(201, "POST", "/directory/households", admin,
                Map.of("nodeCode", "B010102", "address", "幸福小区2号楼502室", "label", "党员之家")).path("id").asText();
        s.expect(201, "POST", "/directory/people", admin, Map.of("name", "陈党员", "phone", "13800090001",
                "householdId", household, "account", login));
        return household;
    }

    private static long balance(LocalSession s, String token, String account) throws Exception {
        HttpResponse<String> r = s.send("GET", "/points/accounts/" + account, token, null, null);
        return r.statusCode() == 404 ? 0 : LocalSession.JSON.readTree(r.body()).path("balance").asLong();
    }

    private static List<JsonNode> statement(LocalSession s, String token, String account) throws Exception {
        JsonNode page = s.expect(200, "GET", "/points/accounts/" + account + "/statement?limit=100", token, null);
        List<JsonNode> lines = new java.util.ArrayList<>();
        page.path("items").forEach(lines::add);
        return lines;
    }
}
