package org.redgrid.lists.control;

import static org.redgrid.kernel.dynamo.Attr.s;

import java.util.List;
import java.util.Map;
import java.util.Optional;
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

/**
 * ListsTable, in the kernel's {@link SingleTable} layout; template.yaml lists the access patterns. Besides the
 * kernel's reads it pages a subtree of the {@value SingleTable#BY_PARENT} index (a category's demands under a node)
 * and partitions newest first.
 */
@ApplicationScoped
public class ListsStore {

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
