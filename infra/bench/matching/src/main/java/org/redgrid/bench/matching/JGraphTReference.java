package org.redgrid.bench.matching;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.alg.flow.mincost.CapacityScalingMinimumCostFlow;
import org.jgrapht.alg.flow.mincost.MinimumCostFlowProblem;
import org.jgrapht.alg.matching.MaximumWeightBipartiteMatching;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleDirectedWeightedGraph;
import org.jgrapht.graph.SimpleWeightedGraph;
import org.redgrid.lists.control.matching.CandidateGraph;

/** The matcher's candidate graph solved by JGraphT, to measure the kept library against the matcher's own solver. */
final class JGraphTReference {

    enum Algorithm {
        /** Maximum-weight bipartite matching with each resource copied once per unit of capacity. */
        MATCHING("jgraphtMatching"),
        /** Capacity-scaling min-cost flow; every demand may bypass to the sink so that not all need a resource. */
        MIN_COST_FLOW("jgraphtFlow");

        final String key;

        Algorithm(String key) {
            this.key = key;
        }
    }

    private JGraphTReference() {
    }

    static long solve(CandidateGraph g, Algorithm algorithm) {
        return algorithm == Algorithm.MATCHING ? matching(g) : minCostFlow(g);
    }

    private static long matching(CandidateGraph g) {
        Graph<Integer, DefaultWeightedEdge> graph = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
        Set<Integer> demands = new HashSet<>();
        Set<Integer> slots = new HashSet<>();
        int[] firstSlot = new int[g.resourceCount() + 1];
        firstSlot[0] = g.demandCount();
        for (int r = 0; r < g.resourceCount(); r++) {
            firstSlot[r + 1] = firstSlot[r] + g.resource(r).capacity();
        }
        for (int i = 0; i < g.demandCount(); i++) {
            graph.addVertex(i);
            demands.add(i);
        }
        for (int v = g.demandCount(); v < firstSlot[g.resourceCount()]; v++) {
            graph.addVertex(v);
            slots.add(v);
        }
        for (int i = 0; i < g.demandCount(); i++) {
            for (int e = g.edgeStart(i); e < g.edgeStart(i + 1); e++) {
                int r = g.edgeResource(e);
                for (int v = firstSlot[r]; v < firstSlot[r + 1]; v++) {
                    graph.setEdgeWeight(graph.addEdge(i, v), g.edgeFit(e));
                }
            }
        }
        return Math.round(new MaximumWeightBipartiteMatching<>(graph, demands, slots).getMatching().getWeight());
    }

    private static long minCostFlow(CandidateGraph g) {
        int n = g.demandCount();
        int m = g.resourceCount();
        int source = n + m;
        int sink = source + 1;
        // Costs shifted to be non-negative: a demand pays `top` when unmatched and `top - fit` through a resource,
        // so every demand sends one unit and the least cost is n·top − (best total fit).
        int top = 1;
        for (int e = 0; e < g.edgeCount(); e++) {
            top = Math.max(top, g.edgeFit(e) + 1);
        }
        Graph<Integer, DefaultWeightedEdge> graph = new SimpleDirectedWeightedGraph<>(DefaultWeightedEdge.class);
        for (int v = 0; v <= sink; v++) {
            graph.addVertex(v);
        }
        Map<DefaultWeightedEdge, Integer> capacity = new HashMap<>();
        for (int i = 0; i < n; i++) {
            capacity.put(edge(graph, source, i, 0), 1);
            capacity.put(edge(graph, i, sink, top), 1);
            for (int e = g.edgeStart(i); e < g.edgeStart(i + 1); e++) {
                capacity.put(edge(graph, i, n + g.edgeResource(e), top - g.edgeFit(e)), 1);
            }
        }
        for (int r = 0; r < m; r++) {
            capacity.put(edge(graph, n + r, sink, 0), g.resource(r).capacity());
        }
        MinimumCostFlowProblem<Integer, DefaultWeightedEdge> problem = new MinimumCostFlowProblem.MinimumCostFlowProblemImpl<>(
                graph, v -> v == source ? n : v == sink ? -n : 0, capacity::get);
        double cost = new CapacityScalingMinimumCostFlow<Integer, DefaultWeightedEdge>().getMinimumCostFlow(problem).getCost();
        return (long) n * top - Math.round(cost);
    }

    private static DefaultWeightedEdge edge(Graph<Integer, DefaultWeightedEdge> graph, int from, int to, double cost) {
        DefaultWeightedEdge e = graph.addEdge(from, to);
        graph.setEdgeWeight(e, cost);
        return e;
    }
}
