package org.redgrid.testkit;

import java.util.Map;

import org.redgrid.infra.dynamodb.LocalDynamoDb;
import org.redgrid.infra.template.SamTemplate;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The real DynamoDB engine for the test suite: AWS DynamoDB Local in this JVM (no Docker here), or LocalStack
 * through Testcontainers with {@code -Plocalstack}. Either way the tables come from template.yaml, the only place
 * they are declared.
 */
public class LocalDynamoDbResource implements QuarkusTestResourceLifecycleManager {

    private LocalDynamoDb dynamo;
    private LocalStackContainer localstack;

    @Override
    public Map<String, String> start() {
        if ("localstack".equals(System.getProperty("redgrid.test.dynamodb"))) {
            return startLocalStack();
        }
        dynamo = LocalDynamoDb.inMemory();
        dynamo.createTables(SamTemplate.fromCheckout());
        return config(dynamo.endpoint().toString(), LocalDynamoDb.REGION, LocalDynamoDb.ACCESS_KEY, LocalDynamoDb.SECRET_KEY);
    }

    private Map<String, String> startLocalStack() {
        localstack = new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.4"));
        localstack.start();
        try (DynamoDbClient client = DynamoDbClient.builder().endpointOverride(localstack.getEndpoint())
                .region(Region.of(localstack.getRegion())).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(localstack.getAccessKey(), localstack.getSecretKey())))
                .build()) {
            LocalDynamoDb.createTables(client, SamTemplate.fromCheckout());
        }
        return config(localstack.getEndpoint().toString(), localstack.getRegion(), localstack.getAccessKey(), localstack.getSecretKey());
    }

    private static Map<String, String> config(String endpoint, String region, String accessKey, String secretKey) {
        return Map.of(
                "quarkus.dynamodb.endpoint-override", endpoint,
                "quarkus.dynamodb.aws.region", region,
                "quarkus.dynamodb.aws.credentials.type", "static",
                "quarkus.dynamodb.aws.credentials.static-provider.access-key-id", accessKey,
                "quarkus.dynamodb.aws.credentials.static-provider.secret-access-key", secretKey);
    }

    @Override
    public void stop() {
        if (dynamo != null) {
            dynamo.close();
        }
        if (localstack != null) {
            localstack.stop();
        }
    }
}
