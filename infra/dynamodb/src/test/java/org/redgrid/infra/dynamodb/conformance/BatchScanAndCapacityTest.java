package org.redgrid.infra.dynamodb.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.redgrid.infra.dynamodb.conformance.AwsErrors.errorCode;
import static org.redgrid.infra.dynamodb.conformance.Items.item;
import static org.redgrid.infra.dynamodb.conformance.Items.key;
import static org.redgrid.infra.dynamodb.conformance.Items.keyed;
import static org.redgrid.infra.dynamodb.conformance.Items.m;
import static org.redgrid.infra.dynamodb.conformance.Items.n;
import static org.redgrid.infra.dynamodb.conformance.Items.s;
import static org.redgrid.infra.dynamodb.conformance.Tables.key;
import static org.redgrid.infra.dynamodb.conformance.Tables.string;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The rest of the item API the functions use: batch limits, parallel Scan, projections, and the capacity units single
 * reads and writes cost (the numbers the transactions' "twice the units" are measured against).
 */
class BatchScanAndCapacityTest {

    @RegisterExtension
    static final Tables tables = new Tables();

    private static final int SEEDED = 40;
    private static String table;

    @BeforeAll
    static void createTableWithItems() {
        table = tables.create("items");
        for (int start = 0; start < SEEDED; start += 20) {
            List<WriteRequest> puts = IntStream.range(start, start + 20).mapToObj(i -> WriteRequest.builder()
                    .putRequest(p -> p.item(keyed("seed", String.format("%02d", i), "v", n(i)))).build()).toList();
            writeAll(puts);
        }
    }

    @Test
    void batchGetReturnsEveryExistingKeyAndNothingForMissingOnes() {
        List<Map<String, AttributeValue>> keys = new ArrayList<>(IntStream.range(0, 30)
                .mapToObj(i -> key("seed", String.format("%02d", i))).toList());
        keys.add(key("seed", "missing"));

        List<Map<String, AttributeValue>> found = new ArrayList<>();
        Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
        // A caller must ask again for UnprocessedKeys (AWS returns some under load); the engine never leaves any.
        for (int round = 0; !request.isEmpty() && round < 20; round++) {
            Map<String, KeysAndAttributes> ask = request;
            var response = tables.client().batchGetItem(r -> r.requestItems(ask));
            found.addAll(response.responses().getOrDefault(table, List.of()));
            request = response.unprocessedKeys();
        }

        assertThat(found).hasSize(30).extracting(item -> item.get("sk").s())
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 30).mapToObj(i -> String.format("%02d", i)).toList());
    }

    @Test
    void batchLimitsAndDuplicatesAreRejected() {
        List<Map<String, AttributeValue>> tooManyKeys = IntStream.range(0, 101).mapToObj(i -> key("seed", "k" + i)).toList();
        List<WriteRequest> tooManyWrites = IntStream.range(0, 26)
                .mapToObj(i -> WriteRequest.builder().putRequest(p -> p.item(keyed("batch", "w" + i))).build()).toList();
        WriteRequest same = WriteRequest.builder().putRequest(p -> p.item(keyed("batch", "twice"))).build();

        assertThatThrownBy(() -> tables.client().batchGetItem(r -> r.requestItems(Map.of(table,
                KeysAndAttributes.builder().keys(tooManyKeys).build())))).satisfies(errorCode("ValidationException"));
        assertThatThrownBy(() -> tables.client().batchGetItem(r -> r.requestItems(Map.of(table,
                KeysAndAttributes.builder().keys(key("seed", "00"), key("seed", "00")).build())))).satisfies(errorCode("ValidationException"));
        assertThatThrownBy(() -> tables.client().batchWriteItem(r -> r.requestItems(Map.of(table, tooManyWrites))))
                .satisfies(errorCode("ValidationException"));
        assertThatThrownBy(() -> tables.client().batchWriteItem(r -> r.requestItems(Map.of(table, List.of(same, same)))))
                .satisfies(errorCode("ValidationException"));
        assertThat(tables.client().getItem(r -> r.tableName(table).key(key("batch", "w0")).consistentRead(true)).hasItem()).isFalse();
        assertThat(tables.client().getItem(r -> r.tableName(table).key(key("batch", "twice")).consistentRead(true)).hasItem()).isFalse();
    }

    @Test
    void parallelScanSegmentsTogetherReadEveryItemOnce() {
        List<String> seen = new ArrayList<>();
        int segments = 3;
        for (int segment = 0; segment < segments; segment++) {
            int current = segment;
            Map<String, AttributeValue> start = null;
            do {
                Map<String, AttributeValue> from = start;
                ScanResponse page = tables.client().scan(r -> r.tableName(table).segment(current).totalSegments(segments).limit(7)
                        .consistentRead(true).filterExpression("pk = :seed").expressionAttributeValues(Map.of(":seed", s("seed")))
                        .exclusiveStartKey(from));
                page.items().forEach(item -> seen.add(item.get("sk").s()));
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            } while (start != null);
        }

        assertThat(seen).hasSize(SEEDED).doesNotHaveDuplicates();
    }

    @Test
    void projectionsPickTopLevelAndNestedAttributes() {
        tables.client().putItem(r -> r.tableName(table).item(keyed("projection", "1", "name", s("Li"),
                "address", m("city", s("Hangzhou"), "street", s("Wenyi Rd")), "phone", s("13800000000"))));

        Map<String, AttributeValue> projected = tables.client().getItem(r -> r.tableName(table).key(key("projection", "1"))
                .consistentRead(true).projectionExpression("#n, address.city").expressionAttributeNames(Map.of("#n", "name"))).item();

        assertThat(projected).isEqualTo(item("name", s("Li"), "address", m("city", s("Hangzhou"))));
    }

    @Test
    void singleOperationsCostUnitsByItemSize() {
        String small = "x".repeat(500);
        String kilobyteAndAHalf = "x".repeat(1500);

        assertThat(putUnits(keyed("units", "small", "v", s(small)))).isEqualTo(1.0);
        assertThat(putUnits(keyed("units", "larger", "v", s(kilobyteAndAHalf)))).isEqualTo(2.0);
        assertThat(tables.client().getItem(r -> r.tableName(table).key(key("units", "small"))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity().capacityUnits()).isEqualTo(0.5);
        assertThat(tables.client().getItem(r -> r.tableName(table).key(key("units", "small")).consistentRead(true)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity().capacityUnits()).isEqualTo(1.0);
        // A Query is charged for the sum of what it read, rounded up to 4 KB once, not per item.
        assertThat(tables.client().query(q -> q.tableName(table).keyConditionExpression("pk = :units").consistentRead(true)
                .expressionAttributeValues(Map.of(":units", s("units"))).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL))
                .consumedCapacity().capacityUnits()).isEqualTo(1.0);
    }

    @Test
    void aWriteIsSizedOnTheLargerOfTheItemBeforeAndAfter() {
        String threeKilobytes = "x".repeat(3000);
        putUnits(keyed("sized", "1", "v", s(threeKilobytes)));

        double shrinkingPut = putUnits(keyed("sized", "1", "v", s("small")));
        putUnits(keyed("sized", "1", "v", s(threeKilobytes)));
        double delete = tables.client().deleteItem(r -> r.tableName(table).key(key("sized", "1"))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity().capacityUnits();
        double deleteOfNothing = tables.client().deleteItem(r -> r.tableName(table).key(key("sized", "1"))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity().capacityUnits();

        assertThat(shrinkingPut).isEqualTo(3.0);
        assertThat(delete).isEqualTo(3.0);
        assertThat(deleteOfNothing).isEqualTo(1.0);
    }

    @Test
    void indexWritesArePartOfTheUnits() {
        String indexed = tables.create("index-units", spec -> spec.attributeDefinitions(string("pk"), string("sk"), string("status"))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byStatus").keySchema(key("status", KeyType.HASH))
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build()));

        PutItemResponse inIndex = tables.client().putItem(r -> r.tableName(indexed).item(keyed("p", "1", "status", s("open")))
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES));
        double sparse = tables.client().putItem(r -> r.tableName(indexed).item(keyed("p", "2"))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity().capacityUnits();
        // Changing an index key deletes the old index entry and puts the new one: two index writes.
        double movedInIndex = tables.client().updateItem(r -> r.tableName(indexed).key(key("p", "1"))
                .updateExpression("SET #s = :closed").expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":closed", s("closed"))).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL))
                .consumedCapacity().capacityUnits();
        // A transaction doubles the table's part only; its index writes cost what they cost outside one. DynamoDB's
        // guides do not say so; it is what DynamoDB reports (measured figures, see CONFORMANCE.md).
        ConsumedCapacity transaction = tables.client().transactWriteItems(r -> r.returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)
                .transactItems(TransactWriteItem.builder().put(Put.builder().tableName(indexed)
                        .item(keyed("p", "3", "status", s("open"))).build()).build()))
                .consumedCapacity().get(0);

        assertThat(inIndex.consumedCapacity().capacityUnits()).isEqualTo(2.0);
        assertThat(inIndex.consumedCapacity().table().capacityUnits()).isEqualTo(1.0);
        assertThat(inIndex.consumedCapacity().globalSecondaryIndexes()).containsOnlyKeys("byStatus");
        assertThat(inIndex.consumedCapacity().globalSecondaryIndexes().get("byStatus").capacityUnits()).isEqualTo(1.0);
        assertThat(sparse).isEqualTo(1.0);
        assertThat(movedInIndex).isEqualTo(3.0);
        assertThat(transaction.capacityUnits()).isEqualTo(3.0);
        assertThat(transaction.table().capacityUnits()).isEqualTo(2.0);
        assertThat(transaction.globalSecondaryIndexes().get("byStatus").capacityUnits()).isEqualTo(1.0);
    }

    private static double putUnits(Map<String, AttributeValue> item) {
        return tables.client().putItem(r -> r.tableName(table).item(item).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL))
                .consumedCapacity().capacityUnits();
    }

    private static void writeAll(List<WriteRequest> writes) {
        Map<String, List<WriteRequest>> pending = Map.of(table, writes);
        for (int round = 0; !pending.isEmpty() && round < 20; round++) {
            Map<String, List<WriteRequest>> ask = pending;
            pending = tables.client().batchWriteItem(r -> r.requestItems(ask)).unprocessedItems();
        }
        assertThat(pending).as("items DynamoDB left unprocessed after 20 rounds").isEmpty();
    }
}
