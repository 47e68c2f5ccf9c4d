package org.redgrid.infra.local;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.redgrid.infra.template.SamTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Lambda's event source mapping for one DynamoDB event of a function (contract C3), locally: polls the table's stream
 * through the engine's Streams API, keeps the records the FilterCriteria let through, invokes the function with the
 * standard DynamoDB stream event and, when it reports {@code batchItemFailures}, delivers again from the first failed
 * record. Where each shard was read up to is kept in a file under the state folder, so a restart goes on from there.
 */
final class StreamPoller implements AutoCloseable {

    /** Hands an event to the function and returns its response; throws when the invocation failed. */
    interface Invoker {
        String invoke(String event) throws Exception;
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration IDLE = Duration.ofMillis(250);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final SamTemplate.StreamSource source;
    private final DynamoDbClient dynamo;
    private final DynamoDbStreamsClient streams;
    private final Invoker invoker;
    private final Path positionsFile;
    private final PrintStream log;
    private final List<JsonNode> filters;
    private final Thread thread;
    private volatile boolean stopping;

    private String streamArn;
    /** Per shard: the sequence number of the last record delivered (or filtered out). */
    private final Map<String, String> positions = new LinkedHashMap<>();
    private final Set<String> finishedShards = new HashSet<>();
    private final Map<String, String> iterators = new LinkedHashMap<>();

    StreamPoller(SamTemplate.StreamSource source, DynamoDbClient dynamo, DynamoDbStreamsClient streams, Invoker invoker,
            Path positionsFile, PrintStream log) {
        this.source = source;
        this.dynamo = dynamo;
        this.streams = streams;
        this.invoker = invoker;
        this.positionsFile = positionsFile;
        this.log = log;
        this.filters = source.filterPatterns().stream().map(StreamFilter::parse).toList();
        this.thread = new Thread(this::run, "stream-" + source.function() + "-" + source.event());
        this.thread.setDaemon(true);
    }

    /** Finds the table's stream, reads the kept positions and starts polling. */
    StreamPoller start() {
        streamArn = Optional.ofNullable(dynamo.describeTable(r -> r.tableName(source.table())).table().latestStreamArn())
                .orElseThrow(() -> new IllegalStateException(source.function() + "." + source.event() + " reads the stream of "
                        + source.table() + ", which has none: give the table a StreamSpecification in template.yaml."));
        loadPositions();
        // Iterators now, not on the first poll: with LATEST, what is written after start() must be delivered.
        shards().stream().filter(s -> !finishedShards.contains(s.shardId())).forEach(s -> iterator(s.shardId()));
        thread.start();
        return this;
    }

    private void run() {
        Duration backoff = Duration.ofSeconds(1);
        while (!stopping) {
            try {
                boolean busy = pollOnce();
                backoff = Duration.ofSeconds(1);
                pause(busy ? Duration.ZERO : IDLE);
            } catch (DeliveryFailed e) {
                log.println(source.function() + "." + source.event() + ": " + e.getMessage() + "; retrying in " + backoff.toSeconds() + " s");
                pause(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            } catch (RuntimeException e) {
                if (!stopping) {
                    log.println(source.function() + "." + source.event() + ": stream polling failed: " + e);
                    pause(backoff);
                }
            }
        }
    }

    /**
     * Reads each open shard (parents before children) until a batch of BatchSize records that pass the filters is
     * together or nothing more is there, and delivers it; true when records were seen. As on Lambda, filtering comes
     * before batching, and records the filters drop count as delivered.
     */
    boolean pollOnce() throws DeliveryFailed {
        boolean busy = false;
        for (Shard shard : shards()) {
            String id = shard.shardId();
            if (finishedShards.contains(id) || (shard.parentShardId() != null && !parentDone(shard.parentShardId()))) {
                continue;
            }
            List<ObjectNode> batch = new ArrayList<>();
            String lastSeen = null;
            while (batch.size() < source.batchSize() && !finishedShards.contains(id)) {
                List<Record> records = read(id, source.batchSize() - batch.size());
                if (records.isEmpty()) {
                    break;
                }
                for (Record r : records) {
                    ObjectNode event = event(r);
                    lastSeen = r.dynamodb().sequenceNumber();
                    if (filters.isEmpty() || filters.stream().anyMatch(f -> StreamFilter.matches(f, event))) {
                        batch.add(event);
                    }
                }
            }
            if (lastSeen != null) {
                busy = true;
                deliver(id, batch, lastSeen);
            } else if (finishedShards.contains(id)) {
                savePositions();
            }
        }
        return busy;
    }

    /** One GetRecords of at most {@code limit} records; a shard with no next iterator is finished (closed and read). */
    private List<Record> read(String shard, int limit) {
        GetRecordsResponse page;
        try {
            page = streams.getRecords(r -> r.shardIterator(iterator(shard)).limit(limit));
        } catch (ExpiredIteratorException e) {
            iterators.remove(shard);
            return List.of();
        }
        if (page.nextShardIterator() == null) {
            finishedShards.add(shard);
            iterators.remove(shard);
        } else {
            iterators.put(shard, page.nextShardIterator());
        }
        return page.records();
    }

    private boolean parentDone(String parent) {
        return finishedShards.contains(parent) || shards().stream().noneMatch(s -> s.shardId().equals(parent));
    }

    private List<Shard> shards() {
        List<Shard> out = new ArrayList<>();
        String[] start = { null };
        do {
            var description = streams.describeStream(r -> r.streamArn(streamArn).exclusiveStartShardId(start[0])).streamDescription();
            out.addAll(description.shards());
            start[0] = description.lastEvaluatedShardId();
        } while (start[0] != null);
        return out;
    }

    private String iterator(String shard) {
        return iterators.computeIfAbsent(shard, id -> {
            String after = positions.get(id);
            return streams.getShardIterator(r -> {
                r.streamArn(streamArn).shardId(id);
                if (after != null) {
                    r.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(after);
                } else {
                    r.shardIteratorType(ShardIteratorType.fromValue(source.startingPosition()));
                }
            }).shardIterator();
        });
    }

    /**
     * Hands {@code batch} to the function; on success the shard counts as read up to {@code lastSeen}. When the function
     * fails the batch, or reports a failed item, the shard is read again from there (after a back-off) and this throws.
     */
    private void deliver(String shard, List<ObjectNode> batch, String lastSeen) throws DeliveryFailed {
        if (batch.isEmpty()) {
            advance(shard, lastSeen);
            return;
        }
        ObjectNode payload = JSON.createObjectNode();
        payload.putArray("Records").addAll(batch);
        String firstFailed;
        try {
            firstFailed = firstFailure(batch, invoker.invoke(payload.toString()));
        } catch (Exception e) {
            rewind(shard, sequence(batch.get(0)));
            throw new DeliveryFailed("the function failed the batch (" + e.getMessage() + ")");
        }
        if (firstFailed == null) {
            advance(shard, lastSeen);
            return;
        }
        rewind(shard, firstFailed);
        throw new DeliveryFailed("the function reported item " + firstFailed + " as failed");
    }

    /**
     * The sequence number to deliver again from, null when the whole batch succeeded. As on Lambda, a report that names
     * no record of the batch fails the whole batch; without ReportBatchItemFailures the response is not looked at.
     */
    private String firstFailure(List<ObjectNode> batch, String response) {
        if (!source.reportsBatchItemFailures()) {
            return null;
        }
        JsonNode failures;
        try {
            failures = JSON.readTree(response == null || response.isBlank() ? "{}" : response).path("batchItemFailures");
        } catch (IOException e) {
            return sequence(batch.get(0));
        }
        if (!failures.isArray() || failures.isEmpty()) {
            return null;
        }
        Set<String> failed = new HashSet<>();
        failures.forEach(f -> failed.add(f.path("itemIdentifier").asText("")));
        for (ObjectNode record : batch) {
            if (failed.remove(sequence(record))) {
                return sequence(record);
            }
        }
        return sequence(batch.get(0));
    }

    private void advance(String shard, String sequence) {
        positions.put(shard, sequence);
        savePositions();
    }

    /** The next read of {@code shard} starts at {@code sequence}; what came before it counts as delivered. */
    private void rewind(String shard, String sequence) {
        iterators.put(shard, streams.getShardIterator(r -> r.streamArn(streamArn).shardId(shard)
                .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER).sequenceNumber(sequence)).shardIterator());
        finishedShards.remove(shard);
    }

    private static String sequence(JsonNode record) {
        return record.path("dynamodb").path("SequenceNumber").asText();
    }

    /** A stream record as Lambda hands it to the function (the Streams API's record plus the stream's ARN). */
    private ObjectNode event(Record r) {
        ObjectNode out = JSON.createObjectNode();
        out.put("eventID", r.eventID());
        out.put("eventName", r.eventNameAsString());
        out.put("eventVersion", r.eventVersion() == null ? "1.1" : r.eventVersion());
        out.put("eventSource", "aws:dynamodb");
        out.put("awsRegion", r.awsRegion() == null ? org.redgrid.infra.dynamodb.DynamoEngine.REGION : r.awsRegion());
        StreamRecord d = r.dynamodb();
        ObjectNode dynamodb = out.putObject("dynamodb");
        if (d.approximateCreationDateTime() != null) {
            dynamodb.put("ApproximateCreationDateTime", d.approximateCreationDateTime().getEpochSecond());
        }
        dynamodb.set("Keys", item(d.keys()));
        if (d.hasNewImage()) {
            dynamodb.set("NewImage", item(d.newImage()));
        }
        if (d.hasOldImage()) {
            dynamodb.set("OldImage", item(d.oldImage()));
        }
        dynamodb.put("SequenceNumber", d.sequenceNumber());
        dynamodb.put("SizeBytes", d.sizeBytes());
        dynamodb.put("StreamViewType", d.streamViewTypeAsString());
        if (r.userIdentity() != null) {
            out.putObject("userIdentity").put("type", r.userIdentity().type()).put("principalId", r.userIdentity().principalId());
        }
        out.put("eventSourceARN", streamArn);
        return out;
    }

    /** An item in DynamoDB's JSON form ({"S": ...}, {"N": ...}, ...), as in the stream event. */
    private static ObjectNode item(Map<String, AttributeValue> attributes) {
        ObjectNode out = JSON.createObjectNode();
        attributes.forEach((name, value) -> out.set(name, attribute(value)));
        return out;
    }

    private static ObjectNode attribute(AttributeValue v) {
        ObjectNode out = JSON.createObjectNode();
        switch (v.type()) {
            case S -> out.put("S", v.s());
            case N -> out.put("N", v.n());
            case B -> out.put("B", v.b().asByteArray());
            case BOOL -> out.put("BOOL", v.bool());
            case NUL -> out.put("NULL", true);
            case SS -> v.ss().forEach(out.putArray("SS")::add);
            case NS -> v.ns().forEach(out.putArray("NS")::add);
            case BS -> {
                ArrayNode bs = out.putArray("BS");
                v.bs().stream().map(SdkBytes::asByteArray).forEach(bs::add);
            }
            case M -> out.set("M", item(v.m()));
            case L -> {
                ArrayNode l = out.putArray("L");
                v.l().forEach(e -> l.add(attribute(e)));
            }
            default -> throw new IllegalArgumentException("unknown attribute type " + v.type());
        }
        return out;
    }

    private void loadPositions() {
        if (!Files.isRegularFile(positionsFile)) {
            return;
        }
        try {
            JsonNode kept = JSON.readTree(positionsFile.toFile());
            // Positions of another stream (the table was created again) mean nothing for this one.
            if (streamArn.equals(kept.path("streamArn").asText())) {
                kept.path("shards").fields().forEachRemaining(e -> positions.put(e.getKey(), e.getValue().asText()));
                kept.path("finished").forEach(s -> finishedShards.add(s.asText()));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read stream positions " + positionsFile + ": " + e.getMessage(), e);
        }
    }

    private void savePositions() {
        ObjectNode out = JSON.createObjectNode();
        out.put("streamArn", streamArn);
        ObjectNode shards = out.putObject("shards");
        positions.forEach(shards::put);
        finishedShards.forEach(out.putArray("finished")::add);
        try {
            Files.createDirectories(positionsFile.getParent());
            Path tmp = positionsFile.resolveSibling(positionsFile.getFileName() + ".tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), out);
            Files.move(tmp, positionsFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IllegalStateException("cannot keep stream positions in " + positionsFile + ": " + e.getMessage(), e);
        }
    }

    private void pause(Duration d) {
        if (d.isZero()) {
            return;
        }
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }

    @Override
    public void close() {
        stopping = true;
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A batch the function did not take whole; its records come again. */
    static final class DeliveryFailed extends Exception {
        DeliveryFailed(String message) {
            super(message);
        }
    }
}
