package org.redgrid.lists.control.matching;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * 需求与资源匹配: proposes, for a batch of open demands and available resources, the assignment that maximises the
 * total fit with each demand served at most once and each resource within its capacity.
 *
 * <p>The optimum is exact over the candidate graph (at most {@code maxCandidates} best resources per demand). Ties
 * between equally good assignments are settled by working on the id-sorted batch with a deterministic solver, so the
 * same batch in any order gives the same proposal.
 */
public final class Matcher {

    public static final int DEFAULT_MAX_CANDIDATES = 50;

    private final FitScorer scorer;
    private final int maxCandidates;

    public Matcher(MatchWeights weights, int maxCandidates) {
        InvalidBatchException.require(weights != null, "MATCH_BAD_WEIGHTS", "缺少匹配权重");
        InvalidBatchException.require(maxCandidates >= 1, "MATCH_BAD_CANDIDATES", "每个需求的候选资源数须至少为 1");
        this.scorer = new FitScorer(weights);
        this.maxCandidates = maxCandidates;
    }

    public Matcher(MatchWeights weights) {
        this(weights, DEFAULT_MAX_CANDIDATES);
    }

    /** The candidate graph of a batch; throws {@link InvalidBatchException} on duplicate ids. */
    public CandidateGraph candidates(Collection<Demand> demands, Collection<Resource> resources) {
        return CandidateGraph.build(demands, resources, scorer, maxCandidates);
    }

    public MatchProposal propose(Collection<Demand> demands, Collection<Resource> resources) {
        return propose(candidates(demands, resources));
    }

    /** The optimal assignment over a candidate graph, each pair explained with the weights the graph was built with. */
    public MatchProposal propose(CandidateGraph graph) {
        int[] matchEdge = MaxWeightBMatching.solve(graph.edgeStarts(), graph.edgeResources(), graph.edgeFits(),
                graph.capacities());
        List<MatchPair> pairs = new ArrayList<>();
        List<String> unmatched = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < matchEdge.length; i++) {
            Demand d = graph.demand(i);
            int e = matchEdge[i];
            if (e < 0) {
                unmatched.add(d.id());
                continue;
            }
            Fit fit = graph.explain(i, e);
            pairs.add(new MatchPair(d.id(), graph.resource(graph.edgeResource(e)).id(), fit));
            total += fit.total();
        }
        return new MatchProposal(pairs, total, unmatched, graph.edgeCount());
    }
}
