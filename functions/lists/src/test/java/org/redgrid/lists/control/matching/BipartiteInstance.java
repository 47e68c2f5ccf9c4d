package org.redgrid.lists.control.matching;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.jgrapht.alg.matching.MaximumWeightBipartiteMatching;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;

/** A bare b-matching instance in the solver's CSR form, with the two references it is checked against. */
record BipartiteInstance(int[] edgeStart, int[] edgeResource, int[] edgeWeight, int[] capacity) {

    /** Random instance; small {@code maxWeight} makes many ties. */
    static BipartiteInstance random(Random rnd, int demands, int resources, int maxDegree, int maxWeight, int maxCapacity) {
        int[] start = new int[demands + 1];
        List<Integer> target = new ArrayList<>();
        List<Integer> weight = new ArrayList<>();
        for (int i = 0; i < demands; i++) {
            int degree = rnd.nextInt(Math.min(maxDegree, resources) + 1);
            rnd.ints(0, resources).distinct().limit(degree).sorted().forEach(r -> {
                target.add(r);
                weight.add(1 + rnd.nextInt(maxWeight));
            });
            start[i + 1] = target.size();
        }
        int[] capacity = rnd.ints(resources, 1, maxCapacity + 1).toArray();
        return new BipartiteInstance(start, target.stream().mapToInt(Integer::intValue).toArray(),
                weight.stream().mapToInt(Integer::intValue).toArray(), capacity);
    }

    int demands() {
        return edgeStart.length - 1;
    }

    int[] solve() {
        return MaxWeightBMatching.solve(edgeStart, edgeResource, edgeWeight, capacity);
    }

    long total(int[] matchEdge) {
        long total = 0;
        for (int e : matchEdge) {
            total += e < 0 ? 0 : edgeWeight[e];
        }
        return total;
    }

    /** Exhaustive search: every demand takes one of its edges or none. */
    long bruteForce() {
        return bruteForce(0, capacity.clone());
    }

    private long bruteForce(int i, int[] left) {
        if (i == demands()) {
            return 0;
        }
        long best = bruteForce(i + 1, left);
        for (int e = edgeStart[i]; e < edgeStart[i + 1]; e++) {
            int r = edgeResource[e];
            if (left[r] > 0) {
                left[r]--;
                best = Math.max(best, edgeWeight[e] + bruteForce(i + 1, left));
                left[r]++;
            }
        }
        return best;
    }

    /** JGraphT's maximum-weight bipartite matching with each resource copied once per unit of capacity. */
    long jgrapht() {
        SimpleWeightedGraph<String, DefaultWeightedEdge> g = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
        Set<String> left = new HashSet<>();
        Set<String> right = new HashSet<>();
        for (int i = 0; i < demands(); i++) {
            g.addVertex("d" + i);
            left.add("d" + i);
        }
        for (int r = 0; r < capacity.length; r++) {
            for (int c = 0; c < capacity[r]; c++) {
                g.addVertex("r" + r + "." + c);
                right.add("r" + r + "." + c);
            }
        }
        for (int i = 0; i < demands(); i++) {
            for (int e = edgeStart[i]; e < edgeStart[i + 1]; e++) {
                for (int c = 0; c < capacity[edgeResource[e]]; c++) {
                    g.setEdgeWeight(g.addEdge("d" + i, "r" + edgeResource[e] + "." + c), edgeWeight[e]);
                }
            }
        }
        return Math.round(new MaximumWeightBipartiteMatching<>(g, left, right).getMatching().getWeight());
    }
}
