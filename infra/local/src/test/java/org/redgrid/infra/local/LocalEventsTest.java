package org.redgrid.infra.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redgrid.infra.dynamodb.DynamoEngine;
import org.redgrid.infra.template.SamTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The event path of the directory end to end in the local runtime: a person moved to another grid and a building
 * moved to another grid, through the gateway and the packaged HTTP function; their events, written with the change,
 * reach the stream function through DirectoryTable's stream and the StreamPoller as Lambda DynamoDB events; each node's
 * activity feed then holds exactly one line per event. The stream is then delivered again from its start (saved
 * positions deleted, restart on the same data): the feeds are unchanged and the redelivery writes nothing.
 */
class LocalEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TABLE = "DirectoryTable";
    private static final String STREAM_FUNCTION = "DirectoryEventsFunction";
    private static final String PERSON_MOVED = "directory.PersonMoved";
    private static final String NODE_MOVED = "directory.NodeMoved";
    /** Generous for a cold stream function on a busy machine; the polls stop as soon as the condition holds. */
    private static final Duration DEADLINE = Duration.ofSeconds(90);

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path state;

    @Test
    void movesReachEachFeedOnceAndARedeliveredStreamChangesNothing() throws Exception {
        Path checkout = SamTemplate.locate().getParent();
        SamTemplate.StreamSource source = SamTemplate.fromCheckout().streamSources().stream()
                .filter(s -> s.function().equals(STREAM_FUNCTION)).findFirst().orElseThrow();
        Path positions = state.resolve("streams").resolve(source.function() + "." + source.event() + ".json");
        LocalRedGrid.Options options = new LocalRedGrid.Options(LocalRedGrid.freePort(), state, false, checkout);

        Map<String, List<String>> feeds;
        Map<String, BigInteger> deliveredUpTo;
        int dynamoPort;
        try (LocalRedGrid local = LocalRedGrid.start(options)) {
            dynamoPort = local.dynamoPort();
            String admin = login(local, "community.admin");
            String name = "迁居验证";
            String key = UUID.randomUUID().toString();
            Map<String, Object> newPerson = Map.of("name", name, "phone", "13800099001", "homeNodeCode", "G0101");
            HttpResponse<String> created = send(local, "POST", "/directory/people", admin, newPerson, key);
            assertEquals(201, created.statusCode(), created::body);
            JsonNode person = JSON.readTree(created.body());
            String id = person.path("id").asText();
            HttpResponse<String> retried = send(local, "POST", "/directory/people", admin, newPerson, key);
            assertEquals(id, JSON.readTree(retried.body()).path("id").asText(), "a retried POST registers once: " + retried.body());

            HttpResponse<String> moved = send(local, "PATCH", "/directory/people/" + id, admin,
                    Map.of("homeNodeCode", "G0102", "version", person.path("version").asLong()), null);
            assertEquals(200, moved.statusCode(), moved::body);
            assertEquals("G0102", JSON.readTree(moved.body()).path("homeNodeCode").asText());

            HttpResponse<String> building = send(local, "POST", "/directory/nodes/B010103/move", admin, Map.of("parentCode", "G0102"), null);
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
            await("every move to reach its feeds", () -> feedsHold(local, admin, feeds));
            deliveredUpTo = awaitPositionsAtStreamEnd(local, positions);
            assertFeeds(local, admin, feeds);

            List<Record> stream = records(local.dynamoEndpoint());
            List<Record> events = stream.stream().filter(keyed("EVENT#")).toList();
            assertEquals(List.of(PERSON_MOVED, NODE_MOVED), events.stream().map(r -> r.dynamodb().newImage().get("eventType").s()).toList(),
                    "one outbox item per move, in the order of the moves");
            assertTrue(events.stream().allMatch(r -> r.eventNameAsString().equals("INSERT")));
            assertEquals(2, stream.stream().filter(keyed("PROCESSED#")).count(), "each event consumed once");
            assertEquals(5, stream.stream().filter(keyed("ACTIVITY#")).count(), "five feed lines written");
        }
        assertFree(options.port());
        assertFree(dynamoPort);

        // Lambda delivers at least once: forget where the stream was read up to, so that it is delivered again.
        try (Stream<Path> kept = Files.list(state.resolve("streams"))) {
            for (Path file : kept.toList()) {
                Files.delete(file);
            }
        }
        int dynamoPortAgain;
        try (LocalRedGrid again = LocalRedGrid.start(options)) {
            dynamoPortAgain = again.dynamoPort();
            assertFalse(again.seeded(), "the restart reuses the data");
            String admin = login(again, "community.admin");
            awaitPositionsAtStreamEnd(again, positions);
            // A feed line is keyed by time and event id, so a second consumption would rewrite it unchanged and the
            // feeds alone could not tell; the stream can: whatever the redelivery wrote would follow deliveredUpTo.
            List<Record> written = new ArrayList<>();
            stream(again.dynamoEndpoint()).forEach((shard, records) -> records.stream()
                    .filter(r -> sequence(r).compareTo(deliveredUpTo.getOrDefault(shard, BigInteger.ONE.negate())) > 0)
                    .filter(keyed("PROCESSED#").or(keyed("ACTIVITY#"))).forEach(written::add));
            assertEquals(List.of(), written, "the redelivered events had no effect");
            assertFeeds(again, admin, feeds);
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
    private boolean feedsHold(LocalRedGrid local, String token, Map<String, List<String>> expected) throws IOException, InterruptedException {
        for (var e : expected.entrySet()) {
            if (!feed(local, token, e.getKey()).containsAll(e.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** Each feed holds exactly its lines: one per event. */
    private void assertFeeds(LocalRedGrid local, String token, Map<String, List<String>> expected) throws IOException, InterruptedException {
        for (var e : expected.entrySet()) {
            assertEquals(e.getValue(), feed(local, token, e.getKey()), "the feed of " + e.getKey() + ", one line per event");
        }
    }

    private List<String> feed(LocalRedGrid local, String token, String node) throws IOException, InterruptedException {
        HttpResponse<String> r = send(local, "GET", "/directory/nodes/" + node + "/activity?limit=100", token, null, null);
        assertEquals(200, r.statusCode(), r::body);
        List<String> out = new ArrayList<>();
        for (JsonNode a : JSON.readTree(r.body()).path("items")) {
            out.add(line(a.path("type").asText(), a.path("summary").asText(), a.path("personId").asText(""),
                    a.path("fromNode").asText(), a.path("toNode").asText()));
        }
        return out.stream().sorted().toList();
    }

    /**
     * Waits until the saved position of every shard of the table's stream is at its last record (what the consumer
     * writes comes after the events, and the poller passes it too); returns those last sequence numbers by shard.
     */
    private Map<String, BigInteger> awaitPositionsAtStreamEnd(LocalRedGrid local, Path positions) throws Exception {
        Map<String, BigInteger> end = new LinkedHashMap<>();
        await("the stream poller to pass the whole stream (" + positions + ")", () -> {
            end.clear();
            stream(local.dynamoEndpoint()).forEach((shard, records) -> {
                if (!records.isEmpty()) {
                    end.put(shard, sequence(records.get(records.size() - 1)));
                }
            });
            if (end.isEmpty() || !Files.isRegularFile(positions)) {
                return false;
            }
            JsonNode saved = JSON.readTree(positions.toFile()).path("shards");
            return end.entrySet().stream().allMatch(e -> saved.has(e.getKey())
                    && new BigInteger(saved.path(e.getKey()).asText()).compareTo(e.getValue()) >= 0);
        });
        return end;
    }

    /** The table's stream, shard by shard, each read from its start through the engine's Streams API. */
    private static Map<String, List<Record>> stream(URI endpoint) {
        Map<String, List<Record>> out = new LinkedHashMap<>();
        try (DynamoDbClient db = DynamoEngine.client(endpoint); DynamoDbStreamsClient streams = DynamoEngine.streamsClient(endpoint)) {
            String arn = db.describeTable(r -> r.tableName(TABLE)).table().latestStreamArn();
            for (Shard shard : streams.describeStream(r -> r.streamArn(arn)).streamDescription().shards()) {
                List<Record> records = out.computeIfAbsent(shard.shardId(), id -> new ArrayList<>());
                String iterator = streams.getShardIterator(r -> r.streamArn(arn).shardId(shard.shardId())
                        .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
                while (iterator != null) {
                    String at = iterator;
                    GetRecordsResponse page = streams.getRecords(r -> r.shardIterator(at));
                    records.addAll(page.records());
                    // An open shard always has a next iterator: an empty page means its end for now.
                    iterator = page.records().isEmpty() ? null : page.nextShardIterator();
                }
            }
        }
        return out;
    }

    private static List<Record> records(URI endpoint) {
        return stream(endpoint).values().stream().flatMap(List::stream).toList();
    }

    private static BigInteger sequence(Record r) {
        return new BigInteger(r.dynamodb().sequenceNumber());
    }

    private static Predicate<Record> keyed(String prefix) {
        return r -> r.dynamodb().keys().get("pk").s().startsWith(prefix);
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    /** Polls every 250 ms until the condition holds; how long it took is not asserted. */
    private static void await(String what, Condition condition) throws Exception {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting for " + what + " after " + DEADLINE.toSeconds() + " s");
            }
            Thread.sleep(250);
        }
    }

    private String login(LocalRedGrid local, String username) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(local.url() + "/local/login"))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("username", username, "password", DemoAccounts.PASSWORD))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r::body);
        return JSON.readTree(r.body()).path("idToken").asText();
    }

    private HttpResponse<String> send(LocalRedGrid local, String method, String path, String token, Object body, String idempotencyKey)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(local.url() + path)).header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertFree(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertTrue(s.isBound());
        } catch (IOException e) {
            throw new AssertionError("port " + port + " is still in use after shutdown", e);
        }
    }
}
