package org.redgrid.kernel.events;

import java.util.Map;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Something that happened in one domain that others may act on (领域事件), e.g. {@code directory.PersonMoved}.
 * Written by {@link Outbox} in the same transaction as its cause, delivered at least once through the table's
 * stream, consumed exactly once per consumer by {@link ProcessedEvents}.
 *
 * @param id          unique, time-ordered; the consumers' deduplication key
 * @param type        {@code <domain>.<PastTenseName>}
 * @param time        ISO-8601 instant of the cause
 * @param subjectNode code of the grid node the event concerns (where it happened)
 * @param actor       username of the caller who caused it
 * @param data        the event's facts, as strings
 */
@RegisterForReflection
public record DomainEvent(String id, String type, String time, String subjectNode, String actor, Map<String, String> data) {
}
