package org.redgrid.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.redgrid.infra.dynamodb.DynamoEngineResource;
import org.redgrid.infra.template.SamTemplate;
import org.redgrid.kernel.events.EventConsumer;

import io.quarkus.arc.Arc;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.literal.NamedLiteral;

/**
 * Every stream function of template.yaml names, in QUARKUS_LAMBDA_HANDLER, an event consumer the assembled
 * application has: a misspelt or missing consumer would fail every batch in the cloud until the dead-letter queue
 * took it.
 */
@QuarkusTest
@QuarkusTestResource(DynamoEngineResource.class)
class StreamConsumersTest {

    @Test
    void everyStreamFunctionNamesAConsumerOfTheApplication() {
        SamTemplate template = SamTemplate.fromCheckout();
        List<String> consumers = template.streamSources().stream()
                .map(s -> template.environment(s.function()).get("QUARKUS_LAMBDA_HANDLER")).distinct().toList();
        assertFalse(consumers.isEmpty());
        for (String name : consumers) {
            assertTrue(Arc.container().instance(EventConsumer.class, NamedLiteral.of(name)).isAvailable(), "no consumer named " + name);
        }
    }
}
