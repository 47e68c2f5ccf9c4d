package org.redgrid.infra.bench;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.redgrid.infra.local.FunctionProcess;
import org.redgrid.infra.local.LocalRedGrid;
import org.redgrid.infra.template.SamTemplate;
import org.redgrid.testkit.HttpApiEvent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The domain scenarios (issues 11 and 12): clock-in, a service record logged and verified, and redemption of one good
 * of limited stock by many households at once. Each runs the packaged CheckinFunction / PointsFunction under the
 * Runtime Interface Client on the local runtime's engine and demo district, invoked with API Gateway events whose
 * authorizer claims name a login of the scenario's own (so each cadre clocks in once, as the rules allow). The duty
 * window is opened to the whole day for the benchmark, which may run at any hour. Latency is invocation to answer;
 * units are what the function reports in X-RedGrid-Consumed-Capacity.
 */
final class DomainScenarios {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Inside G0101 (the demo's square from 116.39, 39.90, 0.0095° a side). */
    private static final double LON = 116.395;
    private static final double LAT = 39.905;
    private static final long TIMEOUT_MS = 120_000;

    private final Bench.Settings settings;
    private final Path work;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    DomainScenarios(Bench.Settings settings, Path work) {
        this.settings = settings;
        this.work = work;
    }

    /** One scenario's timings and units. */
    private static final class Figures {
        final Sample ms = new Sample();
        final Sample read = new Sample();
        final Sample write = new Sample();
        final Sample calls = new Sample();

        void add(double elapsed, JsonNode response) {
            ms.add(elapsed);
            double[] units = units(response);
            read.add(units[0]);
            write.add(units[1]);
            calls.add(units[2]);
        }

        ObjectNode json(String name) {
            ObjectNode o = JSON.createObjectNode();
            o.put("scenario", name);
            o.put("runs", ms.count());
            o.put("p50_ms", round(ms.median()));
            o.put("p95_ms", round(ms.percentile(95)));
            o.put("p99_ms", round(ms.p99()));
            o.put("read_units_median", read.median());
            o.put("write_units_median", write.median());
            o.put("dynamodb_calls_median", calls.median());
            o.put("dynamodb_calls_max", calls.percentile(100));
            return o;
        }
    }

    ObjectNode run(Path checkout, LocalRedGrid local) throws Exception {
        SamTemplate template = SamTemplate.load(checkout.resolve("template.yaml"));
        Path root = FunctionProcess.unpack(checkout.resolve("functions/app/target/function.zip"), work.resolve("scenarios"));
        String ric = LocalRedGrid.ricClasspath(checkout);
        ObjectNode out = JSON.createObjectNode();
        var rows = out.putArray("rows");
        try (FunctionProcess checkin = start(template, "CheckinFunction", 0, root, ric, local)) {
            rows.add(clockIn(checkin).json("POST /checkin/clock (clock-in, a cadre's first of the day)"));
            Figures[] service = serviceRecords(checkin);
            rows.add(service[0].json("POST /checkin/services (log a service record)"));
            rows.add(service[1].json("POST /checkin/services/{id}/verify (verify it: totals + ServiceVerified)"));
        }
        List<FunctionProcess> points = new ArrayList<>();
        try (FunctionProcess directory = start(template, "DirectoryFunction", 0, root, ric, local)) {
            for (int i = 0; i < concurrency(); i++) {
                points.add(start(template, "PointsFunction", i, root, ric, local));
            }
            out.set("redemption", redemption(directory, points));
        } finally {
            points.forEach(FunctionProcess::close);
        }
        return out;
    }

    /** Function instances that redeem at once (Lambda's concurrency), each its own process. */
    private int concurrency() {
        return settings == Bench.FULL ? 4 : 2;
    }

    FunctionProcess start(SamTemplate template, String function, int instance, Path root, String ric, LocalRedGrid local)
            throws Exception {
        Map<String, String> env = new LinkedHashMap<>(template.environment(function));
        env.putAll(LocalRedGrid.dynamoEnvironment(local.dynamoEndpoint()));
        env.put("CHECKIN_DUTY_WINDOW", "00:00-00:00");
        return FunctionProcess.start(function + "-" + instance, root, ric, template.memorySize(function), env,
                work.resolve(function + "-" + instance + ".log"));
    }

    private Figures clockIn(FunctionProcess fn) throws Exception {
        Figures f = new Figures();
        for (int i = 0; i < settings.warmup() + settings.requests(); i++) {
            Map<String, String> cadre = claims("cadre-" + run + "-" + i, "grid-worker@G0101");
            record(f, i, invoke(fn, "POST", "/checkin/clock", cadre, Map.of("gridCode", "G0101", "kind", "IN", "lon", LON, "lat", LAT), 201));
        }
        return f;
    }

    private Figures[] serviceRecords(FunctionProcess fn) throws Exception {
        Figures create = new Figures();
        Figures verify = new Figures();
        Map<String, String> member = claims("member-" + run, "party-member@C01");
        Map<String, String> leader = claims("leader-" + run, "grid-leader@G0101");
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        for (int i = 0; i < settings.warmup() + settings.requests(); i++) {
            Answer created = invoke(fn, "POST", "/checkin/services", member, Map.of("gridCode", "G0101", "day", today, "minutes", 60,
                    "category", "环境整治", "content", "压测服务纪实 " + i, "householdIds", List.of()), 201);
            record(create, i, created);
            String id = created.body().path("id").asText();
            record(verify, i, invoke(fn, "POST", "/checkin/services/" + id + "/verify", leader, null, 200));
        }
        return new Figures[] { create, verify };
    }

    /**
     * Many households, one good of limited stock: every household tries to redeem one unit at the same moment, spread
     * over the function instances. Reports the latency of all attempts, what they were answered, the units consumed,
     * the stock left and the oversell (units sold beyond the stock: must be 0).
     */
    private ObjectNode redemption(FunctionProcess directory, List<FunctionProcess> points) throws Exception {
        int households = settings == Bench.FULL ? 200 : 12;
        long stock = settings == Bench.FULL ? 50 : 5;
        Map<String, String> admin = claims("admin-" + run, "community-admin@C01");
        FunctionProcess setup = points.get(0);
        String store = invoke(setup, "POST", "/points/stores", admin, Map.of("name", "压测积分超市 " + run, "nodeCode", "C01"), 201)
                .body().path("id").asText();
        String good = invoke(setup, "POST", "/points/stores/" + store + "/goods", admin,
                Map.of("name", "压测洗衣液", "price", 10, "stock", stock), 201).body().path("id").asText();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < households; i++) {
            // Points keeps accounts only for the directory's households.
            String household = invoke(directory, "POST", "/directory/households", admin,
                    Map.of("nodeCode", "G0101", "address", "压测路 " + run + " 号 " + i), 201).body().path("id").asText();
            invoke(setup, "POST", "/points/accounts", admin, Map.of("householdId", household), 201);
            invoke(setup, "POST", "/points/awards", admin, Map.of("householdId", household, "points", 50, "reason", "清洁户"), 201);
            ids.add(household);
        }

        Figures f = new Figures();
        Map<String, AtomicInteger> answers = new LinkedHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(points.size());
        try {
            List<Future<List<Answer>>> parts = new ArrayList<>();
            for (int p = 0; p < points.size(); p++) {
                FunctionProcess fn = points.get(p);
                List<String> mine = new ArrayList<>();
                for (int i = p; i < ids.size(); i += points.size()) {
                    mine.add(ids.get(i));
                }
                parts.add(pool.submit(() -> {
                    List<Answer> done = new ArrayList<>();
                    for (String household : mine) {
                        done.add(invoke(fn, "POST", "/points/redemptions", admin,
                                Map.of("storeId", store, "goodId", good, "householdId", household, "quantity", 1), 0));
                    }
                    return done;
                }));
            }
            for (Future<List<Answer>> part : parts) {
                for (Answer a : part.get()) {
                    f.add(a.ms(), a.response());
                    String answer = a.status() == 201 ? "201" : a.status() + " " + a.body().path("code").asText();
                    answers.computeIfAbsent(answer, k -> new AtomicInteger()).incrementAndGet();
                }
            }
        } finally {
            pool.shutdown();
        }
        long left = -1;
        for (JsonNode g : invoke(setup, "GET", "/points/stores/" + store + "/goods", admin, null, 200).body()) {
            if (g.path("id").asText().equals(good)) {
                left = g.path("stock").asLong();
            }
        }
        int sold = answers.getOrDefault("201", new AtomicInteger()).get();
        ObjectNode out = f.json("POST /points/redemptions (" + households + " households at once, stock " + stock + ", "
                + points.size() + " function instances)");
        out.put("households", households);
        out.put("stock", stock);
        out.put("instances", points.size());
        out.put("redeemed", sold);
        out.put("stock_left", left);
        out.put("consumed_units", stock - left);
        out.put("oversell", Math.max(0, sold - stock) + Math.max(0, -left));
        out.put("stock_matches_sales", stock - left == sold);
        ObjectNode by = out.putObject("answers");
        answers.forEach((k, v) -> by.put(k, v.get()));
        // The ledger retries a transaction that lost the race for an account's head; each retry is more calls.
        out.put("retried_calls", Math.round(f.calls.values().stream().mapToDouble(c -> c - f.calls.percentile(0)).sum()));
        out.put("conflicts", answers.entrySet().stream().filter(e -> e.getKey().startsWith("409") && !e.getKey().endsWith("OUT_OF_STOCK"))
                .mapToInt(e -> e.getValue().get()).sum());
        return out;
    }

    /** The function's answer (the Lambda HTTP response) and how long the invocation took. */
    record Answer(double ms, JsonNode response) {

        JsonNode body() throws Exception {
            return JSON.readTree(response.path("body").asText("{}"));
        }

        int status() {
            return response.path("statusCode").asInt();
        }
    }

    private void record(Figures f, int i, Answer a) {
        if (i >= settings.warmup()) {
            f.add(a.ms(), a.response());
        }
    }

    /** Invokes the function; {@code expected} 0 accepts any answer, otherwise another status fails the benchmark. */
    static Answer invoke(FunctionProcess fn, String method, String path, Map<String, String> claims, Object body, int expected)
            throws Exception {
        HttpApiEvent event = HttpApiEvent.request(method, path).header("accept", "application/json").claims(claims);
        if (body != null) {
            event.header("content-type", "application/json").body(JSON.writeValueAsString(body));
        }
        long t0 = System.nanoTime();
        JsonNode r = JSON.readTree(fn.invoke(event.toJson().toString(), TIMEOUT_MS));
        Answer a = new Answer((System.nanoTime() - t0) / 1e6, r);
        if (expected != 0 && a.status() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + r);
        }
        return a;
    }

    static Map<String, String> claims(String login, String group) {
        return Map.of("sub", login, "cognito:username", login, "cognito:groups", "[" + group + "]");
    }

    /** RCU, WCU and DynamoDB calls from the function's X-RedGrid-Consumed-Capacity header ("read=1.5;write=8.0;calls=3"). */
    static double[] units(JsonNode response) {
        double[] units = { 0, 0, 0 };
        response.path("headers").fields().forEachRemaining(h -> {
            if (h.getKey().equalsIgnoreCase("X-RedGrid-Consumed-Capacity")) {
                for (String part : h.getValue().asText().split(";")) {
                    String[] kv = part.split("=");
                    if (kv[0].equals("read")) {
                        units[0] = Double.parseDouble(kv[1]);
                    } else if (kv[0].equals("write")) {
                        units[1] = Double.parseDouble(kv[1]);
                    } else if (kv[0].equals("calls")) {
                        units[2] = Double.parseDouble(kv[1]);
                    }
                }
            }
        });
        return units;
    }

    private static double round(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }

    /** The scenarios as markdown, after the endpoint table. */
    static String markdown(JsonNode scenarios) {
        StringBuilder md = new StringBuilder("\n| scenario | p50 / p95 / p99 ms | RCU / WCU (median) | runs |\n|---|---|---|---|\n");
        List<JsonNode> rows = new ArrayList<>();
        scenarios.path("rows").forEach(rows::add);
        rows.add(scenarios.path("redemption"));
        for (JsonNode r : rows) {
            md.append(String.format(Locale.ROOT, "| %s | %.1f / %.1f / %.1f | %.1f / %.1f | %d |%n", r.path("scenario").asText(),
                    r.path("p50_ms").asDouble(), r.path("p95_ms").asDouble(), r.path("p99_ms").asDouble(),
                    r.path("read_units_median").asDouble(), r.path("write_units_median").asDouble(), r.path("runs").asInt()));
        }
        JsonNode x = scenarios.path("redemption");
        md.append(String.format(Locale.ROOT, "%nRedemption under contention: %d households, stock %d, %d function instances → "
                + "%d redeemed, stock left %d (consumed %d), conflicts %d, DynamoDB calls beyond the fewest a redemption made %d "
                + "(median %.0f, max %.0f per redemption), oversell %d; answers %s.%n", x.path("households").asInt(),
                x.path("stock").asLong(), x.path("instances").asInt(), x.path("redeemed").asInt(), x.path("stock_left").asLong(),
                x.path("consumed_units").asLong(), x.path("conflicts").asInt(), x.path("retried_calls").asLong(),
                x.path("dynamodb_calls_median").asDouble(), x.path("dynamodb_calls_max").asDouble(), x.path("oversell").asLong(),
                x.path("answers")));
        return md.toString();
    }
}
