package org.redgrid.kernel.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.redgrid.kernel.dynamo.Attr;
import org.redgrid.kernel.paging.Cursors;
import org.redgrid.kernel.paging.Page;
import org.redgrid.kernel.security.Caller;
import org.redgrid.kernel.security.Grant;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The audit trail of unmasked reads (AuditTable in template.yaml). A record is written before the unmasked
 * value leaves the service: when the write fails, the read fails. Records are never overwritten.
 */
@ApplicationScoped
public class AccessAudit {

    /** Kept five years, then removed by DynamoDB TTL. */
    private static final long RETENTION_DAYS = 5 * 366;

    @Inject
    DynamoDbClient db;

    @Inject
    Clock clock;

    @ConfigProperty(name = "redgrid.tables.audit")
    String table;

    /**
     * @param subject the record read, e.g. "PERSON#01J..." or "UNIT#01J..."
     */
    public void recordUnmaskedRead(String subject, Caller actor, List<String> fields, String reason, String requestId) {
        Instant now = clock.instant();
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", Attr.s("SUBJECT#" + subject));
        item.put("sk", Attr.s(now + "#" + requestId + "#" + actor.username()));
        item.put("gsi1pk", Attr.s("ACTOR#" + actor.username()));
        item.put("gsi1sk", Attr.s(now.toString()));
        item.put("subject", Attr.s(subject));
        item.put("actor", Attr.s(actor.username()));
        item.put("actorRoles", AttributeValue.fromL(actor.grants().stream().map(Grant::toString).map(Attr::s).toList()));
        item.put("fields", AttributeValue.fromL(fields.stream().map(Attr::s).toList()));
        item.put("reason", Attr.s(reason));
        item.put("at", Attr.s(now.toString()));
        item.put("requestId", Attr.s(requestId));
        item.put("expiresAt", Attr.n(now.plus(RETENTION_DAYS, ChronoUnit.DAYS).getEpochSecond()));
        db.putItem(r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
    }

    /** The reads of one subject's data, newest first. */
    public Page<AuditEntry> trail(String subject, int limit, String cursor) {
        String pk = "SUBJECT#" + subject;
        QueryResponse response = db.query(q -> q.tableName(table)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", Attr.s(pk)))
                .scanIndexForward(false)
                .limit(limit)
                .exclusiveStartKey(Cursors.decode(cursor, table + "|" + pk)));
        List<AuditEntry> entries = response.items().stream().map(AccessAudit::entry).toList();
        return new Page<>(entries, Cursors.encode(response.lastEvaluatedKey(), table + "|" + pk));
    }

    private static AuditEntry entry(Map<String, AttributeValue> item) {
        return new AuditEntry(Attr.str(item, "subject"), Attr.str(item, "actor"), strings(item.get("actorRoles")),
                strings(item.get("fields")), Attr.str(item, "reason"), Attr.str(item, "at"), Attr.str(item, "requestId"));
    }

    private static List<String> strings(AttributeValue list) {
        return list == null || !list.hasL() ? List.of() : list.l().stream().map(AttributeValue::s).toList();
    }
}
