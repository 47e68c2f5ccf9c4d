package org.redgrid.infra.dynamodb.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.redgrid.infra.dynamodb.conformance.Items.key;
import static org.redgrid.infra.dynamodb.conformance.Items.keyed;
import static org.redgrid.infra.dynamodb.conformance.Items.n;
import static org.redgrid.infra.dynamodb.conformance.Items.s;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamStatus;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * DynamoDB Streams: the stream a table declares, and the records its writes leave there (kind, images, order, one per
 * item changed, transactions included), read with ListStreams, DescribeStream, GetShardIterator and GetRecords.
 * Records arrive within a second or so on AWS; the reads wait for a marker write with a bound, never for a time.
 */
class StreamsTest {

    @RegisterExtension
    static final Tables tables = new Tables();

    private static final Duration RECORDS_BOUND = Duration.ofMinutes(2);

    @Test
    void aTableWithAStreamSpecificationHasAnEnabledStream() {
        String table = streamed("described", StreamViewType.NEW_AND_OLD_IMAGES);
        TableDescription described = tables.client().describeTable(r -> r.tableName(table)).table();

        assertThat(described.streamSpecification().streamEnabled()).isTrue();
        assertThat(described.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
        assertThat(described.latestStreamArn()).isNotBlank();
        assertThat(described.latestStreamLabel()).isNotBlank();
        assertThat(tables.streams().listStreams(r -> r.tableName(table)).streams())
                .extracting(stream -> stream.streamArn(), stream -> stream.tableName())
                .containsExactly(tuple(described.latestStreamArn(), table));

        // AWS may answer ENABLING for a moment after the table became ACTIVE.
        StreamDescription stream = Poll.until("the stream to be ENABLED", RECORDS_BOUND, tables.pollInterval(), () -> {
            StreamDescription now = tables.streams().describeStream(r -> r.streamArn(described.latestStreamArn())).streamDescription();
            return now.streamStatus() == StreamStatus.ENABLING ? Optional.empty() : Optional.of(now);
        });
        assertThat(stream.streamStatus()).isEqualTo(StreamStatus.ENABLED);
        assertThat(stream.streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
        assertThat(stream.tableName()).isEqualTo(table);
        assertThat(stream.keySchema()).extracting(k -> k.attributeName(), k -> k.keyType())
                .containsExactly(tuple("pk", KeyType.HASH), tuple("sk", KeyType.RANGE));
        assertThat(stream.shards()).isNotEmpty()
                .allSatisfy(shard -> assertThat(shard.sequenceNumberRange().startingSequenceNumber()).isNotBlank());
    }

    @Test
    void aTableWithoutAStreamSpecificationHasNoStream() {
        String table = tables.create("unstreamed");

        assertThat(tables.client().describeTable(r -> r.tableName(table)).table().latestStreamArn()).isNull();
        assertThat(tables.streams().listStreams(r -> r.tableName(table)).streams()).isEmpty();
    }

    @Test
    void everyChangedItemLeavesOneRecordInCommitOrder() {
        String table = streamed("order", StreamViewType.NEW_AND_OLD_IMAGES);
        put(table, keyed("p", "a", "v", n(1)));
        update(table, "p", "a", 2);
        put(table, keyed("p", "b", "v", n(1)));
        put(table, keyed("p", "guard", "v", n(1)));
        assertThatThrownBy(() -> tables.client().putItem(r -> r.tableName(table).item(keyed("p", "a", "v", n(9)))
                .conditionExpression("attribute_not_exists(pk)"))).isInstanceOf(ConditionalCheckFailedException.class);
        tables.client().deleteItem(r -> r.tableName(table).key(key("p", "a")));
        tables.client().deleteItem(r -> r.tableName(table).key(key("p", "never-there")));
        TransactWriteItemsRequest transaction = TransactWriteItemsRequest.builder().clientRequestToken(UUID.randomUUID().toString())
                .transactItems(
                        TransactWriteItem.builder().put(Put.builder().tableName(table).item(keyed("p", "c", "v", n(1))).build()).build(),
                        TransactWriteItem.builder().put(Put.builder().tableName(table).item(keyed("p", "d", "v", n(1))).build()).build(),
                        TransactWriteItem.builder().update(Update.builder().tableName(table).key(key("p", "b")).updateExpression("SET v = :v")
                                .expressionAttributeValues(Map.of(":v", n(2))).build()).build(),
                        TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(table).key(key("p", "guard"))
                                .conditionExpression("attribute_exists(pk)").build()).build())
                .build();
        tables.client().transactWriteItems(transaction);
        // The retry with the same token, and a cancelled transaction, change nothing and leave no record.
        tables.client().transactWriteItems(transaction);
        assertThatThrownBy(() -> tables.client().transactWriteItems(r -> r.transactItems(
                TransactWriteItem.builder().put(Put.builder().tableName(table).item(keyed("p", "e")).build()).build(),
                TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(table).key(key("p", "guard"))
                        .conditionExpression("attribute_not_exists(pk)").build()).build())))
                .isInstanceOf(TransactionCanceledException.class);
        put(table, keyed("p", "marker"));

        List<Record> records = readUntilMarker(table);

        assertThat(records).extracting(StreamsTest::describe).startsWith(
                "INSERT a", "MODIFY a", "INSERT b", "INSERT guard", "REMOVE a");
        // One record per item the transaction changed (none for its ConditionCheck), then the marker.
        assertThat(records.subList(5, 8)).extracting(StreamsTest::describe).containsExactlyInAnyOrder("INSERT c", "INSERT d", "MODIFY b");
        assertThat(records.subList(8, records.size())).extracting(StreamsTest::describe).containsExactly("INSERT marker");
        assertThat(records).extracting(record -> new BigInteger(record.dynamodb().sequenceNumber())).isSorted()
                .doesNotHaveDuplicates();

        Record modify = records.get(1);
        assertThat(modify.eventSource()).isEqualTo("aws:dynamodb");
        assertThat(modify.eventVersion()).isNotBlank();
        assertThat(modify.eventID()).isNotBlank();
        assertThat(modify.awsRegion()).isNotBlank();
        assertThat(modify.userIdentity()).isNull();
        assertThat(modify.dynamodb().keys()).isEqualTo(key("p", "a"));
        assertThat(modify.dynamodb().oldImage()).isEqualTo(keyed("p", "a", "v", n(1)));
        assertThat(modify.dynamodb().newImage()).isEqualTo(keyed("p", "a", "v", n(2)));
        assertThat(modify.dynamodb().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
        assertThat(modify.dynamodb().sizeBytes()).isPositive();
        assertThat(modify.dynamodb().approximateCreationDateTime()).isNotNull();
    }

    @Test
    void aWriteThatChangesNothingLeavesNoRecord() {
        String table = streamed("unchanged", StreamViewType.NEW_AND_OLD_IMAGES);
        put(table, keyed("p", "same", "v", n(1)));
        put(table, keyed("p", "same", "v", n(1)));
        update(table, "p", "same", 1);
        put(table, keyed("p", "marker"));

        assertThat(readUntilMarker(table)).extracting(StreamsTest::describe).containsExactly("INSERT same", "INSERT marker");
    }

    @Test
    void aBatchWriteLeavesOneRecordPerItem() {
        String table = streamed("batch", StreamViewType.NEW_IMAGE);
        put(table, keyed("p", "old"));

        tables.client().batchWriteItem(r -> r.requestItems(Map.of(table, List.of(
                WriteRequest.builder().putRequest(p -> p.item(keyed("p", "x"))).build(),
                WriteRequest.builder().putRequest(p -> p.item(keyed("p", "y"))).build(),
                WriteRequest.builder().deleteRequest(d -> d.key(key("p", "old"))).build()))));
        put(table, keyed("p", "marker"));

        List<Record> records = readUntilMarker(table);
        assertThat(records.subList(1, 4)).extracting(StreamsTest::describe).containsExactlyInAnyOrder("INSERT x", "INSERT y", "REMOVE old");
        assertThat(records).hasSize(5);
    }

    @ParameterizedTest
    @EnumSource(value = StreamViewType.class, names = "UNKNOWN_TO_SDK_VERSION", mode = EnumSource.Mode.EXCLUDE)
    void eachViewTypeCarriesItsImages(StreamViewType view) {
        String table = streamed("view-" + view.toString().toLowerCase().replace('_', '-'), view);
        put(table, keyed("p", "a", "v", n(1)));
        update(table, "p", "a", 2);
        tables.client().deleteItem(r -> r.tableName(table).key(key("p", "a")));
        put(table, keyed("p", "marker"));

        List<Record> records = readUntilMarker(table).subList(0, 3);

        Map<String, AttributeValue> v1 = keyed("p", "a", "v", n(1));
        Map<String, AttributeValue> v2 = keyed("p", "a", "v", n(2));
        boolean newImages = view == StreamViewType.NEW_IMAGE || view == StreamViewType.NEW_AND_OLD_IMAGES;
        boolean oldImages = view == StreamViewType.OLD_IMAGE || view == StreamViewType.NEW_AND_OLD_IMAGES;
        assertThat(records).extracting(Record::eventName).containsExactly(OperationType.INSERT, OperationType.MODIFY, OperationType.REMOVE);
        assertThat(records).allSatisfy(record -> {
            assertThat(record.dynamodb().keys()).isEqualTo(key("p", "a"));
            assertThat(record.dynamodb().streamViewType()).isEqualTo(view);
        });
        assertThat(records).extracting(record -> record.dynamodb().hasNewImage() ? record.dynamodb().newImage() : null)
                .containsExactly(newImages ? v1 : null, newImages ? v2 : null, null);
        assertThat(records).extracting(record -> record.dynamodb().hasOldImage() ? record.dynamodb().oldImage() : null)
                .containsExactly(null, oldImages ? v1 : null, oldImages ? v2 : null);
    }

    @Test
    void getRecordsPagesWithNextShardIteratorAndIteratorsStartWhereAsked() {
        String table = streamed("paging", StreamViewType.KEYS_ONLY);
        for (int i = 0; i < 7; i++) {
            put(table, keyed("p", "item" + i));
        }
        put(table, keyed("p", "marker"));
        List<Record> all = readUntilMarker(table);
        assertThat(all).hasSize(8);
        String streamArn = streamArn(table);
        String shardId = tables.streams().describeStream(r -> r.streamArn(streamArn)).streamDescription().shards().get(0).shardId();

        List<Record> paged = new ArrayList<>();
        String iterator = iterator(streamArn, shardId, ShardIteratorType.TRIM_HORIZON, null);
        int pages = 0;
        while (paged.size() < all.size() && pages++ < 50) {
            String current = iterator;
            GetRecordsResponse page = tables.streams().getRecords(r -> r.shardIterator(current).limit(3));
            assertThat(page.records()).hasSizeLessThanOrEqualTo(3);
            paged.addAll(page.records());
            iterator = page.nextShardIterator();
        }
        assertThat(paged).extracting(record -> record.dynamodb().sequenceNumber())
                .containsExactlyElementsOf(all.stream().map(record -> record.dynamodb().sequenceNumber()).toList());

        String third = all.get(2).dynamodb().sequenceNumber();
        assertThat(tables.streams().getRecords(r -> r.shardIterator(iterator(streamArn, shardId, ShardIteratorType.AT_SEQUENCE_NUMBER, third))
                .limit(1)).records()).extracting(StreamsTest::describe).containsExactly("INSERT item2");
        assertThat(tables.streams().getRecords(r -> r.shardIterator(iterator(streamArn, shardId, ShardIteratorType.AFTER_SEQUENCE_NUMBER, third))
                .limit(1)).records()).extracting(StreamsTest::describe).containsExactly("INSERT item3");

        String latest = iterator(streamArn, shardId, ShardIteratorType.LATEST, null);
        put(table, keyed("p", "after-latest"));
        List<Record> fromLatest = Poll.until("a record after LATEST", RECORDS_BOUND, tables.pollInterval(), () -> {
            List<Record> got = tables.streams().getRecords(r -> r.shardIterator(latest)).records();
            return got.isEmpty() ? Optional.empty() : Optional.of(got);
        });
        assertThat(fromLatest).extracting(StreamsTest::describe).containsExactly("INSERT after-latest");
    }

    @Test
    void aDeletedTablesStreamIsDisabledAndStillReadable() {
        String table = streamed("deleted", StreamViewType.NEW_IMAGE);
        put(table, keyed("p", "marker"));
        String streamArn = streamArn(table);
        readUntilMarker(table);

        tables.client().deleteTable(r -> r.tableName(table));

        Poll.until("the stream to be DISABLED", RECORDS_BOUND, tables.pollInterval(), () -> {
            StreamStatus status = tables.streams().describeStream(r -> r.streamArn(streamArn)).streamDescription().streamStatus();
            return status == StreamStatus.DISABLED ? Optional.of(status) : Optional.empty();
        });
        // Consumers still get what was written before (AWS keeps it 24 hours).
        assertThat(new StreamReader(tables.streams(), streamArn, tables.pollInterval())
                .readUntil("the record written before the deletion", RECORDS_BOUND, record -> describe(record).equals("INSERT marker")))
                .extracting(StreamsTest::describe).containsExactly("INSERT marker");
    }

    @Test
    void unknownStreamsAndShardsAreNotFound() {
        String table = streamed("unknown", StreamViewType.KEYS_ONLY);
        String streamArn = streamArn(table);
        // A well-formed ARN of a stream that never existed: the same table, another label.
        String otherArn = streamArn.substring(0, streamArn.lastIndexOf('/') + 1) + "2000-01-01T00:00:00.000";

        assertThatThrownBy(() -> tables.streams().describeStream(r -> r.streamArn(otherArn)))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> tables.streams().getShardIterator(r -> r.streamArn(streamArn)
                .shardId("shardId-00000000000000000000-00000000").shardIteratorType(ShardIteratorType.TRIM_HORIZON)))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    private static String iterator(String streamArn, String shardId, ShardIteratorType type, String sequenceNumber) {
        return tables.streams().getShardIterator(r -> r.streamArn(streamArn).shardId(shardId).shardIteratorType(type)
                .sequenceNumber(sequenceNumber)).shardIterator();
    }

    private static String streamed(String purpose, StreamViewType view) {
        return tables.create(purpose, spec -> spec.streamSpecification(StreamSpecification.builder().streamEnabled(true)
                .streamViewType(view).build()));
    }

    private static String streamArn(String table) {
        return tables.client().describeTable(r -> r.tableName(table)).table().latestStreamArn();
    }

    private static List<Record> readUntilMarker(String table) {
        return new StreamReader(tables.streams(), streamArn(table), tables.pollInterval())
                .readUntil("the marker's record in " + table, RECORDS_BOUND, record -> describe(record).equals("INSERT marker"));
    }

    /** "INSERT a": what happened to which item (sort key), the shape the assertions compare. */
    private static String describe(Record record) {
        return record.eventName() + " " + record.dynamodb().keys().get("sk").s();
    }

    private static void put(String table, Map<String, AttributeValue> item) {
        tables.client().putItem(r -> r.tableName(table).item(item));
    }

    private static void update(String table, String pk, String sk, long v) {
        tables.client().updateItem(r -> r.tableName(table).key(key(pk, sk)).updateExpression("SET v = :v")
                .expressionAttributeValues(Map.of(":v", n(v))));
    }
}
