package org.redgrid.infra.dynamodb;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The DynamoDB a test JVM talks to: the endpoint in {@code REDGRID_DYNAMODB_ENDPOINT} (AWS itself, LocalStack, Floci,
 * with the standard AWS region and credential variables) when it is set, else the project's engine, started once per
 * JVM in memory on a free port and stopped when the JVM exits.
 */
public record DynamoTarget(URI endpoint, Region region, Optional<AwsBasicCredentials> staticCredentials) {

    /** The variable that points the tests at another DynamoDB endpoint instead of the engine. */
    public static final String ENDPOINT_VARIABLE = "REDGRID_DYNAMODB_ENDPOINT";

    private static DynamoTarget forTests;

    /** The target of this JVM's tests, the same on every call. */
    public static synchronized DynamoTarget forTests() {
        if (forTests == null) {
            forTests = fromEnvironment().orElseGet(() -> {
                DynamoEngine engine = DynamoEngine.inMemory();
                return new DynamoTarget(engine.endpoint(), Region.of(DynamoEngine.REGION),
                        Optional.of(AwsBasicCredentials.create(DynamoEngine.ACCESS_KEY, DynamoEngine.SECRET_KEY)));
            });
        }
        return forTests;
    }

    /** The endpoint {@code REDGRID_DYNAMODB_ENDPOINT} names, if set, with the SDK's default region and credentials. */
    public static Optional<DynamoTarget> fromEnvironment() {
        String endpoint = System.getenv(ENDPOINT_VARIABLE);
        if (endpoint == null || endpoint.isBlank()) {
            return Optional.empty();
        }
        Region region;
        try {
            region = new DefaultAwsRegionProviderChain().getRegion();
        } catch (SdkClientException e) {
            throw new IllegalStateException(ENDPOINT_VARIABLE + " is set, so AWS_REGION must name the endpoint's region too.", e);
        }
        return Optional.of(new DynamoTarget(URI.create(endpoint.trim()), region, Optional.empty()));
    }

    /** Whether this is the project's own engine (so engine-specific behaviour may be asserted). */
    public boolean isEngine() {
        return staticCredentials.isPresent();
    }

    public AwsCredentialsProvider credentials() {
        return staticCredentials.<AwsCredentialsProvider>map(StaticCredentialsProvider::create)
                .orElseGet(() -> DefaultCredentialsProvider.builder().build());
    }

    /** A client of the target; the caller closes it. */
    public DynamoDbClient client() {
        return DynamoDbClient.builder().endpointOverride(endpoint).region(region).credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    /** The quarkus-amazon-dynamodb configuration that points a Quarkus application at this target. */
    public Map<String, String> quarkusConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.dynamodb.endpoint-override", endpoint.toString());
        config.put("quarkus.dynamodb.aws.region", region.id());
        staticCredentials.ifPresentOrElse(c -> {
            config.put("quarkus.dynamodb.aws.credentials.type", "static");
            config.put("quarkus.dynamodb.aws.credentials.static-provider.access-key-id", c.accessKeyId());
            config.put("quarkus.dynamodb.aws.credentials.static-provider.secret-access-key", c.secretAccessKey());
        }, () -> config.put("quarkus.dynamodb.aws.credentials.type", "default"));
        return config;
    }
}
