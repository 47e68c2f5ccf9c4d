package org.redgrid.infra.local;

import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import org.redgrid.infra.dynamodb.DynamoEngine;
import org.redgrid.infra.template.SamTemplate;
import org.redgrid.testkit.ObjectStore;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * RedGrid on one machine, with the cloud's code path: the project's DynamoDB engine (persisted under .redgrid/data), every
 * function of template.yaml as the packaged function.zip under the AWS Lambda Runtime Interface Client, and a local
 * gateway that routes, authorizes and builds events as API Gateway does. Demo data is seeded once into an empty store.
 */
public final class LocalRedGrid implements AutoCloseable {

    /** What to start: the gateway's port, where state lives, whether the store is thrown away at the end. */
    public record Options(int port, Path state, boolean inMemory, Path checkout) {
    }

    /** A start that cannot go on, with one sentence for the person who asked for it. */
    public static final class StartFailure extends Exception {
        StartFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** How long one stream batch may take the function (Lambda's default timeout is far shorter than its maximum). */
    private static final long STREAM_TIMEOUT_MILLIS = 60_000;

    /** The photo buckets' names locally (template.yaml's CheckinPhotoBucket and ListsPhotoBucket have generated names in AWS). */
    static final String PHOTO_BUCKET = "redgrid-photos";
    static final String LISTS_PHOTO_BUCKET = "redgrid-lists-photos";

    private final List<AutoCloseable> started = new ArrayList<>();
    private final Map<String, FunctionProcess> functions = new LinkedHashMap<>();
    private DynamoEngine dynamo;
    private LocalGateway gateway;
    private LocalIssuer issuer;
    private Duration startToFirstResponse;
    private boolean seeded;

    private LocalRedGrid() {
    }

    public static LocalRedGrid start(Options options) throws StartFailure {
        LocalRedGrid local = new LocalRedGrid();
        try {
            local.boot(options);
            return local;
        } catch (StartFailure | RuntimeException e) {
            local.close();
            throw e;
        }
    }

    private void boot(Options o) throws StartFailure {
        long t0 = System.nanoTime();
        Path zip = o.checkout().resolve("functions/app/target/function.zip");
        if (!Files.isRegularFile(zip)) {
            throw new StartFailure("The function is not built yet (" + zip + " is missing): run ./mvnw -B install -DskipTests first.", null);
        }
        requireFreePort(o.port());
        SamTemplate template = SamTemplate.load(o.checkout().resolve("template.yaml"));
        Path logs;
        try {
            logs = Files.createDirectories(o.state().resolve("logs"));
        } catch (IOException e) {
            throw new StartFailure("The state folder " + o.state() + " cannot be written: " + e.getMessage(), e);
        }
        startEngine(o, template, logs);
        Map<String, String> objectStore = startObjectStore(o, logs);
        try {
            Path taskRoot = FunctionProcess.unpack(zip, o.state().resolve("function"));
            String ric = ricClasspath(o.checkout());
            for (String name : template.resourcesOfType("AWS::Serverless::Function").keySet()) {
                Map<String, String> env = new LinkedHashMap<>(template.environment(name));
                env.putAll(dynamoEnvironment(dynamo.endpoint()));
                env.putAll(objectStore);
                FunctionProcess fn = FunctionProcess.start(name, template.javaHandler(name).orElse(FunctionProcess.HANDLER), taskRoot,
                        ric, template.memorySize(name), env, logs.resolve(name + ".log"));
                started.add(fn);
                functions.put(name, fn);
            }
            startStreamPollers(o, template, logs);
            issuer = new LocalIssuer(o.state().resolve("issuer.jwk"), "http://localhost:" + o.port() + "/local");
            Path console = o.checkout().resolve("admin-web/dist");
            gateway = new LocalGateway(o.port(), template, functions, issuer, new DemoAccounts(),
                    Files.isDirectory(console) ? console : null);
            started.add(gateway);
        } catch (BindException e) {
            throw new StartFailure("Port " + o.port() + " is already in use; stop what uses it or choose another with --port.", e);
        } catch (IOException e) {
            throw new StartFailure("The local runtime could not start: " + e.getMessage(), e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            // template.yaml asks for something the local runtime cannot do (a stream event without a stream, say)
            throw new StartFailure(e.getMessage(), e);
        }
        awaitFirstResponse(Duration.ofSeconds(90));
        startToFirstResponse = Duration.ofNanos(System.nanoTime() - t0);
        seedWhenEmpty();
    }

    /** The engine on a free loopback port, persisted under the state folder unless in memory; its messages to logs/. */
    private void startEngine(Options o, SamTemplate template, Path logs) throws StartFailure {
        Path data = o.state().resolve("data");
        try {
            PrintStream engineLog = new PrintStream(Files.newOutputStream(logs.resolve("dynamodb.log"),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND), true, StandardCharsets.UTF_8);
            started.add(engineLog);
            dynamo = DynamoEngine.start(0, o.inMemory() ? Optional.empty() : Optional.of(data), engineLog);
            started.add(dynamo);
            dynamo.createTables(template);
        } catch (DynamoEngine.StartFailure e) {
            throw new StartFailure(o.inMemory() ? e.getMessage() : "The DynamoDB engine cannot use the data folder " + data
                    + " (" + e.reason() + "); move it away to start afresh, or run with --in-memory.", e);
        } catch (IOException | RuntimeException e) {
            throw new StartFailure(e.getMessage(), e);
        }
    }

    /**
     * The S3-compatible object store (infra/objectstore, s3rver) for service-record and project photos, files under the state
     * folder's s3/ (a temporary folder with --in-memory), the console's origin allowed by CORS; returns the
     * environment that points the functions at it with the presigned flow S3 has.
     */
    private Map<String, String> startObjectStore(Options o, Path logs) throws StartFailure {
        try {
            PrintStream storeLog = new PrintStream(Files.newOutputStream(logs.resolve("s3.log"), StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND), true, StandardCharsets.UTF_8);
            started.add(storeLog);
            Path files = o.inMemory() ? Files.createTempDirectory("redgrid-s3") : o.state().resolve("s3");
            ObjectStore store = ObjectStore.start(files, List.of(PHOTO_BUCKET, LISTS_PHOTO_BUCKET), List.of("http://localhost:" + o.port(),
                    "http://127.0.0.1:" + o.port()), storeLog);
            started.add(store);
            return Map.of("REDGRID_S3_ENDPOINT", store.endpoint().toString(), "REDGRID_S3_ACCESS_KEY", ObjectStore.ACCESS_KEY,
                    "REDGRID_S3_SECRET_KEY", ObjectStore.SECRET_KEY, "PHOTO_BUCKET", PHOTO_BUCKET,
                    "LISTS_PHOTO_BUCKET", LISTS_PHOTO_BUCKET);
        } catch (IOException | RuntimeException e) {
            throw new StartFailure("The object store (infra/objectstore) did not start: " + e.getMessage(), e);
        }
    }

    /**
     * Lambda's event source mappings of template.yaml's DynamoDB events (contract C3): each function that consumes a
     * table's stream gets its records from a poller; positions live in the state folder (apart, and thrown away, with
     * --in-memory, whose streams are new each time).
     */
    private void startStreamPollers(Options o, SamTemplate template, Path logs) throws IOException {
        List<SamTemplate.StreamSource> sources = template.streamSources();
        if (sources.isEmpty()) {
            return;
        }
        Path positions = o.state().resolve(o.inMemory() ? "streams-in-memory" : "streams");
        if (o.inMemory()) {
            FunctionProcess.deleteTree(positions);
        }
        PrintStream log = new PrintStream(Files.newOutputStream(logs.resolve("streams.log"), StandardOpenOption.CREATE,
                StandardOpenOption.APPEND), true, StandardCharsets.UTF_8);
        started.add(log);
        DynamoDbClient db = dynamo.client();
        DynamoDbStreamsClient streams = DynamoEngine.streamsClient(dynamo.endpoint());
        started.add(db);
        started.add(streams);
        for (SamTemplate.StreamSource source : sources) {
            FunctionProcess fn = functions.get(source.function());
            StreamPoller poller = new StreamPoller(source, db, streams, event -> fn.invoke(event, STREAM_TIMEOUT_MILLIS),
                    positions.resolve(source.function() + "." + source.event() + ".json"), log);
            started.add(poller);
            poller.start();
        }
    }

    private void awaitFirstResponse(Duration limit) throws StartFailure {
        HttpClient http = HttpClient.newHttpClient();
        String token = issuer.idToken("district.admin", List.of("district-admin@" + DemoData.DISTRICT));
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            for (FunctionProcess fn : functions.values()) {
                if (!fn.alive()) {
                    throw new StartFailure("The function " + fn.name() + " stopped during start-up; see .redgrid/logs/" + fn.name() + ".log.", null);
                }
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url() + "/directory/scope"))
                        .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
                Thread.sleep(200);
            } catch (IOException e) {
                sleep();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StartFailure("Start-up was interrupted.", e);
            }
        }
        throw new StartFailure("The functions did not answer within " + limit.toSeconds() + " s; see .redgrid/logs/.", null);
    }

    private void seedWhenEmpty() throws StartFailure {
        try (DynamoDbClient db = dynamo.client()) {
            Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("NODE#" + DemoData.DISTRICT), "sk", AttributeValue.fromS("NODE"));
            if (db.getItem(r -> r.tableName("DirectoryTable").key(key)).hasItem()) {
                return;
            }
        }
        try {
            new DemoData(url(), issuer.idToken("district.admin", List.of("district-admin@" + DemoData.DISTRICT))).seed();
            new CheckinDemo(url(), issuer).seed();
            new ListsDemo(url(), issuer).seed();
            new CheckinEvalDemo(url(), issuer::idToken).seed();
            seeded = true;
        } catch (IOException e) {
            throw new StartFailure("Seeding the demo data failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartFailure("Seeding was interrupted.", e);
        }
    }

    public String url() {
        return "http://localhost:" + gateway.port();
    }

    public int port() {
        return gateway.port();
    }

    public int dynamoPort() {
        return dynamo.port();
    }

    /** The DynamoDB engine's process id (it runs apart from this JVM). */
    public long dynamoPid() {
        return dynamo.pid();
    }

    public java.net.URI dynamoEndpoint() {
        return dynamo.endpoint();
    }

    /** The local token issuer: tests sign in as logins other than the demo accounts (a member of their own making). */
    LocalIssuer issuer() {
        return issuer;
    }

    /** The Runtime Interface Client's classpath, as the build wrote it. */
    public static String ricClasspath(Path checkout) throws IOException {
        return Files.readString(checkout.resolve("infra/local/target/ric.classpath")).trim();
    }

    /** The environment that points a function process at the engine's endpoint. */
    public static Map<String, String> dynamoEnvironment(java.net.URI endpoint) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_REGION", DynamoEngine.REGION);
        env.put("QUARKUS_DYNAMODB_ENDPOINT_OVERRIDE", endpoint.toString());
        env.put("QUARKUS_DYNAMODB_AWS_REGION", DynamoEngine.REGION);
        env.put("QUARKUS_DYNAMODB_AWS_CREDENTIALS_TYPE", "static");
        env.put("QUARKUS_DYNAMODB_AWS_CREDENTIALS_STATIC_PROVIDER_ACCESS_KEY_ID", DynamoEngine.ACCESS_KEY);
        env.put("QUARKUS_DYNAMODB_AWS_CREDENTIALS_STATIC_PROVIDER_SECRET_ACCESS_KEY", DynamoEngine.SECRET_KEY);
        return env;
    }

    public Duration startToFirstResponse() {
        return startToFirstResponse;
    }

    public boolean seeded() {
        return seeded;
    }

    /** Resident memory of a process in KB (VmRSS), 0 where /proc does not tell. */
    public static long residentKb(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(0);
        } catch (IOException e) {
            return 0;
        }
    }

    /** Process ids of the function processes (the runtime itself is this JVM). */
    public List<Long> functionPids() {
        return functions.values().stream().map(FunctionProcess::pid).toList();
    }

    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.err.println("while stopping: " + e.getMessage());
            }
        }
        started.clear();
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (options == null) {
            return;
        }
        LocalRedGrid local;
        try {
            local = start(options);
        } catch (StartFailure e) {
            System.err.println("RedGrid did not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            local.close();
            stopped.countDown();
        }, "redgrid-stop"));
        System.out.println();
        System.out.println("  Console:  " + local.url() + "/" + (Files.isDirectory(options.checkout().resolve("admin-web/dist")) ? ""
                : "   (admin-web is not built: API only)"));
        System.out.println("  OpenAPI:  " + local.url() + "/q/openapi?format=json");
        System.out.println("  Login:    POST " + local.url() + "/local/login {\"username\",\"password\"}  (password: " + DemoAccounts.PASSWORD + ")");
        DemoAccounts.ALL.forEach(a -> System.out.printf("            %-16s %s  %s%n", a.username(), a.description(), a.groups()));
        System.out.println("  Data:     " + (options.inMemory() ? "in memory (discarded at exit)" : options.state().resolve("data"))
                + (local.seeded() ? "  (demo data seeded)" : ""));
        System.out.printf("  Started in %.1f s. Ctrl-C stops everything.%n%n", local.startToFirstResponse().toMillis() / 1000.0);
        System.out.println("RedGrid is running at " + local.url());
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Options parse(String[] args) {
        int port = 8080;
        boolean inMemory = false;
        Path checkout = Path.of(System.getProperty("redgrid.root", ".")).toAbsolutePath().normalize();
        Path state = checkout.resolve(".redgrid");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(value(args, ++i, "--port"));
                case "--in-memory" -> inMemory = true;
                case "--state" -> state = Path.of(value(args, ++i, "--state")).toAbsolutePath();
                case "--help", "-h" -> {
                    System.out.println("usage: infra/local/run [--port 8080] [--in-memory] [--state DIR] [--no-build]");
                    return null;
                }
                default -> throw new IllegalArgumentException("Unknown option " + args[i] + "; try --help.");
            }
        }
        return new Options(port, state, inMemory, checkout);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value; try --help.");
        }
        return args[i];
    }

    /** A free loopback port, for whoever starts the runtime on one. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port: " + e.getMessage(), e);
        }
    }

    private static void requireFreePort(int port) throws StartFailure {
        try (ServerSocket socket = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new StartFailure("Port " + port + " is already in use; stop what uses it or choose another with --port.", e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
