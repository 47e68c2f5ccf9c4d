package org.redgrid.app;

import java.util.Map;

import org.redgrid.infra.dynamodb.LocalDynamoDb;
import org.redgrid.infra.template.SamTemplate;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The real DynamoDB engine for the test suite: AWS DynamoDB Local in this JVM (no Docker here), with the tables
 * of template.yaml — the only place tables are declared.
 */
public class LocalDynamoDbResource implements QuarkusTestResourceLifecycleManager {

    private LocalDynamoDb dynamo;

    @Override
    public Map<String, String> start() {
        dynamo = LocalDynamoDb.inMemory();
        dynamo.createTables(SamTemplate.fromCheckout());
        return Map.of(
                "quarkus.dynamodb.endpoint-override", dynamo.endpoint().toString(),
                "quarkus.dynamodb.aws.region", LocalDynamoDb.REGION,
                "quarkus.dynamodb.aws.credentials.type", "static",
                "quarkus.dynamodb.aws.credentials.static-provider.access-key-id", LocalDynamoDb.ACCESS_KEY,
                "quarkus.dynamodb.aws.credentials.static-provider.secret-access-key", LocalDynamoDb.SECRET_KEY);
    }

    @Override
    public void stop() {
        if (dynamo != null) {
            dynamo.close();
        }
    }
}
