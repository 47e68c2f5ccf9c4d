package org.redgrid.kernel.events;

import static org.redgrid.kernel.dynamo.Attr.s;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.redgrid.kernel.dynamo.Attr;
import org.redgrid.kernel.dynamo.SingleTable;
import org.redgrid.kernel.dynamo.Transaction;
import org.redgrid.kernel.problem.ProblemException;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The transactional outbox (发件箱): a domain event is an item of the domain's own table, put in the same
 * transaction as the change that causes it, so the event exists exactly when the change does. The table's stream
 * carries the new item to the consumers (template.yaml filters on the {@value #PREFIX} key prefix); the item
 * expires after {@link #KEPT}, long after the stream (24 h) has delivered it.
 */
public final class Outbox {

    public static final String PREFIX = "EVENT#";
    public static final String SK = "EVENT";
    static final Duration KEPT = Duration.ofDays(7);

    private Outbox() {
    }

    public static void add(SingleTable table, Transaction tx, DomainEvent event) {
        Map<String, AttributeValue> item = new HashMap<>(SingleTable.key(PREFIX + event.id(), SK));
        item.put("eventId", s(event.id()));
        item.put("eventType", s(event.type()));
        item.put("time", s(event.time()));
        item.put("subjectNode", s(event.subjectNode()));
        item.put("actor", s(event.actor()));
        Map<String, AttributeValue> data = new LinkedHashMap<>();
        event.data().forEach((k, v) -> Attr.putIfPresent(data, k, v));
        item.put("data", AttributeValue.fromM(data));
        item.put(SingleTable.EXPIRES_AT, Attr.n(Instant.parse(event.time()).plus(KEPT).getEpochSecond()));
        table.putNew(tx, item, () -> ProblemException.conflict("EVENT_EXISTS", "事件编号冲突，请重试"));
    }
}
