package org.redgrid.kernel.events;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import jakarta.enterprise.inject.literal.NamedLiteral;

/** Hands one Lambda DynamoDB stream event to the {@code @Named} {@link EventConsumer} bean of the running application. */
public final class StreamDispatch {

    private StreamDispatch() {
    }

    /** @return Lambda's partial batch response */
    public static JsonNode handle(String consumerName, JsonNode lambdaEvent) {
        try (InstanceHandle<EventConsumer> consumer = Arc.container().instance(EventConsumer.class, NamedLiteral.of(consumerName))) {
            if (!consumer.isAvailable()) {
                throw new IllegalStateException("no event consumer named " + consumerName);
            }
            Arc.container().requestContext().activate();
            try {
                return StreamBatch.handle(lambdaEvent, consumer.get());
            } finally {
                Arc.container().requestContext().terminate();
            }
        }
    }
}
