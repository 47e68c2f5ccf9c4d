package org.redgrid.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.redgrid.infra.dynamodb.DynamoEngineResource;
import org.redgrid.infra.template.SamTemplate;
import org.redgrid.kernel.events.EventConsumer;
import org.redgrid.kernel.jobs.ScheduledJob;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.arc.Arc;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.literal.NamedLiteral;

/**
 * Every stream function of template.yaml names, in QUARKUS_LAMBDA_HANDLER, an event consumer the assembled
 * application has, and every schedule's input a scheduled job it has: a misspelt or missing one would fail every run in
 * the cloud until the dead-letter queue took it.
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

    @Test
    @SuppressWarnings("unchecked")
    void everyScheduleNamesAJobOfTheApplication() throws Exception {
        SamTemplate template = SamTemplate.fromCheckout();
        List<String> jobs = new ArrayList<>();
        template.resourcesOfType("AWS::Serverless::Function").forEach((name, fn) -> {
            Map<String, Object> events = (Map<String, Object>) ((Map<String, Object>) fn.get("Properties")).getOrDefault("Events", Map.of());
            events.values().stream().map(e -> (Map<String, Object>) e).filter(e -> "Schedule".equals(e.get("Type"))).forEach(e -> {
                assertEquals("org.redgrid.app.ScheduledJobs::handleRequest", template.javaHandler(name).orElseThrow(), name);
                jobs.add((String) ((Map<String, Object>) e.get("Properties")).get("Input"));
            });
        });
        assertFalse(jobs.isEmpty());
        for (String input : jobs) {
            String job = new ObjectMapper().readTree(input).path("job").asText();
            assertTrue(Arc.container().instance(ScheduledJob.class, NamedLiteral.of(job)).isAvailable(), "no scheduled job named " + job);
        }
    }
}
