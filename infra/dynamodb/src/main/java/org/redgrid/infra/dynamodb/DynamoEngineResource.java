package org.redgrid.infra.dynamodb;

import java.util.Map;

import org.redgrid.infra.template.SamTemplate;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The real DynamoDB for Quarkus tests: the project's engine, one per test JVM (shared by every test class and
 * restart), or the endpoint in {@code REDGRID_DYNAMODB_ENDPOINT}. Either way the tables come from template.yaml,
 * the only place they are declared.
 */
public class DynamoEngineResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        DynamoTarget target = DynamoTarget.forTests();
        try (DynamoDbClient client = target.client()) {
            DynamoEngine.createTables(client, SamTemplate.fromCheckout());
        }
        return target.quarkusConfig();
    }

    @Override
    public void stop() {
        // The engine outlives each Quarkus application: it stops with the JVM.
    }
}
