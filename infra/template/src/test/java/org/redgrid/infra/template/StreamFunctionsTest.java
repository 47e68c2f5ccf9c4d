package org.redgrid.infra.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The stream functions of template.yaml fail safely: every DynamoDB event retries a bounded number of times and then
 * hands the failed batch's record to the encrypted dead-letter queue instead of dropping it; each is filtered to
 * outbox inserts, and every stream function is the stream handler naming its consumer.
 */
class StreamFunctionsTest {

    private final SamTemplate template = SamTemplate.fromCheckout();

    @Test
    void everyStreamEventRetriesABoundedNumberOfTimesThenSendsTheBatchToTheDeadLetterQueue() {
        List<SamTemplate.StreamSource> sources = template.streamSources();
        assertFalse(sources.isEmpty());
        for (SamTemplate.StreamSource source : sources) {
            Map<String, Object> p = properties(source);
            String where = source.function() + "." + source.event();
            assertTrue(p.get("MaximumRetryAttempts") instanceof Number n && n.intValue() >= 0 && n.intValue() <= 10, where + " retries");
            Map<?, ?> onFailure = (Map<?, ?>) ((Map<?, ?>) p.get("DestinationConfig")).get("OnFailure");
            assertEquals("SQS", onFailure.get("Type"), where);
            assertEquals(Map.of("Fn::GetAtt", List.of("StreamDeadLetterQueue", "Arn")), onFailure.get("Destination"), where);
            assertTrue(source.reportsBatchItemFailures(), where + " reports the first failed record");
            assertFalse(source.filterPatterns().isEmpty(), where + " is filtered");
            source.filterPatterns().forEach(f -> assertTrue(f.contains("\"INSERT\"") && f.contains("EVENT#"), where + ": " + f));
            assertEquals("org.redgrid.app.StreamConsumers::handleRequest", template.javaHandler(source.function()).orElseThrow(), where);
            assertTrue(template.environment(source.function()).containsKey("QUARKUS_LAMBDA_HANDLER"), where + " names its consumer");
        }
        Map<String, Object> queue = template.resources().get("StreamDeadLetterQueue");
        assertEquals("AWS::SQS::Queue", queue.get("Type"));
        assertEquals(Boolean.TRUE, ((Map<?, ?>) queue.get("Properties")).get("SqsManagedSseEnabled"), "failed batches are kept encrypted");
    }

    @Test
    void crossDomainFunctionsSeeOnlyTheEventTypeTheirConsumerTakes() {
        Map<String, String> expected = Map.of("PointsAccrualFunction", "checkin.ServiceVerified",
                "CheckinProjectsFunction", "lists.ProjectCompleted");
        expected.forEach((function, type) -> {
            SamTemplate.StreamSource source = template.streamSources().stream().filter(s -> s.function().equals(function))
                    .findFirst().orElseThrow(() -> new AssertionError(function + " has no stream event"));
            assertEquals(List.of(true), source.filterPatterns().stream().map(f -> f.contains("\"eventType\": {\"S\": [\"" + type + "\"]}")).toList(),
                    function + " filters on " + type);
        });
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> properties(SamTemplate.StreamSource source) {
        Map<String, Object> fn = (Map<String, Object>) template.resources().get(source.function()).get("Properties");
        Map<String, Object> event = (Map<String, Object>) ((Map<String, Object>) fn.get("Events")).get(source.event());
        return (Map<String, Object>) event.get("Properties");
    }
}
