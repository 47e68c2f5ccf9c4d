package org.redgrid.infra.dynamodb;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.redgrid.infra.template.SamTemplate;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;

/**
 * AWS DynamoDB Local running inside this JVM on a loopback port, with the tables of template.yaml.
 * The same engine the test suite, the local runtime and the benchmarks talk to over HTTP, like the cloud.
 */
public final class LocalDynamoDb implements AutoCloseable {

    /** Credentials DynamoDB Local accepts; it checks nothing but their presence. */
    public static final String ACCESS_KEY = "local";
    public static final String SECRET_KEY = "local";
    public static final String REGION = "cn-north-1";

    private final DynamoDBProxyServer server;
    private final int port;

    private LocalDynamoDb(DynamoDBProxyServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Starts an in-memory store on a free port: every start is empty. */
    public static LocalDynamoDb inMemory() {
        return start(freePort(), Optional.empty());
    }

    /**
     * Starts on {@code port}; with a data folder the store persists there (reused when it exists),
     * without one it lives in memory.
     */
    public static LocalDynamoDb start(int port, Optional<Path> dataDir) {
        requireNativeLibrary();
        List<String> args = new ArrayList<>(List.of("-port", Integer.toString(port), "-disableTelemetry"));
        if (dataDir.isPresent()) {
            try {
                Files.createDirectories(dataDir.get());
            } catch (IOException e) {
                throw new IllegalStateException("cannot create data folder " + dataDir.get() + ": " + e.getMessage(), e);
            }
            args.addAll(List.of("-dbPath", dataDir.get().toAbsolutePath().toString(), "-sharedDb"));
        } else {
            args.addAll(List.of("-inMemory", "-sharedDb"));
        }
        try {
            DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(args.toArray(String[]::new));
            server.start();
            return new LocalDynamoDb(server, port);
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not start on port " + port + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return port;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** A client of this store; the caller closes it. */
    public DynamoDbClient client() {
        return client(endpoint());
    }

    /** A client of the DynamoDB Local listening at {@code endpoint}; the caller closes it. */
    public static DynamoDbClient client(URI endpoint) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /** Creates every table template.yaml declares that does not exist yet (an existing data folder is reused). */
    public List<String> createTables(SamTemplate template) {
        try (DynamoDbClient client = client()) {
            return createTables(client, template);
        }
    }

    /** The same against any DynamoDB endpoint (DynamoDB Local, LocalStack): tables come from template.yaml only. */
    public static List<String> createTables(DynamoDbClient client, SamTemplate template) {
        List<String> created = new ArrayList<>();
        for (SamTemplate.TableDefinition table : template.tables()) {
            try {
                client.createTable(table.createRequest());
                created.add(table.logicalId());
            } catch (ResourceInUseException exists) {
                continue;
            }
            table.ttlAttribute().ifPresent(attribute -> client.updateTimeToLive(r -> r.tableName(table.logicalId())
                    .timeToLiveSpecification(TimeToLiveSpecification.builder().attributeName(attribute).enabled(true).build())));
        }
        return created;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not stop: " + e.getMessage(), e);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port: " + e.getMessage(), e);
        }
    }

    private static void requireNativeLibrary() {
        String dir = System.getProperty("sqlite4java.library.path");
        if (dir == null || !Files.isDirectory(Path.of(dir))) {
            throw new IllegalStateException("DynamoDB Local needs -Dsqlite4java.library.path pointing at the folder with "
                    + "libsqlite4java-linux-amd64.so (the build copies it to target/sqlite4java-native)");
        }
    }
}
