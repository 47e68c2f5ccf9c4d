package org.redgrid.infra.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redgrid.infra.dynamodb.LocalDynamoDb;
import org.redgrid.infra.template.SamTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The stream function as template.yaml declares it (DirectoryEventsFunction: its Handler and its environment with
 * QUARKUS_LAMBDA_HANDLER), from the packaged function.zip under the Runtime Interface Client: a Lambda DynamoDB
 * stream event carrying a PersonMoved outbox item is consumed, and delivered again changes nothing.
 */
class StreamFunctionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FUNCTION = "DirectoryEventsFunction";

    @TempDir
    Path state;

    @Test
    void thePackagedStreamFunctionConsumesAnEventOnce() throws Exception {
        Path checkout = SamTemplate.locate().getParent();
        SamTemplate template = SamTemplate.fromCheckout();
        Map<String, Object> properties = cast(template.resourcesOfType("AWS::Serverless::Function").get(FUNCTION).get("Properties"));
        String handler = (String) properties.get("Handler");
        try (LocalDynamoDb dynamo = LocalDynamoDb.inMemory()) {
            dynamo.createTables(template);
            Map<String, String> env = new LinkedHashMap<>(template.environment(FUNCTION));
            env.putAll(LocalRedGrid.dynamoEnvironment(dynamo.endpoint()));
            Path task = FunctionProcess.unpack(checkout.resolve("functions/app/target/function.zip"), state.resolve("function"));
            try (FunctionProcess fn = FunctionProcess.start(FUNCTION, handler, task, LocalRedGrid.ricClasspath(checkout),
                    template.memorySize(FUNCTION), env, state.resolve("function.log"))) {
                String event = JSON.writeValueAsString(Map.of("Records", java.util.List.of(Map.of(
                        "eventID", "1", "eventName", "INSERT", "eventVersion", "1.1", "eventSource", "aws:dynamodb",
                        "awsRegion", "cn-north-1", "eventSourceARN", "arn:aws:dynamodb:cn-north-1:123456789012:table/DirectoryTable/stream/x",
                        "dynamodb", Map.of("ApproximateCreationDateTime", 1764000000, "SequenceNumber", "100", "SizeBytes", 300,
                                "StreamViewType", "NEW_IMAGE", "Keys", Map.of("pk", s("EVENT#E1"), "sk", s("EVENT")),
                                "NewImage", Map.of("pk", s("EVENT#E1"), "sk", s("EVENT"), "eventId", s("E1"),
                                        "eventType", s("directory.PersonMoved"), "time", s("2026-11-25T08:00:00Z"),
                                        "subjectNode", s("G0102"), "actor", s("community.admin"),
                                        "data", Map.of("M", Map.of("personId", s("P1"), "personName", s("王秀英"),
                                                "fromNode", s("G0101"), "toNode", s("G0102")))))))));
                assertEquals("{\"batchItemFailures\":[]}", fn.invoke(event, 60_000).replace(" ", ""));
                assertEquals("{\"batchItemFailures\":[]}", fn.invoke(event, 60_000).replace(" ", ""), "redelivered");
            }
            DynamoDbClient db = dynamo.client();
            var feed = db.query(q -> q.tableName("DirectoryTable").keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("ACTIVITY#G0101")))).items();
            assertEquals(1, feed.size(), "consumed once");
            assertEquals("王秀英 迁出至 G0102", feed.get(0).get("summary").s());
        }
    }

    private static Map<String, String> s(String value) {
        return Map.of("S", value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object o) {
        return (Map<String, Object>) o;
    }
}
