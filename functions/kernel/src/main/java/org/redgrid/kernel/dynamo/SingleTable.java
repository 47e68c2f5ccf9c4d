package org.redgrid.kernel.dynamo;

import static org.redgrid.kernel.dynamo.Attr.s;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.redgrid.kernel.paging.Cursors;
import org.redgrid.kernel.paging.Page;
import org.redgrid.kernel.problem.ProblemException;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * One domain's DynamoDB table in RedGrid's single-table layout (单表设计), and the reads and transactional writes
 * every domain shares. The layout, which template.yaml gives every domain table: key {@value #PK}/{@value #SK};
 * index {@value #BY_PARENT} on {@value #GSI1PK}/{@value #GSI1SK} (things grouped under an owner); index
 * {@value #BY_PATH} on {@value #GSI2PK}/{@value #GSI2SK} (things sorted by their grid path, so a subtree is one
 * {@code begins_with}). Every method is one access pattern; none scans.
 */
public final class SingleTable {

    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String GSI1PK = "gsi1pk";
    public static final String GSI1SK = "gsi1sk";
    public static final String GSI2PK = "gsi2pk";
    public static final String GSI2SK = "gsi2sk";
    public static final String BY_PARENT = "ByParent";
    public static final String BY_PATH = "ByPath";
    /** The TTL attribute (epoch seconds) of items that expire, e.g. idempotency records. */
    public static final String EXPIRES_AT = "expiresAt";

    private final DynamoDbClient db;
    private final String name;

    public SingleTable(DynamoDbClient db, String name) {
        this.db = db;
        this.name = name;
    }

    public String name() {
        return name;
    }

    public DynamoDbClient db() {
        return db;
    }

    public static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(PK, s(pk), SK, s(sk));
    }

    /** The version, creation and change times every stored record carries. */
    public static void stamp(Map<String, AttributeValue> item, long version, String createdAt, String updatedAt) {
        item.put("version", Attr.n(version));
        item.put("createdAt", s(createdAt));
        item.put("updatedAt", s(updatedAt));
    }

    /** The one refusal of a change made against a version someone else has changed since. */
    public static ProblemException versionConflict() {
        return ProblemException.conflict("VERSION_CONFLICT", "数据已被他人修改，请刷新后重试");
    }

    /** Refuses a change that names a version other than the current one (no version named: no check). */
    public static void requireVersion(Long expected, long current) {
        if (expected != null && expected != current) {
            throw versionConflict();
        }
    }

    // ---- reads ----

    public Optional<Map<String, AttributeValue>> get(String pk, String sk) {
        return get(pk, sk, false);
    }

    public Optional<Map<String, AttributeValue>> get(String pk, String sk, boolean consistent) {
        Map<String, AttributeValue> item = db.getItem(r -> r.tableName(name).key(key(pk, sk)).consistentRead(consistent)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    /** Items by key (BatchGetItem, 100 keys a call, unprocessed keys retried); missing ones are left out. */
    public List<Map<String, AttributeValue>> getAll(List<Map<String, AttributeValue>> keys) {
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        List<Map<String, AttributeValue>> distinct = keys.stream().distinct().toList();
        for (int from = 0; from < distinct.size(); from += 100) {
            Map<String, KeysAndAttributes> pending = Map.of(name,
                    KeysAndAttributes.builder().keys(distinct.subList(from, Math.min(distinct.size(), from + 100))).build());
            while (pending != null && !pending.isEmpty()) {
                Map<String, KeysAndAttributes> request = pending;
                BatchGetItemResponse response = db.batchGetItem(r -> r.requestItems(request));
                found.addAll(response.responses().getOrDefault(name, List.of()));
                pending = response.unprocessedKeys();
            }
        }
        return found;
    }

    /** One page of items under a path in the {@value #BY_PATH} index partition {@code partition}. */
    public Page<Map<String, AttributeValue>> underPath(String partition, String path, int limit, String cursor) {
        return page(QueryRequest.builder().tableName(name).indexName(BY_PATH)
                .keyConditionExpression("gsi2pk = :pk AND begins_with(gsi2sk, :path)")
                .expressionAttributeValues(Map.of(":pk", s(partition), ":path", s(path)))
                .limit(limit), GSI2PK, partition, cursor);
    }

    /** One page of the {@value #BY_PARENT} index partition {@code partition}. */
    public Page<Map<String, AttributeValue>> byParent(String partition, int limit, String cursor) {
        return page(QueryRequest.builder().tableName(name).indexName(BY_PARENT)
                .keyConditionExpression("gsi1pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(partition)))
                .limit(limit), GSI1PK, partition, cursor);
    }

    /** One page of a base-table partition, newest sort key first when {@code newestFirst}. */
    public Page<Map<String, AttributeValue>> partition(String pk, boolean newestFirst, int limit, String cursor) {
        return page(QueryRequest.builder().tableName(name)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(pk)))
                .scanIndexForward(!newestFirst)
                .limit(limit), PK, pk, cursor);
    }

    /** Every item of a base-table partition (e.g. a record and its parts). */
    public List<Map<String, AttributeValue>> partition(String pk) {
        return all(QueryRequest.builder().tableName(name)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(pk))).build(), Integer.MAX_VALUE);
    }

    /** Every item under a path in a {@value #BY_PATH} partition, up to a little over {@code max} (callers refuse more). */
    public List<Map<String, AttributeValue>> allUnderPath(String partition, String path, int max) {
        return all(QueryRequest.builder().tableName(name).indexName(BY_PATH)
                .keyConditionExpression("gsi2pk = :pk AND begins_with(gsi2sk, :path)")
                .expressionAttributeValues(Map.of(":pk", s(partition), ":path", s(path))).build(), max);
    }

    // ---- transactional writes ----

    /** Puts a new item; {@code refusal} when one with its key exists. */
    public Transaction putNew(Transaction tx, Map<String, AttributeValue> item, Supplier<ProblemException> refusal) {
        return tx.put(Put.builder().tableName(name).item(item).conditionExpression("attribute_not_exists(pk)").build(), refusal);
    }

    /** Replaces an item read at version {@code seen}; VERSION_CONFLICT when it changed since. */
    public Transaction putVersioned(Transaction tx, Map<String, AttributeValue> item, long seen) {
        return tx.put(Put.builder().tableName(name).item(item).conditionExpression("version = :seen")
                .expressionAttributeValues(Map.of(":seen", Attr.n(seen))).build(), SingleTable::versionConflict);
    }

    /** Replaces an item (with no version of its own) unless it changed after {@code seenUpdatedAt}. */
    public Transaction putUnchanged(Transaction tx, Map<String, AttributeValue> item, AttributeValue seenUpdatedAt,
            Supplier<ProblemException> refusal) {
        return tx.put(Put.builder().tableName(name).item(item).conditionExpression("updatedAt = :seen")
                .expressionAttributeValues(Map.of(":seen", seenUpdatedAt)).build(), refusal);
    }

    /** Puts an item whatever is there (copies kept in step with their source in the same transaction). */
    public Transaction put(Transaction tx, Map<String, AttributeValue> item) {
        return tx.put(Put.builder().tableName(name).item(item).build(), () -> ProblemException.conflict("CONCURRENT_CHANGE",
                "数据正被他人同时修改，请刷新后重试"));
    }

    /** Updates the item at {@code key}; {@code spec} gives the expression, condition and values. */
    public Transaction update(Transaction tx, Map<String, AttributeValue> key, Consumer<Update.Builder> spec,
            Supplier<ProblemException> refusal) {
        Update.Builder update = Update.builder().tableName(name).key(key);
        spec.accept(update);
        return tx.update(update.build(), refusal);
    }

    /** Deletes the item at {@code key}; {@code spec} may add a condition. */
    public Transaction delete(Transaction tx, Map<String, AttributeValue> key, Consumer<Delete.Builder> spec,
            Supplier<ProblemException> refusal) {
        Delete.Builder delete = Delete.builder().tableName(name).key(key);
        spec.accept(delete);
        return tx.delete(delete.build(), refusal);
    }

    /** The change goes ahead only while the item at {@code key} exists. */
    public Transaction requireExists(Transaction tx, Map<String, AttributeValue> key, Supplier<ProblemException> refusal) {
        return tx.check(ConditionCheck.builder().tableName(name).key(key).conditionExpression("attribute_exists(pk)").build(), refusal);
    }

    public void commit(Transaction tx) {
        tx.commit(db);
    }

    /** Values for an update or condition expression, built up by name. */
    public static Map<String, AttributeValue> values(Object... nameValuePairs) {
        Map<String, AttributeValue> values = new HashMap<>();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            Object v = nameValuePairs[i + 1];
            values.put((String) nameValuePairs[i], v instanceof AttributeValue a ? a
                    : v instanceof Number n ? Attr.n(n.longValue()) : s(v.toString()));
        }
        return values;
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
