package org.redgrid.infra.dynamodb;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.redgrid.infra.template.SamTemplate;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The project's DynamoDB engine (infra/dynamodb/engine: dynalite plus transactions, streams and TTL, on Node) as a
 * child process on a loopback port, with the tables of template.yaml. The test suite, the local runtime and the
 * benchmarks talk to it over HTTP, like to the cloud. The process dies with this JVM: it exits when its stdin closes.
 */
public final class DynamoEngine implements AutoCloseable {

    /** Credentials and region the engine is spoken to with; it checks nothing but their presence. */
    public static final String ACCESS_KEY = "local";
    public static final String SECRET_KEY = "local";
    public static final String REGION = "cn-north-1";

    private static final Pattern READY = Pattern.compile("redgrid-dynamodb listening on (http://127\\.0\\.0\\.1:(\\d+))");
    private static final Duration START_LIMIT = Duration.ofSeconds(60);
    private static final int TAIL_LINES = 3;

    /** The engine gave up (or never said it was ready); {@link #reason()} is what it said last. */
    public static final class StartFailure extends IllegalStateException {
        private final String reason;

        StartFailure(int port, String reason) {
            super("The DynamoDB engine did not start" + (port == 0 ? "" : " on port " + port) + ": " + reason);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    private final Process process;
    private final URI endpoint;
    private final int port;
    private final Thread stopAtExit;

    private DynamoEngine(Process process, URI endpoint, int port) {
        this.process = process;
        this.endpoint = endpoint;
        this.port = port;
        this.stopAtExit = new Thread(this::stop, "redgrid-dynamodb-stop");
        Runtime.getRuntime().addShutdownHook(stopAtExit);
    }

    /** Starts an in-memory engine on a free port: every start is empty. */
    public static DynamoEngine inMemory() {
        return start(0, Optional.empty());
    }

    /** The same, sweeping expired items (TTL) every {@code ttlInterval} instead of the engine's default 10 s. */
    public static DynamoEngine inMemory(Duration ttlInterval) {
        return start(0, Optional.empty(), System.err, List.of("--ttl-interval-ms", Long.toString(ttlInterval.toMillis())));
    }

    /**
     * Starts on {@code port} (0: a free one); with a data folder the engine persists there (reused when it exists),
     * without one it lives in memory.
     */
    public static DynamoEngine start(int port, Optional<Path> dataDir) {
        return start(port, dataDir, System.err);
    }

    /** The same, with the engine's own messages (stderr, quiet unless something goes wrong) sent to {@code log}. */
    public static DynamoEngine start(int port, Optional<Path> dataDir, PrintStream log) {
        return start(port, dataDir, log, List.of());
    }

    private static DynamoEngine start(int port, Optional<Path> dataDir, PrintStream log, List<String> options) {
        Path engine = engineFolder();
        requireNode();
        if (!Files.isRegularFile(engine.resolve("node_modules/dynalite/package.json"))) {
            throw new IllegalStateException("The DynamoDB engine's packages are not installed: run `npm ci` in " + engine
                    + " (the Maven build of infra/dynamodb does it).");
        }
        List<String> command = new ArrayList<>(List.of("node", engine.resolve("bin/redgrid-dynamodb.js").toString(),
                "--port", Integer.toString(port), "--host", "127.0.0.1", "--exit-with-stdin"));
        if (dataDir.isPresent()) {
            try {
                Files.createDirectories(dataDir.get());
            } catch (IOException e) {
                throw new IllegalStateException("cannot create data folder " + dataDir.get() + ": " + e.getMessage(), e);
            }
            command.addAll(List.of("--path", dataDir.get().toAbsolutePath().toString()));
        }
        command.addAll(options);
        Process process;
        try {
            process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        } catch (IOException e) {
            throw new IllegalStateException("The DynamoDB engine did not start: " + e.getMessage(), e);
        }
        Deque<String> tail = new ArrayDeque<>();
        Thread stderr = daemon("redgrid-dynamodb-stderr", () -> copyLines(process.getErrorStream(), log, tail));
        CompletableFuture<Matcher> ready = new CompletableFuture<>();
        daemon("redgrid-dynamodb-stdout", () -> awaitReady(process.getInputStream(), ready));
        try {
            Matcher m = ready.get(START_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            return new DynamoEngine(process, URI.create(m.group(1)), Integer.parseInt(m.group(2)));
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new StartFailure(port, lastWords(process, stderr, tail));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the DynamoDB engine started", e);
        }
    }

    /** infra/dynamodb/engine of this checkout (the folder that holds template.yaml). */
    public static Path engineFolder() {
        return SamTemplate.locate().getParent().resolve("infra/dynamodb/engine");
    }

    public int port() {
        return port;
    }

    public URI endpoint() {
        return endpoint;
    }

    /** The engine's process id, for whoever measures its memory. */
    public long pid() {
        return process.pid();
    }

    /** A client of this engine; the caller closes it. */
    public DynamoDbClient client() {
        return client(endpoint());
    }

    /** A client of the engine (or any endpoint taking the local credentials) at {@code endpoint}; the caller closes it. */
    public static DynamoDbClient client(URI endpoint) {
        return local(DynamoDbClient.builder(), endpoint).build();
    }

    /** A DynamoDB Streams client of the engine at {@code endpoint} (one port serves both APIs); the caller closes it. */
    public static DynamoDbStreamsClient streamsClient(URI endpoint) {
        return local(DynamoDbStreamsClient.builder(), endpoint).build();
    }

    private static <B extends AwsSyncClientBuilder<B, ?> & AwsClientBuilder<B, ?>> B local(B builder, URI endpoint) {
        return builder.endpointOverride(endpoint)
                .region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.create());
    }

    /** Creates every table template.yaml declares that does not exist yet (an existing data folder is reused). */
    public List<String> createTables(SamTemplate template) {
        try (DynamoDbClient client = client()) {
            return createTables(client, template);
        }
    }

    /**
     * The same against any DynamoDB endpoint: tables (with their GSIs, stream and TTL) come from template.yaml only.
     * Waits for each new table to be ACTIVE, as AWS (and the engine, briefly) creates tables asynchronously.
     */
    public static List<String> createTables(DynamoDbClient client, SamTemplate template) {
        List<String> created = new ArrayList<>();
        for (SamTemplate.TableDefinition table : template.tables()) {
            try {
                client.createTable(table.createRequest());
                created.add(table.logicalId());
            } catch (ResourceInUseException exists) {
                continue;
            }
            awaitActive(client, table.logicalId());
            table.ttlAttribute().ifPresent(attribute -> client.updateTimeToLive(r -> r.tableName(table.logicalId())
                    .timeToLiveSpecification(TimeToLiveSpecification.builder().attributeName(attribute).enabled(true).build())));
        }
        return created;
    }

    private static void awaitActive(DynamoDbClient client, String table) {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        long pause = 20;
        while (client.describeTable(r -> r.tableName(table)).table().tableStatus() != TableStatus.ACTIVE) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("table " + table + " did not become ACTIVE within 5 minutes");
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for table " + table, e);
            }
            pause = Math.min(pause * 2, 1000);
        }
    }

    /** Stops the engine: closing its stdin asks it to exit; it is killed if it has not within five seconds. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it stops the engine
        }
        stop();
    }

    private void stop() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            }
        } catch (IOException e) {
            process.destroy();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static volatile boolean nodeChecked;

    /** Node 20 or later on PATH, checked once per JVM; otherwise one sentence saying what is missing. */
    private static void requireNode() {
        if (nodeChecked) {
            return;
        }
        String version;
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            version = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new IllegalStateException("The DynamoDB engine needs Node.js 20 or later on the PATH, and node was not found.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking the Node.js version", e);
        }
        Matcher m = Pattern.compile("v(\\d+)\\.").matcher(version);
        if (!m.lookingAt() || Integer.parseInt(m.group(1)) < 20) {
            throw new IllegalStateException("The DynamoDB engine needs Node.js 20 or later; node on the PATH is " + version + ".");
        }
        nodeChecked = true;
    }

    private static void awaitReady(InputStream stdout, CompletableFuture<Matcher> ready) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(stdout, StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null;) {
                Matcher m = READY.matcher(line);
                if (!ready.isDone() && m.find()) {
                    ready.complete(m);
                }
            }
        } catch (IOException e) {
            // the process is gone; reported below
        }
        ready.completeExceptionally(new IllegalStateException("the engine exited"));
    }

    private static void copyLines(InputStream stderr, PrintStream log, Deque<String> tail) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(stderr, StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null;) {
                log.println(line);
                if (line.isBlank() || line.startsWith(" ")) {
                    continue; // stack frames: the log has them, the one-sentence failure does not need them
                }
                synchronized (tail) {
                    tail.addLast(line);
                    if (tail.size() > TAIL_LINES) {
                        tail.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            // the process is gone
        }
    }

    /** What the engine said last before it gave up, for the one-sentence failure. */
    private static String lastWords(Process process, Thread stderr, Deque<String> tail) {
        try {
            if (process.waitFor(2, TimeUnit.SECONDS)) {
                stderr.join(2000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (tail) {
            return tail.isEmpty() ? (process.isAlive() ? "no answer within " + START_LIMIT.toSeconds() + " s" : "it exited with "
                    + process.exitValue()) : String.join(" / ", tail);
        }
    }

    private static Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
