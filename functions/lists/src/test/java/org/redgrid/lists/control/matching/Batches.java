package org.redgrid.lists.control.matching;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Small random batches on one street of two communities with two grids each. */
final class Batches {

    static final Instant MONDAY = Instant.parse("2026-11-23T00:00:00Z");
    private static final String[] CATEGORIES = {"C01", "C02", "C03"};
    private static final String[] SKILLS = {"电工", "理发", "法律", "护理"};

    private Batches() {
    }

    static GridPath grid(int community, int grid) {
        return GridPath.grid("S1", "C" + community, "G" + grid);
    }

    static TimeWindow hours(int fromHour, int toHour) {
        return new TimeWindow(MONDAY.plus(Duration.ofHours(fromHour)), MONDAY.plus(Duration.ofHours(toHour)));
    }

    static List<Demand> demands(Random rnd, int count) {
        List<Demand> demands = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int from = rnd.nextInt(20);
            demands.add(new Demand("D" + i, pick(rnd, CATEGORIES), skills(rnd, 2), grid(rnd.nextInt(2), rnd.nextInt(2)),
                    rnd.nextInt(4) == 0 ? new GeoPoint(116.3 + rnd.nextInt(10) / 1000.0, 39.9) : null,
                    rnd.nextInt(4) == 0 ? null : hours(from, from + 1 + rnd.nextInt(6)), 1 + rnd.nextInt(5)));
        }
        return demands;
    }

    static List<Resource> resources(Random rnd, int count) {
        List<Resource> resources = new ArrayList<>();
        for (int r = 0; r < count; r++) {
            int from = rnd.nextInt(16);
            GridPath area = switch (rnd.nextInt(3)) {
                case 0 -> GridPath.street("S1");
                case 1 -> GridPath.community("S1", "C" + rnd.nextInt(2));
                default -> grid(rnd.nextInt(2), rnd.nextInt(2));
            };
            resources.add(new Resource("R" + r, Set.of(pick(rnd, CATEGORIES)), skills(rnd, 3), List.of(area),
                    rnd.nextInt(4) == 0 ? new GeoPoint(116.3 + rnd.nextInt(10) / 1000.0, 39.9) : null,
                    rnd.nextInt(4) == 0 ? null : hours(from, from + 2 + rnd.nextInt(10)), 1 + rnd.nextInt(3)));
        }
        return resources;
    }

    private static Set<String> skills(Random rnd, int max) {
        Set<String> skills = new HashSet<>();
        for (int k = rnd.nextInt(max + 1); k > 0; k--) {
            skills.add(pick(rnd, SKILLS));
        }
        return skills;
    }

    private static String pick(Random rnd, String[] from) {
        return from[rnd.nextInt(from.length)];
    }

    /** The graph as a bare instance, for the references. */
    static BipartiteInstance bare(CandidateGraph g) {
        int[] start = new int[g.demandCount() + 1];
        for (int i = 0; i <= g.demandCount(); i++) {
            start[i] = g.edgeStart(i);
        }
        int[] target = new int[g.edgeCount()];
        int[] weight = new int[g.edgeCount()];
        for (int e = 0; e < g.edgeCount(); e++) {
            target[e] = g.edgeResource(e);
            weight[e] = g.edgeFit(e);
        }
        int[] capacity = new int[g.resourceCount()];
        for (int r = 0; r < capacity.length; r++) {
            capacity[r] = g.resource(r).capacity();
        }
        return new BipartiteInstance(start, target, weight, capacity);
    }
}
