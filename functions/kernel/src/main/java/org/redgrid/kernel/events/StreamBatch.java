package org.redgrid.kernel.events;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One Lambda DynamoDB stream event (the JSON AWS sends: {@code Records[].dynamodb.NewImage} in DynamoDB's attribute
 * format) handed to a consumer record by record. The answer is Lambda's partial batch response: the first record
 * that failed and everything after it are redelivered ({@code ReportBatchItemFailures}); records that are not
 * outbox items (the stream filter should keep them away) are skipped.
 */
public final class StreamBatch {

    private static final Logger LOG = Logger.getLogger(StreamBatch.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private StreamBatch() {
    }

    public static ObjectNode handle(JsonNode lambdaEvent, EventConsumer consumer) {
        ObjectNode response = JSON.createObjectNode();
        var failures = response.putArray("batchItemFailures");
        for (JsonNode record : lambdaEvent.path("Records")) {
            JsonNode image = record.path("dynamodb").path("NewImage");
            if (!"INSERT".equals(record.path("eventName").asText()) || !image.path("pk").path("S").asText().startsWith(Outbox.PREFIX)) {
                continue;
            }
            try {
                consumer.consume(event(image));
            } catch (RuntimeException e) {
                LOG.errorf(e, "event %s not consumed; redelivering from it", record.path("eventID").asText());
                failures.addObject().put("itemIdentifier", record.path("dynamodb").path("SequenceNumber").asText());
                break;
            }
        }
        return response;
    }

    /** The event an outbox item's stream image carries. */
    static DomainEvent event(JsonNode image) {
        Map<String, String> data = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = image.path("data").path("M").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            data.put(f.getKey(), f.getValue().path("S").asText());
        }
        return new DomainEvent(text(image, "eventId"), text(image, "eventType"), text(image, "time"), text(image, "subjectNode"),
                text(image, "actor"), data);
    }

    private static String text(JsonNode image, String name) {
        JsonNode v = image.path(name).path("S");
        return v.isMissingNode() ? null : v.asText();
    }
}
