package org.redgrid.directory.control;

import static org.redgrid.kernel.dynamo.Attr.s;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.redgrid.directory.entity.GridNode;
import org.redgrid.directory.entity.Keys;
import org.redgrid.kernel.paging.Cursors;
import org.redgrid.kernel.paging.Page;
import org.redgrid.kernel.problem.ProblemException;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * DirectoryTable access: the key reads, path-prefix queries and node counter updates every directory service
 * shares. Each method is one access pattern of template.yaml's list; none scans.
 */
@ApplicationScoped
public class DirectoryStore {

    @Inject
    DynamoDbClient db;

    @ConfigProperty(name = "redgrid.tables.directory")
    String table;

    public String table() {
        return table;
    }

    public DynamoDbClient db() {
        return db;
    }

    public Optional<Map<String, AttributeValue>> get(String pk, String sk) {
        Map<String, AttributeValue> item = db.getItem(r -> r.tableName(table).key(key(pk, sk))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    public Optional<GridNode> node(String code) {
        return get(Keys.node(code), Keys.NODE_SK).map(GridNode::fromItem);
    }

    public GridNode existingNode(String code) {
        return node(code).orElseThrow(() -> ProblemException.notFound("NODE_NOT_FOUND", "网格节点 " + code + " 不存在"));
    }

    /** Nodes by code, in the order given; codes without a node are left out. */
    public List<GridNode> nodes(List<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        Map<String, GridNode> found = new HashMap<>();
        List<Map<String, AttributeValue>> keys = codes.stream().distinct().map(c -> key(Keys.node(c), Keys.NODE_SK)).toList();
        for (int from = 0; from < keys.size(); from += 100) {
            Map<String, KeysAndAttributes> pending = Map.of(table,
                    KeysAndAttributes.builder().keys(keys.subList(from, Math.min(keys.size(), from + 100))).build());
            while (pending != null && !pending.isEmpty()) {
                Map<String, KeysAndAttributes> request = pending;
                BatchGetItemResponse response = db.batchGetItem(r -> r.requestItems(request));
                response.responses().getOrDefault(table, List.of()).forEach(i -> {
                    GridNode n = GridNode.fromItem(i);
                    found.put(n.code(), n);
                });
                pending = response.unprocessedKeys();
            }
        }
        return codes.stream().map(found::get).filter(n -> n != null).toList();
    }

    /** One page of items under a path in the ByPath index partition {@code partition}. */
    public Page<Map<String, AttributeValue>> underPath(String partition, String path, int limit, String cursor) {
        return page(QueryRequest.builder().tableName(table).indexName(Keys.BY_PATH)
                .keyConditionExpression("gsi2pk = :pk AND begins_with(gsi2sk, :path)")
                .expressionAttributeValues(Map.of(":pk", s(partition), ":path", s(path)))
                .limit(limit), Keys.GSI2PK, partition, cursor);
    }

    /** One page of the ByParent index partition {@code partition} (children of a node, members of a household). */
    public Page<Map<String, AttributeValue>> byParent(String partition, int limit, String cursor) {
        return page(QueryRequest.builder().tableName(table).indexName(Keys.BY_PARENT)
                .keyConditionExpression("gsi1pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(partition)))
                .limit(limit), Keys.GSI1PK, partition, cursor);
    }

    /** Every item of a base-table partition (a person's profile and posts). */
    public List<Map<String, AttributeValue>> partition(String pk) {
        return all(QueryRequest.builder().tableName(table)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(pk))).build(), Integer.MAX_VALUE);
    }

    /** Every item under a path in a ByPath partition, up to {@code max} (callers refuse larger sets). */
    public List<Map<String, AttributeValue>> allUnderPath(String partition, String path, int max) {
        return all(QueryRequest.builder().tableName(table).indexName(Keys.BY_PATH)
                .keyConditionExpression("gsi2pk = :pk AND begins_with(gsi2sk, :path)")
                .expressionAttributeValues(Map.of(":pk", s(partition), ":path", s(path))).build(), max);
    }

    public static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(Keys.PK, s(pk), Keys.SK, s(sk));
    }

    private Page<Map<String, AttributeValue>> page(QueryRequest.Builder query, String partitionAttribute, String partition,
            String cursor) {
        QueryResponse response = db.query(query.exclusiveStartKey(Cursors.decode(cursor, partitionAttribute, partition)).build());
        return new Page<>(response.items(), Cursors.encode(response.lastEvaluatedKey()));
    }

    private List<Map<String, AttributeValue>> all(QueryRequest query, int max) {
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        for (QueryResponse page : db.queryPaginator(query)) {
            out.addAll(page.items());
            if (out.size() > max) {
                break;
            }
        }
        return out;
    }
}
