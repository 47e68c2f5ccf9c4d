package org.redgrid.infra.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.math.BigInteger;
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
import java.util.function.Predicate;

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
 * What the end-to-end tests of the local runtime do with it: sign in as a demo account, call the gateway, read a
 * table's stream through the engine's Streams API and wait for the stream pollers to pass it. Waits poll and give up
 * after a generous deadline; how long they took is never asserted.
 */
final class LocalSession {

    static final ObjectMapper JSON = new ObjectMapper();
    /** Generous for a cold stream function on a busy machine; the polls stop as soon as the condition holds. */
    private static final Duration DEADLINE = Duration.ofSeconds(90);

    private final HttpClient http = HttpClient.newHttpClient();
    private final LocalRedGrid local;

    LocalSession(LocalRedGrid local) {
        this.local = local;
    }

    String login(String username) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(local.url() + "/local/login"))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("username", username, "password", DemoAccounts.PASSWORD))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r::body);
        return JSON.readTree(r.body()).path("idToken").asText();
    }

    HttpResponse<String> send(String method, String path, String token, Object body, String idempotencyKey)
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

    /** The JSON answer of a call that must succeed with {@code status}. */
    JsonNode expect(int status, String method, String path, String token, Object body) throws IOException, InterruptedException {
        HttpResponse<String> r = send(method, path, token, body, null);
        assertEquals(status, r.statusCode(), () -> method + " " + path + ": " + r.body());
        return JSON.readTree(r.body());
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    /** Polls every 250 ms until the condition holds. */
    static void await(String what, Condition condition) throws Exception {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting for " + what + " after " + DEADLINE.toSeconds() + " s");
            }
            Thread.sleep(250);
        }
    }

    /**
     * Waits until the saved position of every shard of {@code table}'s stream is at its last record (what a consumer
     * writes to the same table comes after the events, and the poller passes it too); returns those last sequence
     * numbers by shard.
     */
    Map<String, BigInteger> awaitPositionsAtStreamEnd(String table, Path positions) throws Exception {
        Map<String, BigInteger> end = new LinkedHashMap<>();
        await("the stream poller to pass the whole stream (" + positions + ")", () -> {
            end.clear();
            stream(table).forEach((shard, records) -> {
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
    Map<String, List<Record>> stream(String table) {
        Map<String, List<Record>> out = new LinkedHashMap<>();
        URI endpoint = local.dynamoEndpoint();
        try (DynamoDbClient db = DynamoEngine.client(endpoint); DynamoDbStreamsClient streams = DynamoEngine.streamsClient(endpoint)) {
            String arn = db.describeTable(r -> r.tableName(table)).table().latestStreamArn();
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

    List<Record> records(String table) {
        return stream(table).values().stream().flatMap(List::stream).toList();
    }

    /** Records written after {@code deliveredUpTo} (by shard) whose key starts with one of {@code prefixes}. */
    List<Record> writtenAfter(String table, Map<String, BigInteger> deliveredUpTo, String... prefixes) {
        List<Record> written = new ArrayList<>();
        stream(table).forEach((shard, records) -> records.stream()
                .filter(r -> sequence(r).compareTo(deliveredUpTo.getOrDefault(shard, BigInteger.ONE.negate())) > 0)
                .filter(r -> List.of(prefixes).stream().anyMatch(p -> keyed(p).test(r))).forEach(written::add));
        return written;
    }

    static BigInteger sequence(Record r) {
        return new BigInteger(r.dynamodb().sequenceNumber());
    }

    static Predicate<Record> keyed(String prefix) {
        return r -> r.dynamodb().keys().get("pk").s().startsWith(prefix);
    }

    /** The stream event of {@code function} in template.yaml (its first). */
    static SamTemplate.StreamSource streamOf(String function) {
        return SamTemplate.fromCheckout().streamSources().stream().filter(s -> s.function().equals(function)).findFirst()
                .orElseThrow(() -> new AssertionError(function + " has no stream event"));
    }

    /** Where the local runtime keeps how far it has delivered {@code source}'s stream, under the state folder. */
    static Path positions(Path state, SamTemplate.StreamSource source) {
        return state.resolve("streams").resolve(source.function() + "." + source.event() + ".json");
    }

    /** A persisted local runtime of this checkout in {@code state}, on a free port. */
    static LocalRedGrid.Options options(Path state) {
        return new LocalRedGrid.Options(LocalRedGrid.freePort(), state, false, SamTemplate.locate().getParent());
    }

    /** Forgets where every stream was read up to, so that the next start delivers each stream again from its start. */
    static void forgetStreamPositions(Path state) throws IOException {
        try (var kept = Files.list(state.resolve("streams"))) {
            for (Path file : kept.toList()) {
                Files.delete(file);
            }
        }
    }
}
