package org.redgrid.bench.matching;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.redgrid.lists.control.matching.Demand;
import org.redgrid.lists.control.matching.GeoPoint;
import org.redgrid.lists.control.matching.GridPath;
import org.redgrid.lists.control.matching.Resource;
import org.redgrid.lists.control.matching.TimeWindow;

/**
 * Seeded district-like batches: streets of 10 communities of 10 grids, one grid per 10 demands, so that 1k and 10k
 * instances have the same density. Resources cover one or a few grids, a community or a whole street; the matcher then
 * keeps up to 50 candidates per demand. Written as TSV, one demand or resource a line.
 */
final class Instances {

    private static final Instant START = Instant.parse("2026-12-01T00:00:00Z");
    private static final int HOUR = 3600;
    private static final int CATEGORIES = 8;
    private static final int SKILLS = 12;

    record Batch(List<Demand> demands, List<Resource> resources) {
    }

    private Instances() {
    }

    static Batch generate(long seed, int demandCount, int resourceCount) {
        Random rnd = new Random(seed);
        int streets = Math.max(1, demandCount / 1000);
        List<Demand> demands = new ArrayList<>(demandCount);
        for (int i = 0; i < demandCount; i++) {
            int s = rnd.nextInt(streets);
            int c = rnd.nextInt(10);
            int g = rnd.nextInt(10);
            demands.add(new Demand(String.format("D%06d", i), category(rnd), codes(rnd, "K", SKILLS, rnd.nextInt(4)),
                    grid(s, c, g), rnd.nextInt(5) == 0 ? null : centre(s, c, g),
                    rnd.nextInt(5) == 0 ? null : window(rnd, 2 + rnd.nextInt(47)), 1 + rnd.nextInt(5)));
        }
        List<Resource> resources = new ArrayList<>(resourceCount);
        for (int r = 0; r < resourceCount; r++) {
            int s = rnd.nextInt(streets);
            int c = rnd.nextInt(10);
            int g = rnd.nextInt(10);
            int kind = rnd.nextInt(100);
            List<GridPath> covers;
            if (kind < 45) {
                covers = List.of(grid(s, c, g));
            } else if (kind < 60) {
                covers = List.of(grid(s, c, g), grid(s, c, (g + 1) % 10), grid(s, c, (g + 3) % 10));
            } else if (kind < 82) {
                covers = List.of(GridPath.community(street(s), community(c)));
            } else {
                covers = List.of(GridPath.street(street(s)));
            }
            int capacity = switch (rnd.nextInt(20)) {
                case 0 -> 5;
                case 1, 2 -> 3;
                case 3, 4, 5, 6, 7 -> 2;
                default -> 1;
            };
            resources.add(new Resource(String.format("R%06d", r), codes(rnd, "C", CATEGORIES, 1 + rnd.nextInt(3)),
                    codes(rnd, "K", SKILLS, rnd.nextInt(5)), covers,
                    kind < 45 && rnd.nextBoolean() ? centre(s, c, g) : null,
                    rnd.nextInt(5) == 0 ? null : window(rnd, 4 + rnd.nextInt(7 * 24)), capacity));
        }
        return new Batch(demands, resources);
    }

    private static String street(int s) {
        return String.format("S%02d", s);
    }

    private static String community(int c) {
        return String.format("C%02d", c);
    }

    private static GridPath grid(int s, int c, int g) {
        return GridPath.grid(street(s), community(c), String.format("G%02d", g));
    }

    /** Grids about 400 m apart, communities 4 km, streets 40 km: distance decays within a community. */
    private static GeoPoint centre(int s, int c, int g) {
        return new GeoPoint(116.0 + s * 0.5 + c * 0.05 + g * 0.005, 39.9 + (g % 3) * 0.003);
    }

    private static String category(Random rnd) {
        return String.format("C%02d", 1 + rnd.nextInt(CATEGORIES));
    }

    private static Set<String> codes(Random rnd, String prefix, int of, int count) {
        Set<String> codes = new LinkedHashSet<>();
        while (codes.size() < count) {
            codes.add(String.format("%s%02d", prefix, 1 + rnd.nextInt(of)));
        }
        return codes;
    }

    /** A window of the given hours starting somewhere in a fortnight. */
    private static TimeWindow window(Random rnd, int hours) {
        Instant from = START.plusSeconds((long) rnd.nextInt(14 * 24) * HOUR);
        return new TimeWindow(from, from.plusSeconds((long) hours * HOUR));
    }

    static void write(Batch batch, Path dir) throws IOException {
        Files.createDirectories(dir);
        try (BufferedWriter out = Files.newBufferedWriter(dir.resolve("demands.tsv"))) {
            for (Demand d : batch.demands()) {
                out.write(String.join("\t", d.id(), d.category(), join(d.skills()), d.grid().code(), point(d.centre()),
                        window(d.window()), Integer.toString(d.urgency())));
                out.newLine();
            }
        }
        try (BufferedWriter out = Files.newBufferedWriter(dir.resolve("resources.tsv"))) {
            for (Resource r : batch.resources()) {
                out.write(String.join("\t", r.id(), join(r.categories()), join(r.skills()),
                        r.covers().stream().map(GridPath::code).collect(Collectors.joining(";")), point(r.centre()),
                        window(r.availability()), Integer.toString(r.capacity())));
                out.newLine();
            }
        }
    }

    static Batch read(Path dir) throws IOException {
        List<Demand> demands = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("demands.tsv"))) {
            String[] f = line.split("\t", -1);
            demands.add(new Demand(f[0], f[1], set(f[2]), GridPath.parse(f[3]), point(f[4]), window(f[5]), Integer.parseInt(f[6])));
        }
        List<Resource> resources = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("resources.tsv"))) {
            String[] f = line.split("\t", -1);
            resources.add(new Resource(f[0], set(f[1]), set(f[2]),
                    Arrays.stream(f[3].split(";")).map(GridPath::parse).toList(), point(f[4]), window(f[5]),
                    Integer.parseInt(f[6])));
        }
        return new Batch(demands, resources);
    }

    private static String join(Set<String> codes) {
        return codes.stream().sorted().collect(Collectors.joining(","));
    }

    private static Set<String> set(String field) {
        return field.isEmpty() ? Set.of() : Set.of(field.split(","));
    }

    private static String point(GeoPoint p) {
        return p == null ? "" : p.lon() + "," + p.lat();
    }

    private static GeoPoint point(String field) {
        if (field.isEmpty()) {
            return null;
        }
        String[] parts = field.split(",");
        return new GeoPoint(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]));
    }

    private static String window(TimeWindow w) {
        return w == null ? "" : w.start().getEpochSecond() + "," + w.end().getEpochSecond();
    }

    private static TimeWindow window(String field) {
        if (field.isEmpty()) {
            return null;
        }
        String[] parts = field.split(",");
        return new TimeWindow(Instant.ofEpochSecond(Long.parseLong(parts[0])), Instant.ofEpochSecond(Long.parseLong(parts[1])));
    }
}
