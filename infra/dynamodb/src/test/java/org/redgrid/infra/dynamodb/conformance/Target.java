package org.redgrid.infra.dynamodb.conformance;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

import org.redgrid.infra.dynamodb.DynamoEngine;
import org.redgrid.infra.dynamodb.DynamoTarget;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The DynamoDB the suite talks to: the project's in-memory engine by default, or whatever endpoint
 * {@code REDGRID_DYNAMODB_ENDPOINT} names (AWS itself, LocalStack, Floci) with the standard AWS region and credential
 * variables. The tests are the same either way; only the few that pin the engine's own behaviour look at
 * {@link #isLocalEngine()}.
 */
final class Target implements AutoCloseable {

    static final String STREAMS_ENDPOINT_VARIABLE = "REDGRID_DYNAMODB_STREAMS_ENDPOINT";
    static final String PREFIX_VARIABLE = "REDGRID_CONFORMANCE_TABLE_PREFIX";
    static final String SLOW_VARIABLE = "REDGRID_CONFORMANCE_SLOW";
    /** The suite's own engine sweeps expired items every second, so the TTL test is done in seconds. */
    static final Duration ENGINE_TTL_INTERVAL = Duration.ofSeconds(1);

    private final Optional<DynamoEngine> engine;
    private final DynamoDbClient client;
    private final DynamoDbStreamsClient streams;
    private final String tablePrefix;

    private Target(Optional<DynamoEngine> engine, DynamoTarget target, URI streamsEndpoint) {
        this.engine = engine;
        this.client = target.client();
        this.streams = DynamoDbStreamsClient.builder().endpointOverride(streamsEndpoint).region(target.region())
                .credentialsProvider(target.credentials()).httpClient(UrlConnectionHttpClient.create()).build();
        this.tablePrefix = Optional.ofNullable(System.getenv(PREFIX_VARIABLE)).filter(p -> !p.isBlank())
                .orElseGet(() -> "conformance-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(4)) + "-");
    }

    static Target fromEnvironment() {
        Optional<DynamoTarget> other = DynamoTarget.fromEnvironment();
        if (other.isPresent()) {
            URI streamsEndpoint = Optional.ofNullable(System.getenv(STREAMS_ENDPOINT_VARIABLE)).filter(e -> !e.isBlank())
                    .map(URI::create).orElseGet(() -> streamsEndpointOf(other.get().endpoint()));
            return new Target(Optional.empty(), other.get(), streamsEndpoint);
        }
        DynamoEngine engine = DynamoEngine.inMemory(ENGINE_TTL_INTERVAL);
        DynamoTarget local = new DynamoTarget(engine.endpoint(), Region.of(DynamoEngine.REGION),
                Optional.of(AwsBasicCredentials.create(DynamoEngine.ACCESS_KEY, DynamoEngine.SECRET_KEY)));
        return new Target(Optional.of(engine), local, engine.endpoint());
    }

    /**
     * AWS serves Streams on its own host ({@code streams.dynamodb.<region>...}); LocalStack, Floci and the engine serve
     * both APIs on one port.
     */
    static URI streamsEndpointOf(URI endpoint) {
        String host = endpoint.getHost();
        if (host != null && host.startsWith("dynamodb.") && host.contains(".amazonaws.com")) {
            return URI.create(endpoint.getScheme() + "://streams." + host + (endpoint.getPort() < 0 ? "" : ":" + endpoint.getPort()));
        }
        return endpoint;
    }

    DynamoDbClient client() {
        return client;
    }

    DynamoDbStreamsClient streams() {
        return streams;
    }

    /** True on the project's own engine, false against any other endpoint. */
    boolean isLocalEngine() {
        return engine.isPresent();
    }

    /** Whether tests that may take hours on a real service (TTL) are wanted. */
    boolean slowTestsWanted() {
        return isLocalEngine() || Boolean.parseBoolean(System.getenv(SLOW_VARIABLE));
    }

    String tablePrefix() {
        return tablePrefix;
    }

    @Override
    public void close() {
        client.close();
        streams.close();
        engine.ifPresent(DynamoEngine::close);
    }
}
