package org.redgrid.infra.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redgrid.infra.dynamodb.DynamoEngine;
import org.redgrid.infra.template.SamTemplate;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Stream delivery of the local runtime (contract C3) on the real engine: a consumer declared the way template.yaml
 * declares one gets the table's changes as Lambda's DynamoDB stream event, through the local Runtime API, where a
 * stand-in for the Runtime Interface Client answers as a function would; failed items come again, filters hold, and
 * positions survive a restart.
 */
class StreamPollerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEMPLATE = """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              EventsTable:
                Type: AWS::DynamoDB::Table
                Properties:
                  BillingMode: PAY_PER_REQUEST
                  AttributeDefinitions:
                    - {AttributeName: pk, AttributeType: S}
                  KeySchema:
                    - {AttributeName: pk, KeyType: HASH}
                  StreamSpecification:
                    StreamViewType: NEW_AND_OLD_IMAGES
              ConsumerFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Environment:
                    Variables:
                      QUARKUS_LAMBDA_HANDLER: consumer
                  Events:
                    Changes:
                      Type: DynamoDB
                      Properties:
                        Stream: !GetAtt EventsTable.StreamArn
                        StartingPosition: TRIM_HORIZON
                        BatchSize: 2
                        FunctionResponseTypes: [ReportBatchItemFailures]
                        FilterCriteria:
                          Filters:
                            - Pattern: '{"eventName": ["INSERT", "MODIFY"], "dynamodb": {"Keys": {"pk": {"S": [{"prefix": "EVENT#"}]}}}}'
            """;

    private static final String STREAM = "      StreamSpecification:\n        StreamViewType: NEW_AND_OLD_IMAGES\n";

    private static DynamoEngine engine;
    private static DynamoDbClient db;
    private static DynamoDbStreamsClient streams;

    @TempDir
    Path state;

    @BeforeAll
    static void startEngine() {
        engine = DynamoEngine.inMemory();
        db = engine.client();
        streams = DynamoEngine.streamsClient(engine.endpoint());
    }

    /** The template above with its table named {@code table} (each test its own), created on the engine. */
    private SamTemplate template(String table, boolean stream) throws Exception {
        String yaml = TEMPLATE.replace("EventsTable", table);
        assertTrue(yaml.contains(STREAM));
        Path file = Files.writeString(state.resolve(table + ".yaml"), stream ? yaml : yaml.replace(STREAM, ""));
        SamTemplate template = SamTemplate.load(file);
        engine.createTables(template);
        return template;
    }

    @AfterAll
    static void stopEngine() {
        streams.close();
        db.close();
        engine.close();
    }

    @Test
    void templateDeclaresTheConsumerAsContractC3Says() throws Exception {
        assertEquals(List.of(new SamTemplate.StreamSource("ConsumerFunction", "Changes", "DeclaredTable", "TRIM_HORIZON", 2, true,
                List.of("{\"eventName\": [\"INSERT\", \"MODIFY\"], \"dynamodb\": {\"Keys\": {\"pk\": {\"S\": [{\"prefix\": \"EVENT#\"}]}}}}"))),
                template("DeclaredTable", true).streamSources());
    }

    @Test
    void deliversChangesAsLambdaStreamEventsAndRedeliversFromTheFirstFailedItem() throws Exception {
        String table = "EventsTable";
        SamTemplate.StreamSource source = template(table, true).streamSources().get(0);
        put(table, "EVENT#1", "一");
        put(table, "OTHER#1", "filtered out: not an event");
        put(table, "EVENT#2", "二");
        put(table, "EVENT#3", "三");
        db.updateItem(r -> r.tableName(table).key(Map.of("pk", AttributeValue.fromS("EVENT#1")))
                .updateExpression("SET title = :t").expressionAttributeValues(Map.of(":t", AttributeValue.fromS("一改"))));
        db.deleteItem(r -> r.tableName(table).key(Map.of("pk", AttributeValue.fromS("EVENT#3"))));

        Path positions = state.resolve("streams/ConsumerFunction.Changes.json");
        // The first batch fails at its second record; everything after answers success.
        List<String> answers = new ArrayList<>();
        try (FakeFunction fn = new FakeFunction(event -> {
            List<String> sequences = new ArrayList<>();
            event.path("Records").forEach(r -> sequences.add(r.path("dynamodb").path("SequenceNumber").asText()));
            answers.add(String.join(",", sequences));
            return answers.size() == 1 ? "{\"batchItemFailures\":[{\"itemIdentifier\":\"" + sequences.get(1) + "\"}]}"
                    : "{\"batchItemFailures\":[]}";
        }); StreamPoller poller = fn.poller(source, positions).start()) {
            JsonNode first = fn.next();
            assertEquals(List.of("INSERT EVENT#1", "INSERT EVENT#2"), summary(first), "OTHER#1 is filtered out");
            JsonNode again = fn.next();
            assertEquals(List.of("INSERT EVENT#2", "INSERT EVENT#3"), summary(again), "delivery goes on from the failed item");
            JsonNode last = fn.next();
            assertEquals(List.of("MODIFY EVENT#1"), summary(last), "the REMOVE of EVENT#3 is filtered out");

            JsonNode modify = last.path("Records").path(0);
            String streamArn = db.describeTable(r -> r.tableName(table)).table().latestStreamArn();
            assertEquals("aws:dynamodb", modify.path("eventSource").asText());
            assertEquals("1.1", modify.path("eventVersion").asText());
            assertEquals(streamArn, modify.path("eventSourceARN").asText());
            assertFalse(modify.path("eventID").asText().isEmpty());
            assertFalse(modify.path("awsRegion").asText().isEmpty());
            assertEquals("NEW_AND_OLD_IMAGES", modify.path("dynamodb").path("StreamViewType").asText());
            assertEquals("一", modify.path("dynamodb").path("OldImage").path("title").path("S").asText());
            assertEquals("一改", modify.path("dynamodb").path("NewImage").path("title").path("S").asText());
            assertEquals("7", modify.path("dynamodb").path("NewImage").path("stock").path("N").asText());
            assertTrue(modify.path("dynamodb").path("SizeBytes").asLong() > 0);
            assertTrue(modify.path("dynamodb").path("ApproximateCreationDateTime").isNumber());

            // The Java Lambda runtime's own deserializer reads it as a DynamodbEvent.
            PojoSerializer<DynamodbEvent> serializer = LambdaEventSerializers.serializerFor(DynamodbEvent.class, getClass().getClassLoader());
            DynamodbEvent typed = serializer.fromJson(new ByteArrayInputStream(last.toString().getBytes(StandardCharsets.UTF_8)));
            DynamodbEvent.DynamodbStreamRecord record = typed.getRecords().get(0);
            assertEquals("MODIFY", record.getEventName());
            assertEquals("EVENT#1", record.getDynamodb().getKeys().get("pk").getS());
            assertEquals("一改", record.getDynamodb().getNewImage().get("title").getS());
            assertEquals(streamArn, record.getEventSourceARN());
            assertNotNull(record.getDynamodb().getApproximateCreationDateTime());
        }
        assertTrue(Files.isRegularFile(positions), "shard positions are kept in the state folder");

        // A restart goes on after what was delivered: only the new change comes.
        put(table, "EVENT#4", "四");
        try (FakeFunction fn = new FakeFunction(event -> "{}"); StreamPoller poller = fn.poller(source, positions).start()) {
            assertEquals(List.of("INSERT EVENT#4"), summary(fn.next()));
        }
    }

    @Test
    void aFailedInvocationDeliversTheWholeBatchAgain() throws Exception {
        String key = "EVENT#retry";
        template("RetryTable", true);
        SamTemplate.StreamSource latest = new SamTemplate.StreamSource("ConsumerFunction", "Retry", "RetryTable", "LATEST", 10,
                false, List.of("{\"dynamodb\": {\"Keys\": {\"pk\": {\"S\": [\"" + key + "\"]}}}}"));
        int[] calls = { 0 };
        try (FakeFunction fn = new FakeFunction(event -> {
            if (++calls[0] == 1) {
                throw new IllegalStateException("the handler threw");
            }
            return "null";
        }); StreamPoller poller = fn.poller(latest, state.resolve("streams/retry.json")).start()) {
            put("RetryTable", key, "重试");
            assertEquals(List.of("INSERT " + key), summary(fn.next()));
            assertEquals(List.of("INSERT " + key), summary(fn.next()), "the batch comes again after the function failed it");
        }
    }

    @Test
    void filterPatternsMatchExactValuesPrefixesAndExistence() {
        JsonNode record = JSON.valueToTree(Map.of("eventName", "INSERT", "dynamodb",
                Map.of("NewImage", Map.of("type", Map.of("S", "POINTS_AWARDED"), "amount", Map.of("N", "5")))));
        assertTrue(StreamFilter.matches(StreamFilter.parse("{\"eventName\": [\"INSERT\"]}"), record));
        assertFalse(StreamFilter.matches(StreamFilter.parse("{\"eventName\": [\"REMOVE\"]}"), record));
        assertTrue(StreamFilter.matches(StreamFilter.parse("{\"dynamodb\": {\"NewImage\": {\"type\": {\"S\": [{\"prefix\": \"POINTS_\"}]}}}}"), record));
        assertFalse(StreamFilter.matches(StreamFilter.parse("{\"dynamodb\": {\"NewImage\": {\"type\": {\"S\": [{\"prefix\": \"CHECKIN_\"}]}}}}"), record));
        assertTrue(StreamFilter.matches(StreamFilter.parse("{\"dynamodb\": {\"NewImage\": {\"amount\": {\"N\": [{\"exists\": true}]}}}}"), record));
        assertTrue(StreamFilter.matches(StreamFilter.parse("{\"dynamodb\": {\"NewImage\": {\"note\": {\"S\": [{\"exists\": false}]}}}}"), record));
        assertFalse(StreamFilter.matches(StreamFilter.parse("{\"dynamodb\": {\"OldImage\": {\"type\": {\"S\": [\"POINTS_AWARDED\"]}}}}"), record));
        IllegalArgumentException unsupported = assertThrows(IllegalArgumentException.class,
                () -> StreamFilter.parse("{\"eventName\": [{\"anything-but\": [\"REMOVE\"]}]}"));
        assertTrue(unsupported.getMessage().contains("anything-but"), unsupported.getMessage());
    }

    @Test
    void aConsumerOfATableWithoutAStreamIsOneClearSentence() throws Exception {
        SamTemplate template = template("QuietTable", false);
        assertNull(template.tables().get(0).createRequest().streamSpecification());
        try (FakeFunction fn = new FakeFunction(event -> "{}")) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> fn.poller(template.streamSources().get(0), state.resolve("streams/quiet.json")).start());
            assertEquals("ConsumerFunction.Changes reads the stream of QuietTable, which has none: give the table a "
                    + "StreamSpecification in template.yaml.", e.getMessage());
        }
    }

    private static void put(String table, String key, String title) {
        db.putItem(r -> r.tableName(table).item(Map.of("pk", AttributeValue.fromS(key), "title", AttributeValue.fromS(title),
                "stock", AttributeValue.fromN("7"))));
    }

    private static List<String> summary(JsonNode event) {
        List<String> out = new ArrayList<>();
        event.path("Records").forEach(r -> out.add(r.path("eventName").asText() + " " + r.path("dynamodb").path("Keys").path("pk").path("S").asText()));
        return out;
    }

    /**
     * A stand-in for the Runtime Interface Client in a function process: long-polls the local Runtime API for the next
     * invocation and posts what {@code handler} answers (or an error when it throws), as the real client does.
     */
    private static final class FakeFunction implements AutoCloseable {
        private final RuntimeApi api = new RuntimeApi("ConsumerFunction");
        private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
        private final Thread client;

        FakeFunction(Function<JsonNode, String> handler) throws Exception {
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://" + api.address() + "/2018-06-01/runtime/invocation/";
            client = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    try {
                        HttpResponse<String> next = http.send(HttpRequest.newBuilder(URI.create(base + "next")).build(),
                                HttpResponse.BodyHandlers.ofString());
                        String id = next.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
                        JsonNode event = JSON.readTree(next.body());
                        received.add(event);
                        String outcome;
                        String body;
                        try {
                            body = handler.apply(event);
                            outcome = "/response";
                        } catch (RuntimeException e) {
                            body = "{\"errorMessage\":\"" + e.getMessage() + "\",\"errorType\":\"" + e.getClass().getName() + "\"}";
                            outcome = "/error";
                        }
                        http.send(HttpRequest.newBuilder(URI.create(base + id + outcome)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                HttpResponse.BodyHandlers.ofString());
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception e) {
                        if (Thread.currentThread().isInterrupted()) {
                            return;
                        }
                    }
                }
            }, "fake-runtime-client");
            client.setDaemon(true);
            client.start();
        }

        StreamPoller poller(SamTemplate.StreamSource s, Path positions) {
            return new StreamPoller(s, db, streams, event -> api.invoke(event, 60_000), positions, new PrintStream(System.err, true));
        }

        /** The next event the function received (a bound against hanging, not a timing check). */
        JsonNode next() throws InterruptedException {
            JsonNode event = received.poll(Duration.ofMinutes(1).toMillis(), TimeUnit.MILLISECONDS);
            assertNotNull(event, "no invocation arrived");
            return event;
        }

        @Override
        public void close() {
            client.interrupt();
            api.close();
        }
    }
}
