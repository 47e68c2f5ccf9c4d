package org.redgrid.bench.matching;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.redgrid.lists.control.matching.CandidateGraph;
import org.redgrid.lists.control.matching.MatchProposal;
import org.redgrid.lists.control.matching.MatchWeights;
import org.redgrid.lists.control.matching.Matcher;

/**
 * The matcher benchmark.
 * <pre>
 *   generate DIR DEMANDS RESOURCES SEED   writes DIR/demands.tsv and DIR/resources.tsv
 *   run DIR RUNS [JGRAPHT_LIMIT_S]        times the matcher (median of RUNS after 5 s of warm-up), writes the candidate
 *                                         graph (DIR/edges.tsv, DIR/capacities.tsv) for SciPy, prints one JSON line;
 *                                         with a limit, also times JGraphT on the same graph
 * </pre>
 */
public final class MatchingBench {

    /** Warm-up runs: at least this many, and for at least this long, so that the JIT has compiled the hot paths. */
    private static final int MIN_WARM_UPS = 2;
    private static final long MIN_WARM_UP_NS = 5_000_000_000L;

    private MatchingBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        switch (args[0]) {
            case "generate" -> Instances.write(
                    Instances.generate(Long.parseLong(args[4]), Integer.parseInt(args[2]), Integer.parseInt(args[3])), dir);
            case "run" -> run(dir, Integer.parseInt(args[2]), args.length > 3 ? Integer.parseInt(args[3]) : 0);
            default -> throw new IllegalArgumentException("generate | run, not " + args[0]);
        }
    }

    private static void run(Path dir, int runs, int jgraphtLimitSeconds) throws Exception {
        Instances.Batch batch = Instances.read(dir);
        Matcher matcher = new Matcher(MatchWeights.DEFAULT);
        long[] candidatesNs = new long[runs];
        long[] solveNs = new long[runs];
        long[] totalNs = new long[runs];
        long[] cpuNs = new long[runs];
        // CPU time of the process too: on a machine shared with other builds, wall time also counts waiting for a core.
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        CandidateGraph graph = null;
        MatchProposal proposal = null;
        long warmUntil = System.nanoTime() + MIN_WARM_UP_NS;
        for (int w = 0; w < MIN_WARM_UPS || System.nanoTime() < warmUntil; w++) {
            matcher.propose(batch.demands(), batch.resources());
        }
        for (int k = 0; k < runs; k++) {
            System.gc();
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            graph = matcher.candidates(batch.demands(), batch.resources());
            long t1 = System.nanoTime();
            proposal = matcher.propose(graph);
            long t2 = System.nanoTime();
            cpuNs[k] = os.getProcessCpuTime() - c0;
            candidatesNs[k] = t1 - t0;
            solveNs[k] = t2 - t1;
            totalNs[k] = t2 - t0;
        }
        writeGraph(graph, dir);
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long heapMb = (rt.totalMemory() - rt.freeMemory()) >> 20;
        StringBuilder json = new StringBuilder();
        json.append(String.format(Locale.ROOT,
                "{\"instance\":\"%s\",\"demands\":%d,\"resources\":%d,\"edges\":%d,\"maxDegree\":%d,\"runs\":%d,"
                        + "\"candidatesMs\":%.1f,\"solveMs\":%.1f,\"totalMs\":%.1f,\"totalCpuMs\":%.1f,\"objective\":%d,\"matched\":%d,"
                        + "\"heapAfterMb\":%d",
                dir.getFileName(), graph.demandCount(), graph.resourceCount(), graph.edgeCount(), maxDegree(graph), runs,
                medianMs(candidatesNs), medianMs(solveNs), medianMs(totalNs), medianMs(cpuNs), proposal.totalFit(),
                proposal.pairs().size(), heapMb));
        if (jgraphtLimitSeconds > 0) {
            for (JGraphTReference.Algorithm algorithm : JGraphTReference.Algorithm.values()) {
                json.append(jgrapht(graph, algorithm, jgraphtLimitSeconds));
            }
        }
        System.out.println(json.append('}'));
    }

    /** One timed JGraphT solve, abandoned past the limit (the run then reports the limit and no objective). */
    private static String jgrapht(CandidateGraph graph, JGraphTReference.Algorithm algorithm, int limitSeconds)
            throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "jgrapht");
            t.setDaemon(true);
            return t;
        });
        try {
            long t0 = System.nanoTime();
            Future<Long> objective = pool.submit(() -> JGraphTReference.solve(graph, algorithm));
            try {
                long value = objective.get(limitSeconds, TimeUnit.SECONDS);
                return String.format(Locale.ROOT, ",\"%sMs\":%.1f,\"%sObjective\":%d", algorithm.key, (System.nanoTime() - t0) / 1e6,
                        algorithm.key, value);
            } catch (TimeoutException e) {
                objective.cancel(true);
                return String.format(Locale.ROOT, ",\"%sMs\":null,\"%sOverS\":%d", algorithm.key, algorithm.key, limitSeconds);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void writeGraph(CandidateGraph graph, Path dir) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(dir.resolve("edges.tsv"))) {
            for (int i = 0; i < graph.demandCount(); i++) {
                for (int e = graph.edgeStart(i); e < graph.edgeStart(i + 1); e++) {
                    out.write(i + "\t" + graph.edgeResource(e) + "\t" + graph.edgeFit(e));
                    out.newLine();
                }
            }
        }
        try (BufferedWriter out = Files.newBufferedWriter(dir.resolve("capacities.tsv"))) {
            out.write(Integer.toString(graph.demandCount()));
            out.newLine();
            for (int r = 0; r < graph.resourceCount(); r++) {
                out.write(Integer.toString(graph.resource(r).capacity()));
                out.newLine();
            }
        }
    }

    private static int maxDegree(CandidateGraph graph) {
        int max = 0;
        for (int i = 0; i < graph.demandCount(); i++) {
            max = Math.max(max, graph.edgeStart(i + 1) - graph.edgeStart(i));
        }
        return max;
    }

    private static double medianMs(long[] ns) {
        long[] sorted = ns.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return (n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0) / 1e6;
    }
}
