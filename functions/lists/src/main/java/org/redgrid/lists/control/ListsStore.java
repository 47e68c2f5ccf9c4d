package org.redgrid.lists.control;

import static org.redgrid.kernel.dynamo.Attr.s;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.redgrid.kernel.dynamo.SingleTable;
import org.redgrid.kernel.paging.Cursors;
import org.redgrid.kernel.paging.Page;
import org.redgrid.kernel.problem.ProblemException;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * ListsTable, in the kernel's {@link SingleTable} layout; template.yaml lists the access patterns. Besides the
 * kernel's reads it pages a subtree of the {@value SingleTable#BY_PARENT} index (a category's demands under a node)
 * and partitions newest first.
 */
@ApplicationScoped
public class ListsStore {

    /** DynamoDB's limit on the puts of one BatchWriteItem call. */
    static final int BATCH_WRITE = 25;
    private static final int BATCH_WRITE_ATTEMPTS = 10;

    @Inject
    DynamoDbClient db;

    @ConfigProperty(name = "redgrid.tables.lists")
    String tableName;

    private SingleTable table;

    @PostConstruct
    void open() {
        table = new SingleTable(db, tableName);
    }

    public SingleTable table() {
        return table;
    }

    /** One page of a {@value SingleTable#BY_PARENT} partition whose sort keys start with {@code prefix}. */
    public Page<Map<String, AttributeValue>> byParentUnder(String partition, String prefix, int limit, String cursor) {
        return page(QueryRequest.builder().indexName(SingleTable.BY_PARENT)
                .keyConditionExpression("gsi1pk = :pk AND begins_with(gsi1sk, :prefix)")
                .expressionAttributeValues(Map.of(":pk", s(partition), ":prefix", s(prefix))),
                SingleTable.BY_PARENT + "|" + partition + "|" + prefix, limit, cursor);
    }

    /** One page of a base-table partition's items whose sort keys start with {@code prefix}. */
    public Page<Map<String, AttributeValue>> partitionUnder(String pk, String prefix, int limit, String cursor) {
        return page(QueryRequest.builder().keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .expressionAttributeValues(Map.of(":pk", s(pk), ":prefix", s(prefix))),
                "table|" + pk + "|" + prefix, limit, cursor);
    }

    /**
     * Puts many new items outside any transaction: BatchWriteItem, {@value #BATCH_WRITE} a call, the items DynamoDB
     * leaves unprocessed (throttling) put again after a growing pause. Each put stands alone, so callers write what
     * makes the items visible (a head item) only after this returns.
     */
    public void putAll(List<Map<String, AttributeValue>> items) {
        for (int from = 0; from < items.size(); from += BATCH_WRITE) {
            List<WriteRequest> pending = items.subList(from, Math.min(items.size(), from + BATCH_WRITE)).stream()
                    .map(item -> WriteRequest.builder().putRequest(p -> p.item(item)).build()).toList();
            for (int attempt = 0; !pending.isEmpty(); attempt++) {
                if (attempt > 0) {
                    pause(attempt);
                }
                Map<String, List<WriteRequest>> request = Map.of(tableName, pending);
                pending = db.batchWriteItem(r -> r.requestItems(request)).unprocessedItems().getOrDefault(tableName, List.of());
            }
        }
    }

    private static void pause(int attempt) {
        if (attempt > BATCH_WRITE_ATTEMPTS) {
            throw new IllegalStateException("BatchWriteItem left items unprocessed after " + BATCH_WRITE_ATTEMPTS + " retries");
        }
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(25L << Math.min(attempt, 6)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One page of a {@value SingleTable#BY_PARENT} partition, newest (greatest sort key) first. */
    public Page<Map<String, AttributeValue>> byParentNewestFirst(String partition, int limit, String cursor) {
        return page(QueryRequest.builder().indexName(SingleTable.BY_PARENT).scanIndexForward(false)
                .keyConditionExpression("gsi1pk = :pk").expressionAttributeValues(Map.of(":pk", s(partition))),
                SingleTable.BY_PARENT + "|" + partition + "|desc", limit, cursor);
    }

    /** The items {@code page} points at (pointer items naming them by {@code keyOf}), in the page's order. */
    public <T> Page<T> follow(Page<Map<String, AttributeValue>> page, Function<Map<String, AttributeValue>, Map<String, AttributeValue>> keyOf,
            Function<Map<String, AttributeValue>, T> read) {
        List<Map<String, AttributeValue>> keys = page.items().stream().map(keyOf).toList();
        Map<Map<String, AttributeValue>, Map<String, AttributeValue>> found = new java.util.HashMap<>();
        table.getAll(keys).forEach(item -> found.put(SingleTable.key(item.get(SingleTable.PK).s(), item.get(SingleTable.SK).s()), item));
        return new Page<>(keys.stream().map(found::get).filter(java.util.Objects::nonNull).map(read).toList(), page.nextCursor());
    }

    /** The item at {@code pk}/{@code sk} read consistently, or 404 with {@code code}. */
    public Map<String, AttributeValue> existing(String pk, String sk, String code, String detail) {
        Optional<Map<String, AttributeValue>> item = table.get(pk, sk, true);
        return item.orElseThrow(() -> ProblemException.notFound(code, detail));
    }

    private Page<Map<String, AttributeValue>> page(QueryRequest.Builder query, String scope, int limit, String cursor) {
        String signed = tableName + "|" + scope;
        QueryResponse response = db.query(query.tableName(tableName).limit(limit)
                .exclusiveStartKey(Cursors.decode(cursor, signed)).build());
        return new Page<>(response.items(), Cursors.encode(response.lastEvaluatedKey(), signed));
    }
}
