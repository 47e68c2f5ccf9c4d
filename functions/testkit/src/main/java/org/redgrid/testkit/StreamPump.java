package org.redgrid.testkit;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Plays the Lambda event source mapping for the tests: reads a table's stream through the DynamoDB Streams API
 * (every shard from TRIM_HORIZON), keeps the records template.yaml's filter selects (outbox inserts, pk EVENT#...)
 * and hands them over as the Lambda DynamoDB stream event AWS would send.
 */
public final class StreamPump {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StreamPump() {
    }

    public static ObjectNode eventsOf(DynamoDbClient db, String table) {
        String arn = db.describeTable(t -> t.tableName(table)).table().latestStreamArn();
        ObjectNode event = JSON.createObjectNode();
        ArrayNode records = event.putArray("Records");
        try (DynamoDbStreamsClient streams = streamsClient()) {
            for (Shard shard : streams.describeStream(d -> d.streamArn(arn)).streamDescription().shards()) {
                String iterator = streams.getShardIterator(i -> i.streamArn(arn).shardId(shard.shardId())
                        .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
                while (iterator != null) {
                    String current = iterator;
                    GetRecordsResponse page = streams.getRecords(r -> r.shardIterator(current));
                    page.records().stream().filter(StreamPump::selected).forEach(r -> records.add(lambdaRecord(r, arn)));
                    iterator = page.records().isEmpty() ? null : page.nextShardIterator();
                }
            }
        }
        return event;
    }

    /** The filter of template.yaml: {"eventName": ["INSERT"], "dynamodb": {"Keys": {"pk": {"S": [{"prefix": "EVENT#"}]}}}}. */
    private static boolean selected(Record r) {
        AttributeValue pk = r.dynamodb().keys().get("pk");
        return "INSERT".equals(r.eventNameAsString()) && pk != null && pk.s() != null && pk.s().startsWith("EVENT#");
    }

    private static ObjectNode lambdaRecord(Record r, String arn) {
        ObjectNode o = JSON.createObjectNode();
        o.put("eventID", r.eventID());
        o.put("eventName", r.eventNameAsString());
        o.put("eventVersion", "1.1");
        o.put("eventSource", "aws:dynamodb");
        o.put("awsRegion", "cn-north-1");
        ObjectNode d = o.putObject("dynamodb");
        d.put("ApproximateCreationDateTime", r.dynamodb().approximateCreationDateTime().getEpochSecond());
        d.set("Keys", image(r.dynamodb().keys()));
        d.set("NewImage", image(r.dynamodb().newImage()));
        d.put("SequenceNumber", r.dynamodb().sequenceNumber());
        d.put("SizeBytes", r.dynamodb().sizeBytes());
        d.put("StreamViewType", r.dynamodb().streamViewTypeAsString());
        o.put("eventSourceARN", arn);
        return o;
    }

    private static ObjectNode image(Map<String, AttributeValue> item) {
        ObjectNode o = JSON.createObjectNode();
        item.forEach((k, v) -> o.set(k, value(v)));
        return o;
    }

    /** An attribute value in DynamoDB's JSON, as stream events carry it. */
    private static ObjectNode value(AttributeValue v) {
        ObjectNode o = JSON.createObjectNode();
        if (v.s() != null) {
            o.put("S", v.s());
        } else if (v.n() != null) {
            o.put("N", v.n());
        } else if (v.bool() != null) {
            o.put("BOOL", v.bool());
        } else if (v.hasM()) {
            o.set("M", image(v.m()));
        } else if (v.hasL()) {
            ArrayNode list = o.putArray("L");
            v.l().forEach(e -> list.add(value(e)));
        } else if (v.hasSs()) {
            ArrayNode set = o.putArray("SS");
            v.ss().forEach(set::add);
        } else if (v.hasNs()) {
            ArrayNode set = o.putArray("NS");
            v.ns().forEach(set::add);
        } else {
            o.put("NULL", true);
        }
        return o;
    }

    private static DynamoDbStreamsClient streamsClient() {
        Config c = ConfigProvider.getConfig();
        return DynamoDbStreamsClient.builder()
                .endpointOverride(URI.create(c.getValue("quarkus.dynamodb.endpoint-override", String.class)))
                .region(Region.of(c.getValue("quarkus.dynamodb.aws.region", String.class)))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        c.getValue("quarkus.dynamodb.aws.credentials.static-provider.access-key-id", String.class),
                        c.getValue("quarkus.dynamodb.aws.credentials.static-provider.secret-access-key", String.class))))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    public static List<String> ids(ObjectNode event) {
        List<String> ids = new ArrayList<>();
        event.path("Records").forEach(r -> ids.add(r.path("dynamodb").path("NewImage").path("eventId").path("S").asText()));
        return ids;
    }
}
