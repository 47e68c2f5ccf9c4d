package org.redgrid.kernel.events;

/**
 * A consumer of domain events delivered through a table's stream (事件消费者), a CDI bean {@code @Named} after the
 * consumer; template.yaml's stream function names it in {@code QUARKUS_LAMBDA_HANDLER}. Implementations make their
 * effect through {@link ProcessedEvents#once}, so a redelivered event changes nothing.
 */
public interface EventConsumer {

    void consume(DomainEvent event);
}
