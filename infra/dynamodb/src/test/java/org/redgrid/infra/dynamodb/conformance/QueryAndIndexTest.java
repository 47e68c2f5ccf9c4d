package org.redgrid.infra.dynamodb.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.redgrid.infra.dynamodb.conformance.AwsErrors.errorCode;
import static org.redgrid.infra.dynamodb.conformance.Items.item;
import static org.redgrid.infra.dynamodb.conformance.Items.key;
import static org.redgrid.infra.dynamodb.conformance.Items.keyed;
import static org.redgrid.infra.dynamodb.conformance.Items.n;
import static org.redgrid.infra.dynamodb.conformance.Items.s;
import static org.redgrid.infra.dynamodb.conformance.Tables.key;
import static org.redgrid.infra.dynamodb.conformance.Tables.number;
import static org.redgrid.infra.dynamodb.conformance.Tables.string;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Query on a table and on global secondary indexes: key conditions, order, Limit and paging, sparse indexes and
 * projections. Index reads are eventually consistent on AWS, so what a test wrote is awaited (bounded) in the index
 * before the assertions.
 */
class QueryAndIndexTest {

    @RegisterExtension
    static final Tables tables = new Tables();

    private static final int ORDERS = 25;
    private static final String SHOP = "shop#1";
    private static String table;

    @BeforeAll
    static void createTableWithOrders() {
        table = tables.create("orders", spec -> spec
                .attributeDefinitions(string("pk"), string("sk"), string("status"), number("placed"), string("owner"))
                .globalSecondaryIndexes(
                        GlobalSecondaryIndex.builder().indexName("byStatus")
                                .keySchema(key("status", KeyType.HASH), key("placed", KeyType.RANGE))
                                .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build(),
                        GlobalSecondaryIndex.builder().indexName("byOwner")
                                .keySchema(key("owner", KeyType.HASH))
                                .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build()).build()));
        // Even orders are open (in byStatus), odd ones have no status at all: byStatus is sparse.
        for (int i = 0; i < ORDERS; i++) {
            Map<String, AttributeValue> order = keyed(SHOP, orderKey(i), "placed", n(i), "owner", s("owner#" + (i % 3)),
                    "note", s("note " + i));
            if (i % 2 == 0) {
                order.put("status", s("open"));
            }
            tables.client().putItem(r -> r.tableName(table).item(order));
        }
        awaitIndex("byStatus", "status", s("open"), 13);
        awaitIndex("byOwner", "owner", s("owner#0"), 9);
    }

    @Test
    void sparseIndexHoldsOnlyItemsWithItsKey() {
        List<Map<String, AttributeValue>> open = queryAll(q -> q.indexName("byStatus").keyConditionExpression("#s = :open")
                .expressionAttributeNames(Map.of("#s", "status")).expressionAttributeValues(Map.of(":open", s("open"))));

        assertThat(open).extracting(item -> item.get("sk").s())
                .containsExactlyElementsOf(IntStream.range(0, ORDERS).filter(i -> i % 2 == 0).mapToObj(QueryAndIndexTest::orderKey).toList());
        // The whole index, not a query by status: the odd orders would show up here if the index were not sparse.
        assertThat(tables.client().scan(r -> r.tableName(table).indexName("byStatus")).items().stream()
                .filter(item -> item.get("pk").equals(s(SHOP))))
                .hasSize(13)
                .allSatisfy(item -> assertThat(item).containsKey("status"));
    }

    @Test
    void keyConditionsOnTheSortKey() {
        assertThat(sortKeys(q -> q.keyConditionExpression("pk = :p AND begins_with(sk, :prefix)")
                .expressionAttributeValues(Map.of(":p", s(SHOP), ":prefix", s("order#1")))))
                .containsExactly("order#10", "order#11", "order#12", "order#13", "order#14", "order#15", "order#16",
                        "order#17", "order#18", "order#19");
        assertThat(sortKeys(q -> q.keyConditionExpression("pk = :p AND sk BETWEEN :from AND :to")
                .expressionAttributeValues(Map.of(":p", s(SHOP), ":from", s("order#03"), ":to", s("order#05")))))
                .containsExactly("order#03", "order#04", "order#05");
        assertThat(sortKeys(q -> q.keyConditionExpression("pk = :p AND sk > :after")
                .expressionAttributeValues(Map.of(":p", s(SHOP), ":after", s("order#22")))))
                .containsExactly("order#23", "order#24");
        assertThat(sortKeys(q -> q.keyConditionExpression("pk = :p AND sk <= :upTo")
                .expressionAttributeValues(Map.of(":p", s(SHOP), ":upTo", s("order#01")))))
                .containsExactly("order#00", "order#01");
        assertThat(sortKeys(q -> q.keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", s("no such shop"))))).isEmpty();
    }

    @Test
    void scanIndexForwardFalseReadsBackwards() {
        assertThat(sortKeys(q -> q.keyConditionExpression("pk = :p AND sk < :before").scanIndexForward(false)
                .expressionAttributeValues(Map.of(":p", s(SHOP), ":before", s("order#03")))))
                .containsExactly("order#02", "order#01", "order#00");
    }

    @Test
    void limitPagesThroughTheTableWithLastEvaluatedKey() {
        List<QueryResponse> pages = pages(q -> q.keyConditionExpression("pk = :p").limit(4)
                .expressionAttributeValues(Map.of(":p", s(SHOP))));

        assertThat(pages).hasSize(7);
        assertThat(pages.subList(0, 6)).allSatisfy(page -> {
            assertThat(page.count()).isEqualTo(4);
            assertThat(page.lastEvaluatedKey()).isEqualTo(key(SHOP, page.items().get(3).get("sk").s()));
        });
        assertThat(pages.get(6).items()).hasSize(1);
        assertThat(pages.get(6).hasLastEvaluatedKey()).isFalse();
        assertThat(pages.stream().flatMap(page -> page.items().stream()).map(item -> item.get("sk").s()))
                .containsExactlyElementsOf(IntStream.range(0, ORDERS).mapToObj(QueryAndIndexTest::orderKey).toList());
    }

    @Test
    void exactlyFullLastPageStillCarriesAKeyAndIsFollowedByAnEmptyPage() {
        List<QueryResponse> pages = pages(q -> q.keyConditionExpression("pk = :p AND sk < :before").limit(2)
                .expressionAttributeValues(Map.of(":p", s(SHOP), ":before", s("order#04"))));

        assertThat(pages).extracting(QueryResponse::count).containsExactly(2, 2, 0);
    }

    @Test
    void limitPagesBackwardsThroughASparseIndex() {
        List<QueryResponse> pages = pages(q -> q.indexName("byStatus").keyConditionExpression("#s = :open")
                .scanIndexForward(false).limit(5)
                .expressionAttributeNames(Map.of("#s", "status")).expressionAttributeValues(Map.of(":open", s("open"))));

        assertThat(pages).extracting(QueryResponse::count).containsExactly(5, 5, 3);
        // An index's LastEvaluatedKey names the index key and the table key of the last item read.
        Map<String, AttributeValue> last = pages.get(0).items().get(4);
        assertThat(pages.get(0).lastEvaluatedKey()).isEqualTo(item("status", s("open"), "placed", last.get("placed"),
                "pk", s(SHOP), "sk", last.get("sk")));
        assertThat(pages.stream().flatMap(page -> page.items().stream()).map(item -> Integer.parseInt(item.get("placed").n())))
                .containsExactly(24, 22, 20, 18, 16, 14, 12, 10, 8, 6, 4, 2, 0);
    }

    @Test
    void keysOnlyIndexProjectsTheKeysAlone() {
        List<Map<String, AttributeValue>> owned = queryAll(q -> q.indexName("byOwner").keyConditionExpression("#o = :o")
                .expressionAttributeNames(Map.of("#o", "owner")).expressionAttributeValues(Map.of(":o", s("owner#1"))));

        assertThat(owned).hasSize(8).allSatisfy(item -> assertThat(item.keySet()).containsExactlyInAnyOrder("pk", "sk", "owner"));
    }

    @Test
    void limitCountsItemsReadBeforeTheFilter() {
        QueryResponse page = tables.client().query(q -> q.tableName(table).keyConditionExpression("pk = :p").limit(5)
                .filterExpression("placed > :twenty").expressionAttributeValues(Map.of(":p", s(SHOP), ":twenty", n(20))));

        assertThat(page.count()).isZero();
        assertThat(page.scannedCount()).isEqualTo(5);
        assertThat(page.lastEvaluatedKey()).isEqualTo(key(SHOP, orderKey(4)));
    }

    @Test
    void aPageStopsAtOneMegabyteEvenWithoutLimit() {
        String pk = "shop#large";
        String filler = "x".repeat(100 * 1024);
        for (int i = 0; i < 12; i++) {
            Map<String, AttributeValue> large = keyed(pk, orderKey(i), "filler", s(filler));
            tables.client().putItem(r -> r.tableName(table).item(large));
        }

        List<QueryResponse> pages = pages(q -> q.keyConditionExpression("pk = :p").expressionAttributeValues(Map.of(":p", s(pk))));

        // Twelve items of 100 KB do not fit in one 1 MB page; the first page ends with a LastEvaluatedKey.
        assertThat(pages.size()).isGreaterThan(1);
        assertThat(pages.get(0).count()).isBetween(9, 11);
        assertThat(pages.stream().mapToInt(QueryResponse::count).sum()).isEqualTo(12);
    }

    @Test
    void selectCountCountsWithoutItems() {
        QueryResponse counted = tables.client().query(q -> q.tableName(table).keyConditionExpression("pk = :p")
                .select(Select.COUNT).expressionAttributeValues(Map.of(":p", s(SHOP))));

        assertThat(counted.count()).isEqualTo(ORDERS);
        assertThat(counted.hasItems()).isFalse();
    }

    @Test
    void writesMoveItemsInAndOutOfASparseIndex() {
        String pk = "shop#moves";
        tables.client().putItem(r -> r.tableName(table).item(keyed(pk, "a", "placed", n(1), "status", s("moving"))));
        tables.client().putItem(r -> r.tableName(table).item(keyed(pk, "b", "placed", n(2))));
        awaitIndex("byStatus", "status", s("moving"), 1);

        tables.client().updateItem(r -> r.tableName(table).key(key(pk, "a")).updateExpression("REMOVE #s")
                .expressionAttributeNames(Map.of("#s", "status")));
        tables.client().updateItem(r -> r.tableName(table).key(key(pk, "b")).updateExpression("SET #s = :moving")
                .expressionAttributeNames(Map.of("#s", "status")).expressionAttributeValues(Map.of(":moving", s("moving"))));

        List<Map<String, AttributeValue>> moving = Poll.until("the index to follow the writes", Duration.ofMinutes(1),
                tables.pollInterval(), () -> {
                    List<Map<String, AttributeValue>> now = queryAll(q -> q.indexName("byStatus").keyConditionExpression("#s = :moving")
                            .expressionAttributeNames(Map.of("#s", "status")).expressionAttributeValues(Map.of(":moving", s("moving"))));
                    return now.size() == 1 && now.get(0).get("sk").equals(s("b")) ? Optional.of(now) : Optional.empty();
                });
        assertThat(moving.get(0)).containsEntry("placed", n(2));
    }

    @Test
    void anIndexAddedLaterIsFilledFromTheItemsAlreadyThere() {
        String late = tables.create("late-index");
        tables.client().putItem(r -> r.tableName(late).item(keyed("p", "1", "status", s("open"))));
        tables.client().putItem(r -> r.tableName(late).item(keyed("p", "2")));

        tables.client().updateTable(r -> r.tableName(late).attributeDefinitions(string("pk"), string("sk"), string("status"))
                .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("byStatus").keySchema(key("status", KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.ALL)))));
        tables.awaitActive(late);

        assertThat(tables.client().query(q -> q.tableName(late).indexName("byStatus").keyConditionExpression("#s = :open")
                .expressionAttributeNames(Map.of("#s", "status")).expressionAttributeValues(Map.of(":open", s("open")))).items())
                .extracting(item -> item.get("sk")).containsExactly(s("1"));
    }

    @Test
    void consistentReadOnAGlobalIndexIsRejected() {
        assertThatThrownBy(() -> tables.client().query(q -> q.tableName(table).indexName("byStatus").consistentRead(true)
                .keyConditionExpression("#s = :open").expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":open", s("open")))))
                .satisfies(errorCode("ValidationException"));
    }

    @Test
    void keyConditionOnANonKeyAttributeIsRejected() {
        assertThatThrownBy(() -> tables.client().query(q -> q.tableName(table).keyConditionExpression("pk = :p AND placed = :one")
                .expressionAttributeValues(Map.of(":p", s(SHOP), ":one", n(1)))))
                .satisfies(errorCode("ValidationException"));
    }

    private static String orderKey(int i) {
        return String.format("order#%02d", i);
    }

    private static List<Map<String, AttributeValue>> awaitIndex(String index, String attribute, AttributeValue value, int expected) {
        return Poll.until(expected + " items in " + index, Duration.ofMinutes(1), tables.pollInterval(), () -> {
            List<Map<String, AttributeValue>> items = queryAll(q -> q.indexName(index).keyConditionExpression("#a = :v")
                    .expressionAttributeNames(Map.of("#a", attribute)).expressionAttributeValues(Map.of(":v", value)));
            return items.size() == expected ? Optional.of(items) : Optional.empty();
        });
    }

    private static List<String> sortKeys(UnaryOperator<QueryRequest.Builder> query) {
        return queryAll(query).stream().map(item -> item.get("sk").s()).toList();
    }

    private static List<Map<String, AttributeValue>> queryAll(UnaryOperator<QueryRequest.Builder> query) {
        return pages(query).stream().flatMap(page -> page.items().stream()).toList();
    }

    /** Every page of a query, following LastEvaluatedKey as a caller would. */
    private static List<QueryResponse> pages(UnaryOperator<QueryRequest.Builder> query) {
        List<QueryResponse> pages = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder request = query.apply(QueryRequest.builder().tableName(table));
            if (start != null) {
                request.exclusiveStartKey(start);
            }
            QueryResponse page = tables.client().query(request.build());
            pages.add(page);
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null && pages.size() < 100);
        return pages;
    }
}
