package org.redgrid.infra.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redgrid.infra.template.SamTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * The stream consumers end to end in the local runtime, through the gateway and the packaged functions, in one start
 * and one restart of the runtime (each start costs the suite tens of seconds):
 * <ul>
 * <li>check-in → points: a party member logs a service and the grid leader verifies it; the checkin.ServiceVerified
 * event, written with the verification, reaches PointsAccrualFunction through CheckinTable's stream, and the member's
 * household earns the hours by the community's SERVICE_HOUR rule, once;</li>
 * <li>the directory's event path: a person moved to another grid and a building moved to another grid; their events
 * reach DirectoryEventsFunction through DirectoryTable's stream, and each node's activity feed holds exactly one line
 * per event.</li>
 * </ul>
 * Then the streams are delivered again from their start (saved positions deleted, restart on the same data): the
 * balance, statement and feeds are unchanged and the redelivery writes nothing.
 */
class LocalStreamsTest {

    private static final ObjectMapper JSON = LocalSession.JSON;
    private static final String TABLE = "DirectoryTable";
    private static final String STREAM_FUNCTION = "DirectoryEventsFunction";
    private static final String PERSON_MOVED = "directory.PersonMoved";
    private static final String NODE_MOVED = "directory.NodeMoved";
    private static final String ACCRUAL_FUNCTION = "PointsAccrualFunction";
    /** Minutes of the service the test logs. */
    private static final int MINUTES = 90;

    @TempDir
    Path state;

    /** What the first run left: the household's balance and the ledger's stream read up to. */
    private record Earned(String account, long balance, Map<String, BigInteger> ledgerUpTo) {
    }

    /** What the first run left: the feeds and DirectoryTable's stream read up to. */
    private record Moved(Map<String, List<String>> feeds, Map<String, BigInteger> deliveredUpTo) {
    }

    @Test
    void eachEventActsOnceAndARedeliveredStreamChangesNothing() throws Exception {
        SamTemplate.StreamSource accrualSource = LocalSession.streamOf(ACCRUAL_FUNCTION);
        assertEquals("CheckinTable", accrualSource.table());
        Path accrualPositions = LocalSession.positions(state, accrualSource);
        Path positions = LocalSession.positions(state, LocalSession.streamOf(STREAM_FUNCTION));
        LocalRedGrid.Options options = LocalSession.options(state);

        Earned earned;
        Moved moved;
        int dynamoPort;
        try (LocalRedGrid local = LocalRedGrid.start(options)) {
            dynamoPort = local.dynamoPort();
            LocalSession session = new LocalSession(local);
            // The accrual first: its household and person are directory writes, taken in before the moves are.
            earned = earn(local, session, accrualPositions);
            moved = move(session, positions);
        }
        assertFree(options.port());
        assertFree(dynamoPort);

        // Lambda delivers at least once: forget where the streams were read up to, so that they are delivered again.
        LocalSession.forgetStreamPositions(state);
        int dynamoPortAgain;
        try (LocalRedGrid again = LocalRedGrid.start(options)) {
            dynamoPortAgain = again.dynamoPort();
            assertFalse(again.seeded(), "the restart reuses the data");
            LocalSession session = new LocalSession(again);
            String admin = session.login("community.admin");
            session.awaitPositionsAtStreamEnd("CheckinTable", accrualPositions);
            session.awaitPositionsAtStreamEnd(TABLE, positions);
            assertEquals(List.of(), session.writtenAfter("PointsTable", earned.ledgerUpTo(), "ENTRY#", "POSTINGS#", "ACCOUNT#", "PROCESSED#"),
                    "the redelivered service event posted nothing");
            assertEquals(earned.balance(), balance(session, admin, earned.account()));
            assertEquals(1, statement(session, admin, earned.account()).size());
            // A feed line is keyed by time and event id, so a second consumption would rewrite it unchanged and the
            // feeds alone could not tell; the stream can: whatever the redelivery wrote would follow deliveredUpTo.
            assertEquals(List.of(), session.writtenAfter(TABLE, moved.deliveredUpTo(), "PROCESSED#", "ACTIVITY#"),
                    "the redelivered move events had no effect");
            assertFeeds(session, admin, moved.feeds());
        }
        assertFree(options.port());
        assertFree(dynamoPortAgain);
    }

    /** A member's verified service earns their household its points, once. */
    private static Earned earn(LocalRedGrid local, LocalSession s, Path positions) throws Exception {
        String admin = s.login("community.admin");
        // A member of the test's own, so that whatever the demo data links to its accounts does not matter.
        String login = "member." + UUID.randomUUID();
        String member = local.issuer().idToken(login, List.of("party-member@C01"));
        String account = "HH-" + householdWithMember(s, admin, login);
        long before = balance(s, admin, account);
        long earned = Math.round(MINUTES / 60.0 * serviceHourPoints(s, admin));

        Map<String, Object> service = Map.of("gridCode", "G0101", "day", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString(),
                "minutes", MINUTES, "category", "环境整治", "content", "清理楼道堆放杂物", "householdIds", List.of());
        String record = s.expect(201, "POST", "/checkin/services", member, service).path("id").asText();
        s.expect(200, "POST", "/checkin/services/" + record + "/verify", s.login("grid.leader"), null);

        LocalSession.await("the household to earn its points", () -> balance(s, admin, account) == before + earned);
        s.awaitPositionsAtStreamEnd("CheckinTable", positions);
        assertEquals(before + earned, balance(s, admin, account));
        assertEquals(1, statement(s, admin, account).size(), "one ledger line for the one verification");
        Map<String, BigInteger> ledgerUpTo = s.stream("PointsTable").entrySet().stream().collect(java.util.stream.Collectors.toMap(
                Map.Entry::getKey, e -> e.getValue().isEmpty() ? BigInteger.ONE.negate() : LocalSession.sequence(e.getValue().get(e.getValue().size() - 1))));
        return new Earned(account, before + earned, ledgerUpTo);
    }

    /** A person and a building move; each move reaches its feeds once. */
    private Moved move(LocalSession session, Path positions) throws Exception {
        String admin = session.login("community.admin");
        String name = "迁居验证";
        String key = UUID.randomUUID().toString();
        Map<String, Object> newPerson = Map.of("name", name, "phone", "13800099001", "homeNodeCode", "G0101");
        HttpResponse<String> created = session.send("POST", "/directory/people", admin, newPerson, key);
        assertEquals(201, created.statusCode(), created::body);
        JsonNode person = JSON.readTree(created.body());
        String id = person.path("id").asText();
        HttpResponse<String> retried = session.send("POST", "/directory/people", admin, newPerson, key);
        assertEquals(id, JSON.readTree(retried.body()).path("id").asText(), "a retried POST registers once: " + retried.body());

        HttpResponse<String> moved = session.send("PATCH", "/directory/people/" + id, admin,
                Map.of("homeNodeCode", "G0102", "version", person.path("version").asLong()), null);
        assertEquals(200, moved.statusCode(), moved::body);
        assertEquals("G0102", JSON.readTree(moved.body()).path("homeNodeCode").asText());

        HttpResponse<String> building = session.send("POST", "/directory/nodes/B010103/move", admin, Map.of("parentCode", "G0102"), null);
        assertEquals(200, building.statusCode(), building::body);
        assertEquals("G0102", JSON.readTree(building.body()).path("parentCode").asText());

        // The consumer's wording (ActivityFeed): a person move gives the old and the new grid a line; a node move
        // gives the node, its old parent and its new parent one each. The demo data has no moves of its own.
        Map<String, List<String>> feeds = new LinkedHashMap<>();
        feeds.put("G0101", sorted(line(PERSON_MOVED, name + " 迁出至 G0102", id, "G0101", "G0102"),
                line(NODE_MOVED, "B010103 移出至 G0102", "", "G0101", "G0102")));
        feeds.put("G0102", sorted(line(PERSON_MOVED, name + " 迁入（原居住 G0101）", id, "G0101", "G0102"),
                line(NODE_MOVED, "B010103 移入（原属 G0101）", "", "G0101", "G0102")));
        feeds.put("B010103", List.of(line(NODE_MOVED, "由 G0101 移至 G0102", "", "G0101", "G0102")));
        LocalSession.await("every move to reach its feeds", () -> feedsHold(session, admin, feeds));
        Map<String, BigInteger> deliveredUpTo = session.awaitPositionsAtStreamEnd(TABLE, positions);
        assertFeeds(session, admin, feeds);

        List<Record> stream = session.records(TABLE);
        List<Record> events = stream.stream().filter(LocalSession.keyed("EVENT#")).toList();
        assertEquals(List.of(PERSON_MOVED, NODE_MOVED), events.stream().map(r -> r.dynamodb().newImage().get("eventType").s()).toList(),
                "one outbox item per move, in the order of the moves");
        assertTrue(events.stream().allMatch(r -> r.eventNameAsString().equals("INSERT")));
        assertEquals(2, stream.stream().filter(LocalSession.keyed("PROCESSED#")).count(), "each event consumed once");
        assertEquals(5, stream.stream().filter(LocalSession.keyed("ACTIVITY#")).count(), "five feed lines written");
        return new Moved(feeds, deliveredUpTo);
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

    private static String line(String type, String summary, String personId, String from, String to) {
        return type + " | " + summary + " | " + personId + " | " + from + " -> " + to;
    }

    private static List<String> sorted(String... lines) {
        return Stream.of(lines).sorted().toList();
    }

    /** Each feed holds (at least) its lines. */
    private boolean feedsHold(LocalSession local, String token, Map<String, List<String>> expected) throws IOException, InterruptedException {
        for (var e : expected.entrySet()) {
            if (!feed(local, token, e.getKey()).containsAll(e.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** Each feed holds exactly its lines: one per event. */
    private void assertFeeds(LocalSession local, String token, Map<String, List<String>> expected) throws IOException, InterruptedException {
        for (var e : expected.entrySet()) {
            assertEquals(e.getValue(), feed(local, token, e.getKey()), "the feed of " + e.getKey() + ", one line per event");
        }
    }

    private List<String> feed(LocalSession local, String token, String node) throws IOException, InterruptedException {
        HttpResponse<String> r = local.send("GET", "/directory/nodes/" + node + "/activity?limit=100", token, null, null);
        assertEquals(200, r.statusCode(), r::body);
        List<String> out = new ArrayList<>();
        for (JsonNode a : JSON.readTree(r.body()).path("items")) {
            out.add(line(a.path("type").asText(), a.path("summary").asText(), a.path("personId").asText(""),
                    a.path("fromNode").asText(), a.path("toNode").asText()));
        }
        return out.stream().sorted().toList();
    }

    private static void assertFree(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertTrue(s.isBound());
        } catch (IOException e) {
            throw new AssertionError("port " + port + " is still in use after shutdown", e);
        }
    }
}
