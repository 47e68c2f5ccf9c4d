package org.redgrid.infra.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.redgrid.infra.local.FunctionProcess;
import org.redgrid.infra.local.LocalRedGrid;
import org.redgrid.infra.template.SamTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A street-scale matching batch end to end (issue 13: "a street: thousands of open demands and resources"): the
 * demo street S01 gets {@value #DEMANDS} open demands (through the import route, 200 rows a call) and {@value #RESOURCES}
 * resources (one POST each) from a seeded generator; then the street admin runs the batch (POST
 * /lists/matching/batches, {@value #RUNS} times, each a new batch of the same instance) and pages through every pair
 * and every demand left over ({@value #PAGE} a page). ListsFunction runs packaged under the Runtime Interface Client on
 * the local runtime's engine, as the domain scenarios do. Not part of the suite: {@code infra/bench/street} runs it and
 * rewrites its section of RESULTS.md.
 */
public final class StreetBatch {

    static final int DEMANDS = 3000;
    static final int RESOURCES = 1000;
    static final int RUNS = 3;
    static final int PAGE = 100;
    static final String MARK = "<!-- street-batch: written by infra/bench/street -->";
    private static final List<String> GRIDS = List.of("G0101", "G0102", "G0103", "G0104", "G0201", "G0202", "G0203", "G0301",
            "G0302", "G0303");
    private static final List<String> COMMUNITIES = List.of("C01", "C02", "C03");
    private static final List<String> CATEGORIES = List.of("CARE", "LABOUR", "INFO", "MEDIATION", "WISH", "CLINIC", "LEGAL",
            "FINANCE", "HEALTH", "ENVIRONMENT", "ELDERLY", "CULTURE", "PATROL");
    private static final List<String> SKILLS = List.of("水电维修", "代购", "义诊", "法律咨询", "清扫", "巡逻", "陪伴", "心理疏导");

    private StreetBatch() {
    }

    public static void main(String[] args) throws Exception {
        Path checkout = SamTemplate.locate().getParent();
        Path work = Files.createDirectories(checkout.resolve("infra/bench/target/work/street"));
        String loadBefore = Bench.loadAverage();
        String section;
        try (LocalRedGrid local = LocalRedGrid.start(new LocalRedGrid.Options(LocalRedGrid.freePort(), work.resolve("local"), true, checkout))) {
            SamTemplate template = SamTemplate.load(checkout.resolve("template.yaml"));
            Path root = FunctionProcess.unpack(checkout.resolve("functions/app/target/function.zip"), work.resolve("function"));
            DomainScenarios scenarios = new DomainScenarios(Bench.FULL, work);
            try (FunctionProcess lists = scenarios.start(template, "ListsFunction", 0, root, LocalRedGrid.ricClasspath(checkout), local)) {
                section = run(lists);
            }
        }
        section += "\nLoad average (1, 5, 15 min): " + loadBefore + " at the start, " + Bench.loadAverage() + " at the end.\n";
        System.out.println(section);
        Path results = checkout.resolve("infra/bench/RESULTS.md");
        String md = Files.readString(results);
        int at = md.indexOf(MARK);
        Files.writeString(results, (at < 0 ? md.stripTrailing() + "\n\n" : md.substring(0, at)) + MARK + "\n" + section);
        System.exit(0);
    }

    private static String run(FunctionProcess fn) throws Exception {
        Map<String, String> admin = DomainScenarios.claims("street.admin", "street-admin@S01");
        Random random = new Random(13);
        long t0 = System.nanoTime();
        for (int from = 0; from < DEMANDS; from += 200) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = from; i < Math.min(DEMANDS, from + 200); i++) {
                Map<String, Object> row = new HashMap<>();
                row.put("title", "街道需求 " + i);
                row.put("category", pick(random, CATEGORIES));
                row.put("gridCode", pick(random, GRIDS));
                row.put("householdIds", List.of("HH-" + i));
                row.put("skills", random.nextBoolean() ? List.of(pick(random, SKILLS)) : List.of());
                row.put("urgency", 1 + random.nextInt(5));
                rows.add(row);
            }
            DomainScenarios.invoke(fn, "POST", "/lists/demands/import", admin, Map.of("rows", rows), 200);
        }
        for (int i = 0; i < RESOURCES; i++) {
            boolean wide = random.nextInt(4) == 0;
            String base = wide ? "S01" : pick(random, COMMUNITIES);
            Map<String, Object> body = new HashMap<>();
            body.put("kind", random.nextBoolean() ? "TEAM" : "UNIT");
            body.put("name", "街道资源 " + i);
            body.put("nodeCode", base);
            body.put("covers", List.of(base));
            body.put("categories", List.of(pick(random, CATEGORIES), pick(random, CATEGORIES)).stream().distinct().toList());
            body.put("skills", List.of(pick(random, SKILLS)));
            body.put("capacity", 1 + random.nextInt(4));
            DomainScenarios.invoke(fn, "POST", "/lists/resources", admin, body, 201);
        }
        double seedSeconds = (System.nanoTime() - t0) / 1e9;

        Sample batchMs = new Sample();
        double[] units = null;
        JsonNode head = null;
        for (int r = 0; r < RUNS; r++) {
            DomainScenarios.Answer a = DomainScenarios.invoke(fn, "POST", "/lists/matching/batches", admin, Map.of("nodeCode", "S01"), 201);
            batchMs.add(a.ms());
            units = DomainScenarios.units(a.response());
            head = a.body();
        }
        String id = head.path("id").asText();
        Sample pageMs = new Sample();
        int pairs = 0;
        int unmatched = 0;
        int largest = 0;
        long pagingStart = System.nanoTime();
        for (boolean leftOver : new boolean[] { false, true }) {
            String cursor = null;
            do {
                String path = "/lists/matching/batches/" + id + "/pairs?limit=" + PAGE + (leftOver ? "&unmatched=true" : "")
                        + (cursor == null ? "" : "&cursor=" + java.net.URLEncoder.encode(cursor, java.nio.charset.StandardCharsets.UTF_8));
                DomainScenarios.Answer a = DomainScenarios.invoke(fn, "GET", path, admin, null, 200);
                pageMs.add(a.ms());
                largest = Math.max(largest, a.response().path("body").asText().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
                JsonNode page = a.body();
                if (leftOver) {
                    unmatched += page.path("items").size();
                } else {
                    pairs += page.path("items").size();
                }
                cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
            } while (cursor != null);
        }
        double pagingMs = (System.nanoTime() - pagingStart) / 1e6;
        if (pairs != head.path("pairCount").asInt() || unmatched != head.path("unmatchedCount").asInt()) {
            throw new IllegalStateException("paged " + pairs + " pairs and " + unmatched + " left over, the head says " + head);
        }
        return String.format(Locale.ROOT, """
                ## Street-scale matching batch (issue 13)

                `infra/bench/street`: the demo street S01 with %d open demands (import route) and %d resources (seeded
                generator, seed 13; capacities 1–4 a month, so some demands are left over; %.0f s to seed), ListsFunction
                under the Runtime Interface Client on the in-memory engine, invoked as the street admin. Measured %s.

                | figure | value |
                |---|---|
                | POST /lists/matching/batches (S01), median of %d (min / max) | %.0f ms (%.0f / %.0f) |
                | its DynamoDB units (RCU / WCU) and calls | %.1f / %.1f, %.0f calls |
                | batch | %d demands × %d resources with capacity, %d candidate edges, %d pairs, %d left over (%d without any candidate) |
                | paging every pair and every demand left over, %d a page | %d pages in %.0f ms (page p50 %.0f ms, p99 %.0f ms) |
                | largest page answer | %d KB (Lambda's limit: 6 MB) |

                The batch's time is reading the street's demands and resources (Query pages, BatchGetItem of their month's
                load), the exact matcher, and writing the %d parts (BatchWriteItem, 25 a call) before the head; its cost is
                mostly those writes (one WCU a part). The HTTP API's limit of 30 s is what a district-size batch would meet
                first, which is why a batch stops at 5,000 demands and 5,000 resources (a district is matched street by
                street). Timings are from a shared machine (see the load average), the units are not.
                """, DEMANDS, RESOURCES, seedSeconds, java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                RUNS, batchMs.median(), batchMs.percentile(0), batchMs.percentile(100), units[0], units[1], units[2],
                head.path("demandCount").asInt(), head.path("resourceCount").asInt(), head.path("candidateEdges").asInt(), pairs,
                unmatched, head.path("noCandidateCount").asInt(), PAGE, pageMs.count(), pagingMs, pageMs.median(), pageMs.p99(),
                largest / 1024, pairs + unmatched);
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
