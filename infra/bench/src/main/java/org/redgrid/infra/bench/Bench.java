package org.redgrid.infra.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

import org.redgrid.infra.dynamodb.DynamoEngine;
import org.redgrid.infra.local.FunctionProcess;
import org.redgrid.infra.local.LocalRedGrid;
import org.redgrid.infra.template.SamTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * RedGrid's benchmarks. Every figure is a ratio against a baseline measured in the same run on the same machine:
 * start-up against a bare lambda-http function, request latency against the raw DynamoDB calls the request makes,
 * consumed units against the access pattern's designed minimum. Warm-up runs are left out of every figure.
 */
public final class Bench {

    /** How many runs: {@link #FULL} for RESULTS.md, {@link #TINY} for the test that checks the harness works. */
    public record Settings(String name, int startupRuns, int warmup, int requests) {
    }

    public static final Settings FULL = new Settings("full", 5, 30, 300);
    public static final Settings TINY = new Settings("tiny", 1, 2, 5);

    // Public on-demand prices, us-east-1, x86_64, as listed by AWS in 2025–2026 (USD). China regions bill in CNY at
    // other rates; scale the cost columns accordingly.
    static final double LAMBDA_GB_SECOND = 0.0000166667;
    static final double LAMBDA_PER_MILLION = 0.20;
    static final double HTTP_API_PER_MILLION = 1.00;
    static final double DDB_READ_UNITS_PER_MILLION = 0.125;
    static final double DDB_WRITE_UNITS_PER_MILLION = 0.625;

    /** What every DynamoDB figure is measured on. */
    static final String ENGINE = "RedGrid's DynamoDB engine (dynalite 4.0.0 plus the project's transactions, streams and TTL; "
            + "infra/dynamodb), in memory, on Node.js";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TABLE = "DirectoryTable";

    private final Path checkout;
    private final Settings settings;
    private final Path work;
    private final HttpClient http = HttpClient.newHttpClient();

    private Bench(Path checkout, Settings settings, Path work) {
        this.checkout = checkout;
        this.settings = settings;
        this.work = work;
    }

    /** Runs every figure and returns the results document (what results.json holds). */
    public static ObjectNode run(Path checkout, Settings settings, Path work) throws Exception {
        return new Bench(checkout, settings, work).all();
    }

    private ObjectNode all() throws Exception {
        ObjectNode results = JSON.createObjectNode();
        results.put("settings", settings.name());
        results.put("measured_at", Instant.now().toString());
        results.set("machine", machine());
        ObjectNode startup = startup();
        results.setAll(startup);
        ObjectNode requests = requests();
        results.setAll(requests);
        return results;
    }

    // ---- 1. start-up ---------------------------------------------------------------------------------------------

    private ObjectNode startup() throws Exception {
        SamTemplate template = SamTemplate.load(checkout.resolve("template.yaml"));
        String ric = LocalRedGrid.ricClasspath(checkout);
        int memory = template.memorySize("DirectoryFunction");
        Path ours = FunctionProcess.unpack(checkout.resolve("functions/app/target/function.zip"), work.resolve("redgrid"));
        Path hello = FunctionProcess.unpack(checkout.resolve("infra/bench/hello/target/function.zip"), work.resolve("hello"));
        Sample oursMs = new Sample();
        Sample helloMs = new Sample();
        Sample oursRss = new Sample();
        Sample helloRss = new Sample();
        try (DynamoEngine dynamo = DynamoEngine.inMemory()) {
            dynamo.createTables(template);
            Map<String, String> env = new LinkedHashMap<>(template.environment("DirectoryFunction"));
            env.putAll(LocalRedGrid.dynamoEnvironment(dynamo.endpoint()));
            String scope = Events.get("/directory/scope", Map.of("sub", "bench", "cognito:username", "bench",
                    "cognito:groups", "[district-admin@D01]"));
            for (int i = 0; i < settings.startupRuns(); i++) {
                coldStart("DirectoryFunction", ours, ric, memory, env, scope, oursMs, oursRss);
                coldStart("Hello", hello, ric, memory, Map.of(), Events.get("/hello", null), helloMs, helloRss);
            }
        }
        ObjectNode out = JSON.createObjectNode();
        out.put("startup_ratio", round(oursMs.median() / helloMs.median()));
        ObjectNode detail = out.putObject("startup");
        detail.put("runs", oursMs.count());
        detail.put("memory_mb", memory);
        detail.set("redgrid", figure(oursMs).put("rss_mb_median", round(oursRss.median() / 1024)));
        detail.set("hello", figure(helloMs).put("rss_mb_median", round(helloRss.median() / 1024)));
        return out;
    }

    /** Process start to the first successful response, under the Runtime Interface Client. */
    private void coldStart(String name, Path root, String ric, int memory, Map<String, String> env, String event, Sample ms,
            Sample rss) throws Exception {
        long t0 = System.nanoTime();
        try (FunctionProcess fn = FunctionProcess.start(name, root, ric, memory, env, work.resolve(name + ".log"))) {
            JsonNode response = JSON.readTree(fn.invoke(event, 120_000));
            double elapsed = (System.nanoTime() - t0) / 1e6;
            if (response.path("statusCode").asInt() != 200) {
                throw new IllegalStateException(name + " answered " + response);
            }
            ms.add(elapsed);
            rss.add(LocalRedGrid.residentKb(fn.pid()));
        }
    }

    // ---- 2. and 3. request overhead, units; 4. cost ------------------------------------------------------------------

    /**
     * An endpoint, the raw DynamoDB calls it makes, and its designed minimum units as DynamoDB charges them: a
     * transaction doubles each item's table write (2 WCU per KB), each index entry it writes costs 1 WCU.
     */
    private record Endpoint(String name, String method, Function<Integer, String> path, Function<Integer, Object> body,
            Function<Integer, Used> raw, double designedRead, double designedWrite) {
    }

    private ObjectNode requests() throws Exception {
        Path state = work.resolve("local");
        ObjectNode out = JSON.createObjectNode();
        try (LocalRedGrid local = LocalRedGrid.start(new LocalRedGrid.Options(LocalRedGrid.freePort(), state, true, checkout));
                DynamoDbClient db = DynamoEngine.client(local.dynamoEndpoint())) {
            ObjectNode runtime = out.putObject("local_runtime");
            runtime.put("start_to_first_response_ms", local.startToFirstResponse().toMillis());
            runtime.put("rss_mb_functions", round(local.functionPids().stream().mapToLong(LocalRedGrid::residentKb).sum() / 1024.0));
            runtime.put("rss_mb_runtime_jvm", round(LocalRedGrid.residentKb(ProcessHandle.current().pid()) / 1024.0));
            runtime.put("note", String.format(Locale.ROOT, "the runtime JVM also hosts the benchmark itself; the DynamoDB engine "
                    + "is its own Node.js process (RSS %.0f MB)", LocalRedGrid.residentKb(local.dynamoPid()) / 1024.0));
            String token = login(local.url());
            String person = JSON.readTree(call(local.url(), "GET", "/directory/people?under=G0101&limit=1", null, token).body())
                    .path("items").path(0).path("id").asText();
            AtomicInteger sequence = new AtomicInteger();
            List<Endpoint> endpoints = endpoints(db, person, sequence);
            ArrayNode rows = out.putArray("endpoints");
            double worstP50 = 0;
            double worstP99 = 0;
            double worstUnits = 0;
            int memory = SamTemplate.load(checkout.resolve("template.yaml")).memorySize("DirectoryFunction");
            for (Endpoint e : endpoints) {
                Sample gateway = new Sample();
                Sample raw = new Sample();
                double[] units = { 0, 0 };
                double[] rawUnits = { 0, 0 };
                for (int i = 0; i < settings.warmup() + settings.requests(); i++) {
                    int n = sequence.incrementAndGet();
                    long t0 = System.nanoTime();
                    HttpResponse<String> r = call(local.url(), e.method(), e.path().apply(n), e.body().apply(n), token);
                    double viaGateway = (System.nanoTime() - t0) / 1e6;
                    if (r.statusCode() >= 300) {
                        throw new IllegalStateException(e.name() + " answered " + r.statusCode() + " " + r.body());
                    }
                    int m = sequence.incrementAndGet();
                    long t1 = System.nanoTime();
                    Used used = e.raw().apply(m);
                    double direct = (System.nanoTime() - t1) / 1e6;
                    if (i >= settings.warmup()) {
                        gateway.add(viaGateway);
                        raw.add(direct);
                        units = capacity(r);
                        rawUnits = new double[] { total(used.reads()), total(used.writes()) };
                    }
                }
                double unitsRatio = Math.max(e.designedRead() > 0 ? units[0] / e.designedRead() : 0,
                        e.designedWrite() > 0 ? units[1] / e.designedWrite() : 0);
                ObjectNode row = rows.addObject();
                row.put("endpoint", e.name());
                row.put("runs", gateway.count());
                row.set("gateway_ms", figure(gateway));
                row.set("raw_dynamodb_ms", figure(raw));
                row.put("overhead_ratio_p50", round(gateway.median() / raw.median()));
                row.put("overhead_ratio_p99", round(gateway.p99() / raw.p99()));
                row.put("read_units", units[0]);
                row.put("write_units", units[1]);
                row.put("raw_read_units", rawUnits[0]);
                row.put("raw_write_units", rawUnits[1]);
                row.put("designed_read_units", e.designedRead());
                row.put("designed_write_units", e.designedWrite());
                row.put("units_ratio", round(unitsRatio));
                row.put("cost_per_million_usd", round(cost(gateway.median(), memory, units)));
                worstP50 = Math.max(worstP50, gateway.median() / raw.median());
                worstP99 = Math.max(worstP99, gateway.p99() / raw.p99());
                worstUnits = Math.max(worstUnits, unitsRatio);
            }
            out.set("scenarios", new DomainScenarios(settings, work).run(checkout, local));
            out.put("overhead_ratio_p50", round(worstP50));
            out.put("overhead_ratio_p99", round(worstP99));
            out.put("max_units_ratio", round(worstUnits));
            out.put("scans_on_request_paths", scans(state));
            ObjectNode prices = out.putObject("prices");
            prices.put("region", "us-east-1 (x86_64, on-demand)");
            prices.put("lambda_gb_second_usd", LAMBDA_GB_SECOND);
            prices.put("lambda_requests_per_million_usd", LAMBDA_PER_MILLION);
            prices.put("http_api_per_million_usd", HTTP_API_PER_MILLION);
            prices.put("dynamodb_read_units_per_million_usd", DDB_READ_UNITS_PER_MILLION);
            prices.put("dynamodb_write_units_per_million_usd", DDB_WRITE_UNITS_PER_MILLION);
            prices.put("lambda_memory_mb", memory);
            prices.put("duration_basis", "median latency through the local gateway (an upper bound of the billed duration)");
        }
        return out;
    }

    /** What one replica of an endpoint's DynamoDB calls consumed: its reads, and its transaction's writes. */
    private record Used(List<ConsumedCapacity> reads, List<ConsumedCapacity> writes) {
    }

    /**
     * Each endpoint beside a replica of the directory's DynamoDB calls for it (functions/directory control classes):
     * the same items, conditions and transaction shape, in the same order. The designed minimums are CapacityTest's.
     */
    private List<Endpoint> endpoints(DynamoDbClient db, String person, AtomicInteger sequence) {
        Function<Integer, Object> none = n -> null;
        return List.of(
                new Endpoint("GET /directory/nodes/{code}", "GET", n -> "/directory/nodes/G0101", none,
                        n -> new Used(List.of(get(db, "NODE#G0101", "NODE")), List.of()), 0.5, 0),
                new Endpoint("GET /directory/nodes/{code}/children", "GET", n -> "/directory/nodes/C01/children", none,
                        n -> new Used(List.of(get(db, "NODE#C01", "NODE"), query(db, "ByParent", "gsi1pk", "CHILDREN#C01", null, 20)),
                                List.of()), 1.0, 0),
                new Endpoint("GET /directory/people?under=", "GET", n -> "/directory/people?under=C01", none,
                        n -> new Used(List.of(get(db, "NODE#C01", "NODE"),
                                query(db, "ByPath", "gsi2pk", "PEOPLE#D01", "/D01/S01/C01/", 20)), List.of()), 1.0, 0),
                new Endpoint("GET /directory/people/{id}", "GET", n -> "/directory/people/" + person, none,
                        n -> readPerson(db, person), 2.5, 0),
                new Endpoint("POST /directory/nodes", "POST", n -> "/directory/nodes",
                        n -> Map.of("code", "BN" + n, "name", "压测楼栋" + n, "level", "BUILDING", "parentCode", "G0102"),
                        n -> createNode(db, "BR" + n), 0.5, 8),
                new Endpoint("POST /directory/people", "POST", n -> "/directory/people",
                        n -> Map.of("name", "压测" + n, "phone", "13900000000", "homeNodeCode", "G0102"),
                        n -> registerPerson(db, "R" + n), 2.5, 18));
    }

    private static ConsumedCapacity get(DynamoDbClient db, String pk, String sk) {
        return db.getItem(r -> r.tableName(TABLE).key(key(pk, sk)).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL))
                .consumedCapacity();
    }

    /** One Query page ({@code limit} items, or all of a small partition when 0); {@code prefix}: begins_with on the sort key. */
    private static QueryResponse queryPage(DynamoDbClient db, String index, String key, String value, String prefix, int limit) {
        String sortKey = "ByParent".equals(index) ? "gsi1sk" : "gsi2sk";
        return db.query(q -> {
            q.tableName(TABLE).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL);
            if (limit > 0) {
                q.limit(limit);
            }
            if (index != null) {
                q.indexName(index);
            }
            if (prefix == null) {
                q.keyConditionExpression(key + " = :v").expressionAttributeValues(Map.of(":v", AttributeValue.fromS(value)));
            } else {
                q.keyConditionExpression(key + " = :v AND begins_with(" + sortKey + ", :p)")
                        .expressionAttributeValues(Map.of(":v", AttributeValue.fromS(value), ":p", AttributeValue.fromS(prefix)));
            }
        });
    }

    private static ConsumedCapacity query(DynamoDbClient db, String index, String key, String value, String prefix, int limit) {
        return queryPage(db, index, key, value, prefix, limit).consumedCapacity();
    }

    /** BatchGetItem of the nodes on the given paths ("/D01/S01/"), each once: the names a view shows. */
    private static List<ConsumedCapacity> names(DynamoDbClient db, List<String> paths) {
        List<Map<String, AttributeValue>> keys = paths.stream().flatMap(p -> Stream.of(p.split("/"))).filter(c -> !c.isEmpty())
                .distinct().map(c -> key("NODE#" + c, "NODE")).toList();
        return db.batchGetItem(r -> r.requestItems(Map.of(TABLE, KeysAndAttributes.builder().keys(keys).build()))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();
    }

    /** Reading a person: one Query of their partition (profile and posts), then the names on their home and post paths. */
    private static Used readPerson(DynamoDbClient db, String person) {
        QueryResponse partition = queryPage(db, null, "pk", "PERSON#" + person, null, 0);
        List<String> paths = partition.items().stream().flatMap(i -> Stream.of(i.get("homePath"), i.get("nodePath")))
                .filter(v -> v != null).map(AttributeValue::s).toList();
        List<ConsumedCapacity> reads = new ArrayList<>(List.of(partition.consumedCapacity()));
        reads.addAll(names(db, paths));
        return new Used(reads, List.of());
    }

    /** Creating a node: read the parent; one transaction counts the child on the parent and puts the node. */
    private static Used createNode(DynamoDbClient db, String code) {
        String path = "/D01/S01/C01/G0102/" + code + "/";
        Map<String, AttributeValue> node = item("pk", "NODE#" + code, "sk", "NODE", "gsi1pk", "CHILDREN#G0102", "gsi1sk", code,
                "gsi2pk", "NODES#D01", "gsi2sk", path, "code", code, "name", "压测楼栋", "level", "BUILDING", "parentCode", "G0102",
                "path", path, "householdCount", 0L, "totalPeople", 0L, "totalPartyMembers", 0L, "totalHouseholds", 0L,
                "totalUnits", 0L, "refs", 0L, "activeChildren", 0L, "status", "ACTIVE");
        List<ConsumedCapacity> reads = List.of(get(db, "NODE#G0102", "NODE"));
        return new Used(reads, transact(db, tally("G0102", 1, 1, 0, true), putNew(node)));
    }

    /**
     * Registering a person: read the home node; one transaction puts the person and counts them on the home node
     * (a reference) and on every node of its path (subtree totals); then the names on the path.
     */
    private static Used registerPerson(DynamoDbClient db, String id) {
        String home = "/D01/S01/C01/G0102/";
        Map<String, AttributeValue> person = item("pk", "PERSON#" + id, "sk", "PROFILE", "gsi2pk", "PEOPLE#D01", "gsi2sk", home + "#" + id,
                "id", id, "name", "压测", "phone", "13900000000", "homeNodeCode", "G0102", "homePath", home);
        List<ConsumedCapacity> reads = new ArrayList<>(List.of(get(db, "NODE#G0102", "NODE")));
        List<ConsumedCapacity> writes = transact(db, putNew(person), tally("G0102", 1, 0, 1, true), tally("D01", 0, 0, 1, false),
                tally("S01", 0, 0, 1, false), tally("C01", 0, 0, 1, false));
        reads.addAll(names(db, List.of(home)));
        return new Used(reads, writes);
    }

    private static TransactWriteItem putNew(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(TABLE).item(item).conditionExpression("attribute_not_exists(pk)")
                .build()).build();
    }

    /** A node's counter update as the directory merges it: references, active children, subtree people; {@code active}: only while active. */
    private static TransactWriteItem tally(String code, long refs, long children, long people, boolean active) {
        Map<String, AttributeValue> values = new HashMap<>();
        for (Map.Entry<String, Long> v : Map.of(":refs", refs, ":children", children, ":households", 0L, ":tp", people, ":tm", 0L,
                ":th", 0L, ":tu", 0L).entrySet()) {
            values.put(v.getKey(), AttributeValue.fromN(Long.toString(v.getValue())));
        }
        Update.Builder update = Update.builder().tableName(TABLE).key(key("NODE#" + code, "NODE"))
                .updateExpression("ADD refs :refs, activeChildren :children, householdCount :households, totalPeople :tp, "
                        + "totalPartyMembers :tm, totalHouseholds :th, totalUnits :tu");
        if (active) {
            values.put(":active", AttributeValue.fromS("ACTIVE"));
            update.conditionExpression("attribute_exists(pk) AND #status = :active").expressionAttributeNames(Map.of("#status", "status"));
        } else {
            update.conditionExpression("attribute_exists(pk)");
        }
        return TransactWriteItem.builder().update(update.expressionAttributeValues(values).build()).build();
    }

    private static List<ConsumedCapacity> transact(DynamoDbClient db, TransactWriteItem... items) {
        return db.transactWriteItems(t -> t.transactItems(items).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk));
    }

    /** An item from name/value pairs (String or Long values), stamped as every stored record is: version, created, updated. */
    private static Map<String, AttributeValue> item(Object... pairs) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            item.put((String) pairs[i], pairs[i + 1] instanceof Long n ? AttributeValue.fromN(n.toString()) : AttributeValue.fromS((String) pairs[i + 1]));
        }
        String now = Instant.now().toString();
        item.put("version", AttributeValue.fromN("1"));
        item.put("createdAt", AttributeValue.fromS(now));
        item.put("updatedAt", AttributeValue.fromS(now));
        return item;
    }

    private static double total(List<ConsumedCapacity> used) {
        return used.stream().mapToDouble(c -> c == null || c.capacityUnits() == null ? 0 : c.capacityUnits()).sum();
    }

    /** Lambda (GB-s and requests) + HTTP API + DynamoDB request units, per million requests. */
    static double cost(double medianMs, int memoryMb, double[] units) {
        double lambda = 1e6 * (memoryMb / 1024.0) * (medianMs / 1000.0) * LAMBDA_GB_SECOND + LAMBDA_PER_MILLION;
        double dynamo = units[0] * DDB_READ_UNITS_PER_MILLION + units[1] * DDB_WRITE_UNITS_PER_MILLION;
        return lambda + HTTP_API_PER_MILLION + dynamo;
    }

    /** Scan calls in the functions' sources plus Scan refusals logged while the benchmark ran: both must be 0. */
    private long scans(Path state) throws IOException {
        long inSources;
        try (Stream<Path> files = Files.walk(checkout.resolve("functions"))) {
            inSources = files.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/"))
                    .mapToLong(p -> {
                        try {
                            return Files.readAllLines(p).stream().filter(l -> l.contains(".scan(") || l.contains("scanPaginator(")).count();
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    }).sum();
        }
        long refused = 0;
        Path logs = state.resolve("logs");
        if (Files.isDirectory(logs)) {
            try (Stream<Path> files = Files.list(logs)) {
                for (Path log : files.toList()) {
                    refused += Files.readAllLines(log).stream().filter(l -> l.contains("Scan is not allowed")).count();
                }
            }
        }
        return inSources + refused;
    }

    // ---- plumbing -----------------------------------------------------------------------------------------------------

    private String login(String base) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/local/login"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"district.admin\",\"password\":\"redgrid-demo\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body()).path("idToken").asText();
    }

    private HttpResponse<String> call(String base, String method, String path, Object body, String token)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static double[] capacity(HttpResponse<String> r) {
        double[] units = { 0, 0 };
        r.headers().firstValue("X-RedGrid-Consumed-Capacity").ifPresent(h -> {
            for (String part : h.split(";")) {
                String[] kv = part.split("=");
                if (kv[0].equals("read")) {
                    units[0] = Double.parseDouble(kv[1]);
                } else if (kv[0].equals("write")) {
                    units[1] = Double.parseDouble(kv[1]);
                }
            }
        });
        return units;
    }

    private static ObjectNode figure(Sample s) {
        ObjectNode f = JSON.createObjectNode();
        f.put("runs", s.count());
        f.put("median", round(s.median()));
        f.put("p99", round(s.p99()));
        f.put("spread_iqr", round(s.spread()));
        return f;
    }

    private static ObjectNode machine() {
        ObjectNode m = JSON.createObjectNode();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        try {
            Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name")).findFirst()
                    .ifPresent(l -> m.put("cpu", l.substring(l.indexOf(':') + 1).trim()));
            Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal")).findFirst()
                    .ifPresent(l -> m.put("memory_gb", Math.round(Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0)));
        } catch (IOException e) {
            m.put("cpu", "unknown");
        }
        return m;
    }

    private static double round(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }

    /** The figures as a markdown table, as printed and as kept in RESULTS.md. */
    public static String markdown(JsonNode r) {
        StringBuilder md = new StringBuilder();
        JsonNode s = r.path("startup");
        md.append(String.format(Locale.ROOT, "Settings: %s, measured %s on %s (%d cores, %s GB), %s; DynamoDB: %s%n%n",
                r.path("settings").asText(), r.path("measured_at").asText(), r.path("machine").path("cpu").asText("?"),
                r.path("machine").path("cores").asInt(), r.path("machine").path("memory_gb").asText("?"), r.path("machine").path("java").asText(),
                ENGINE));
        md.append("| figure | value | baseline | ratio | runs |\n|---|---|---|---|---|\n");
        md.append(String.format(Locale.ROOT, "| start-up to first response (median ms, spread) | %.0f (±%.0f), RSS %.0f MB | hello %.0f (±%.0f), RSS %.0f MB | %.2f | %d |%n",
                s.path("redgrid").path("median").asDouble(), s.path("redgrid").path("spread_iqr").asDouble(), s.path("redgrid").path("rss_mb_median").asDouble(),
                s.path("hello").path("median").asDouble(), s.path("hello").path("spread_iqr").asDouble(), s.path("hello").path("rss_mb_median").asDouble(),
                r.path("startup_ratio").asDouble(), s.path("runs").asInt()));
        md.append(String.format(Locale.ROOT, "| request overhead, worst endpoint | p50 ratio %.2f, p99 ratio %.2f | raw DynamoDB calls | | |%n",
                r.path("overhead_ratio_p50").asDouble(), r.path("overhead_ratio_p99").asDouble()));
        md.append(String.format(Locale.ROOT, "| DynamoDB units, worst endpoint | %.2f × designed minimum | | | |%n", r.path("max_units_ratio").asDouble()));
        md.append(String.format(Locale.ROOT, "| Scan on request paths | %d | | | |%n", r.path("scans_on_request_paths").asLong()));
        JsonNode lr = r.path("local_runtime");
        md.append(String.format(Locale.ROOT, "| local runtime (infra/local): start to first response | %d ms, RSS functions %.0f MB + runtime JVM %.0f MB | | | 1 |%n%n",
                lr.path("start_to_first_response_ms").asLong(), lr.path("rss_mb_functions").asDouble(), lr.path("rss_mb_runtime_jvm").asDouble()));
        md.append("| endpoint | gateway p50 / p99 ms | raw DynamoDB p50 / p99 ms | overhead p50 / p99 | RCU / WCU (raw calls; designed) | units ratio | USD per 1M | runs |\n");
        md.append("|---|---|---|---|---|---|---|---|\n");
        for (JsonNode e : r.path("endpoints")) {
            md.append(String.format(Locale.ROOT, "| %s | %.2f / %.2f | %.2f / %.2f | %.2f / %.2f | %.1f / %.1f (%.1f / %.1f; %.1f / %.1f) | %.2f | %.2f | %d |%n",
                    e.path("endpoint").asText(), e.path("gateway_ms").path("median").asDouble(), e.path("gateway_ms").path("p99").asDouble(),
                    e.path("raw_dynamodb_ms").path("median").asDouble(), e.path("raw_dynamodb_ms").path("p99").asDouble(),
                    e.path("overhead_ratio_p50").asDouble(), e.path("overhead_ratio_p99").asDouble(),
                    e.path("read_units").asDouble(), e.path("write_units").asDouble(), e.path("raw_read_units").asDouble(),
                    e.path("raw_write_units").asDouble(), e.path("designed_read_units").asDouble(),
                    e.path("designed_write_units").asDouble(), e.path("units_ratio").asDouble(), e.path("cost_per_million_usd").asDouble(),
                    e.path("runs").asInt()));
        }
        md.append(DomainScenarios.markdown(r.path("scenarios")));
        JsonNode p = r.path("prices");
        md.append(String.format(Locale.ROOT, "%nPrices (%s): Lambda %s USD/GB-s + %.2f USD/1M requests at %d MB; HTTP API %.2f USD/1M; "
                + "DynamoDB %.3f USD/1M RRU, %.3f USD/1M WRU. Duration basis: %s.%n", p.path("region").asText(),
                p.path("lambda_gb_second_usd").asText(), p.path("lambda_requests_per_million_usd").asDouble(), p.path("lambda_memory_mb").asInt(),
                p.path("http_api_per_million_usd").asDouble(), p.path("dynamodb_read_units_per_million_usd").asDouble(),
                p.path("dynamodb_write_units_per_million_usd").asDouble(), p.path("duration_basis").asText()));
        return md.toString();
    }

    /** How to read the figures; kept with them in RESULTS.md. */
    static final String READING = """
            ## Reading the figures

            - Start-up is JVM mode under the Runtime Interface Client (no GraalVM here). The RedGrid figure includes the
              first DynamoDB call (AWS SDK initialisation and connection), which the hello baseline does not make.
            - Overhead compares the whole local path (HTTP client → local gateway → Runtime API → function → DynamoDB
              engine) with the same DynamoDB calls issued directly from the benchmark JVM, one after the other:
              - GET node: GetItem of the node.
              - GET children, GET people?under=: GetItem of the node (scope check), one Query page of 20 (ByParent,
                ByPath).
              - GET person: one Query of the person's partition (profile and posts), BatchGetItem of the names of the
                4 nodes on their paths.
              - POST node: GetItem of the parent; one transaction: update of the parent (references, active
                children; only while active), put of the node.
              - POST person: GetItem of the home node; one transaction: put of the person, update of the home node
                (a reference; only while active) and of it and its 3 ancestors (subtree totals), one update per node;
                BatchGetItem of the 4 names on the path for the answer.
            - Units come from ReturnConsumedCapacity as the engine reports them; "raw calls" are the units of the same
              calls made directly. The designed minimum (functions/directory CapacityTest) counts as DynamoDB charges:
              0.5 RCU per item read eventually consistent (up to 4 KB; a Query page of small items 0.5), 2 WCU per KB
              for each item a transaction writes, 1 WCU for each index entry it writes (index writes are not doubled;
              both indexes project ALL, so a counter update on a node rewrites its ByParent and ByPath entries too):
              POST node 2 × 2 + 4 × 1 = 8 WCU, POST person 5 × 2 + 8 × 1 = 18 WCU. The units ratio shows any difference.
            - Domain scenarios (check-in, points) run the packaged CheckinFunction and PointsFunction under the Runtime
              Interface Client on the same engine and demo district, invoked directly with API Gateway events whose
              claims name logins of the run's own (each cadre clocks in once a day, as the rules allow); the duty
              window is opened to the whole day so that the benchmark runs at any hour. p50/p95/p99 are invocation to
              answer, units the function's own X-RedGrid-Consumed-Capacity. Clock-in: grid and its boundary, one
              conditional put. Service record: log (put), then verify (one transaction: record, month and year totals,
              the ServiceVerified outbox item). Redemption under contention: many households (each awarded 50 points)
              redeem one unit of a good (price 10) with limited stock at the same moment, spread over several function
              instances (processes, as Lambda's concurrency); the ledger retries contended transactions itself, so
              the units of a redemption include its retries. Reported: the answers (201, 409 OUT_OF_STOCK, any other
              409 counted as a conflict), the units sold, the stock left and the oversell, which must be 0.
            - The machine is shared with other builds (2 cores); the load average beside the settings says how busy it
              was. Latencies and start-up move with it; the units do not.
            """;

    /** The 1, 5 and 15 minute load averages, as /proc/loadavg gives them. */
    static String loadAverage() {
        try {
            return String.join(" ", List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
        } catch (IOException e) {
            return "unknown";
        }
    }

    public static void main(String[] args) throws Exception {
        Settings settings = List.of(args).contains("--tiny") ? TINY : FULL;
        Path checkout = SamTemplate.locate().getParent();
        Path work = Files.createDirectories(checkout.resolve("infra/bench/target/work"));
        String loadBefore = loadAverage();
        ObjectNode results = run(checkout, settings, work);
        String load = "Load average (1, 5, 15 min; machine shared with other builds): " + loadBefore + " at the start, "
                + loadAverage() + " at the end.\n";
        Files.writeString(checkout.resolve("infra/bench/results.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(results) + "\n");
        String table = markdown(results);
        System.out.println(table + "\n" + load);
        if (settings == FULL) {
            Path file = checkout.resolve("infra/bench/RESULTS.md");
            // The street batch's section is written by its own run (infra/bench/street) and kept here.
            String previous = Files.exists(file) ? Files.readString(file) : "";
            String street = previous.contains(StreetBatch.MARK) ? "\n" + previous.substring(previous.indexOf(StreetBatch.MARK)) : "";
            Files.writeString(file, "# RedGrid benchmark results\n\n"
                    + "Written by a full run of `infra/bench/run` (see README). Every ratio compares figures measured in the same run.\n"
                    + "Targets: start-up ratio ≤ 1.1, request overhead ≤ 1.2 at p50, units ratio 1.0, no Scan.\n\n"
                    + table + "\n" + load + "\n" + READING + street);
        }
        System.exit(0);
    }
}
