package org.redgrid.kernel.events;

import static org.redgrid.kernel.dynamo.Attr.s;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.redgrid.kernel.dynamo.Attr;
import org.redgrid.kernel.dynamo.SingleTable;
import org.redgrid.kernel.dynamo.Transaction;
import org.redgrid.kernel.problem.ProblemException;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Exactly-once consumption (幂等消费): a consumer's effect and a "processed" item keyed by consumer and event id go
 * into one transaction; when the item already exists the event was consumed before and nothing is written.
 */
public final class ProcessedEvents {

    private ProcessedEvents() {
    }

    /** @return whether this delivery had the effect (false: a redelivery, ignored) */
    public static boolean once(SingleTable table, Clock clock, String consumer, DomainEvent event, Consumer<Transaction> effect) {
        Transaction tx = new Transaction();
        effect.accept(tx);
        Map<String, AttributeValue> item = new HashMap<>(SingleTable.key("PROCESSED#" + consumer + "#" + event.id(), "PROCESSED"));
        item.put("at", s(clock.instant().toString()));
        item.put(SingleTable.EXPIRES_AT, Attr.n(clock.instant().plus(Outbox.KEPT).getEpochSecond()));
        table.putNew(tx, item, AlreadyProcessed::new);
        try {
            table.commit(tx);
            return true;
        } catch (AlreadyProcessed redelivered) {
            return false;
        }
    }

    private static final class AlreadyProcessed extends ProblemException {
        AlreadyProcessed() {
            super(409, "EVENT_ALREADY_PROCESSED", "事件已处理", "该事件已处理");
        }
    }
}
