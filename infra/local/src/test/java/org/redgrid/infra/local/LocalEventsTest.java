package org.redgrid.infra.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.net.http.HttpResponse;
import java.nio.file.Path;
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
 * The event path of the directory end to end in the local runtime: a person moved to another grid and a building
 * moved to another grid, through the gateway and the packaged HTTP function; their events, written with the change,
 * reach the stream function through DirectoryTable's stream and the StreamPoller as Lambda DynamoDB events; each node's
 * activity feed then holds exactly one line per event. The stream is then delivered again from its start (saved
 * positions deleted, restart on the same data): the feeds are unchanged and the redelivery writes nothing.
 */
class LocalEventsTest {

    private static final ObjectMapper JSON = LocalSession.JSON;
    private static final String TABLE = "DirectoryTable";
    private static final String STREAM_FUNCTION = "DirectoryEventsFunction";
    private static final String PERSON_MOVED = "directory.PersonMoved";
    private static final String NODE_MOVED = "directory.NodeMoved";
    @TempDir
    Path state;

    @Test
    void movesReachEachFeedOnceAndARedeliveredStreamChangesNothing() throws Exception {
        SamTemplate.StreamSource source = LocalSession.streamOf(STREAM_FUNCTION);
        Path positions = LocalSession.positions(state, source);
        LocalRedGrid.Options options = LocalSession.options(state);

        Map<String, List<String>> feeds;
        Map<String, BigInteger> deliveredUpTo;
        int dynamoPort;
        try (LocalRedGrid local = LocalRedGrid.start(options)) {
            dynamoPort = local.dynamoPort();
            LocalSession session = new LocalSession(local);
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
            feeds = new LinkedHashMap<>();
            feeds.put("G0101", sorted(line(PERSON_MOVED, name + " 迁出至 G0102", id, "G0101", "G0102"),
                    line(NODE_MOVED, "B010103 移出至 G0102", "", "G0101", "G0102")));
            feeds.put("G0102", sorted(line(PERSON_MOVED, name + " 迁入（原居住 G0101）", id, "G0101", "G0102"),
                    line(NODE_MOVED, "B010103 移入（原属 G0101）", "", "G0101", "G0102")));
            feeds.put("B010103", List.of(line(NODE_MOVED, "由 G0101 移至 G0102", "", "G0101", "G0102")));
            LocalSession.await("every move to reach its feeds", () -> feedsHold(session, admin, feeds));
            deliveredUpTo = session.awaitPositionsAtStreamEnd(TABLE, positions);
            assertFeeds(session, admin, feeds);

            List<Record> stream = session.records(TABLE);
            List<Record> events = stream.stream().filter(LocalSession.keyed("EVENT#")).toList();
            assertEquals(List.of(PERSON_MOVED, NODE_MOVED), events.stream().map(r -> r.dynamodb().newImage().get("eventType").s()).toList(),
                    "one outbox item per move, in the order of the moves");
            assertTrue(events.stream().allMatch(r -> r.eventNameAsString().equals("INSERT")));
            assertEquals(2, stream.stream().filter(LocalSession.keyed("PROCESSED#")).count(), "each event consumed once");
            assertEquals(5, stream.stream().filter(LocalSession.keyed("ACTIVITY#")).count(), "five feed lines written");
        }
        assertFree(options.port());
        assertFree(dynamoPort);

        // Lambda delivers at least once: forget where the stream was read up to, so that it is delivered again.
        LocalSession.forgetStreamPositions(state);
        int dynamoPortAgain;
        try (LocalRedGrid again = LocalRedGrid.start(options)) {
            dynamoPortAgain = again.dynamoPort();
            assertFalse(again.seeded(), "the restart reuses the data");
            LocalSession session = new LocalSession(again);
            String admin = session.login("community.admin");
            session.awaitPositionsAtStreamEnd(TABLE, positions);
            // A feed line is keyed by time and event id, so a second consumption would rewrite it unchanged and the
            // feeds alone could not tell; the stream can: whatever the redelivery wrote would follow deliveredUpTo.
            assertEquals(List.of(), session.writtenAfter(TABLE, deliveredUpTo, "PROCESSED#", "ACTIVITY#"),
                    "the redelivered events had no effect");
            assertFeeds(session, admin, feeds);
        }
        assertFree(options.port());
        assertFree(dynamoPortAgain);
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
